/**
 * Types for the elements in React 19 JSX (TSX), for their types only: import it once, anywhere in
 * the program (`import type {} from 'consent-banner/react';`). React 19 passes an attribute to a
 * custom element as written, a value that is an object (`config`) as a property, and adds a
 * listener for `onconsent-change` / `onconsent-ready` (the event's name after `on`, as it is
 * written). See docs/frameworks.md.
 */
import type * as React from 'react';
import type { ConsentBanner } from './ConsentBanner.js';
import type { ConsentConfig } from './decision/types.js';
import type { ConsentChangeEvent, ConsentReadyEvent } from './events.js';
import type { ConsentPreferences } from './ui/ConsentPreferences.js';

/** The attributes, property and events of `<consent-banner>` in JSX (the README's table). */
export interface ConsentBannerJsxProps {
  'policy-version'?: string;
  'privacy-url'?: string;
  'site-name'?: string;
  organisation?: string;
  'cookie-name'?: string;
  'cookie-domain'?: string;
  'max-age-days'?: number | string;
  'heading-level'?: 1 | 2 | 3 | 4 | 5 | 6 | `${1 | 2 | 3 | 4 | 5 | 6}`;
  placement?: 'bottom' | 'top';
  'region-label'?: string;
  integrations?: string;
  'receipt-url'?: string;
  'cookie-url'?: string;
  /** `true` writes the attribute, `false` leaves it out. */
  'ignore-gpc'?: boolean;
  /** `true` writes the attribute, `false` leaves it out. Only when your analytics meets the README's conditions. */
  'analytics-exempt'?: boolean;
  /** `true` writes the attribute, `false` leaves it out. */
  'reload-on-withdrawal'?: boolean;
  /** Set as the element's `config` property (an object). */
  config?: ConsentConfig;
  'onconsent-ready'?: (event: ConsentReadyEvent) => void;
  'onconsent-change'?: (event: ConsentChangeEvent) => void;
}

/** The attribute of `<consent-preferences>` in JSX. */
export interface ConsentPreferencesJsxProps {
  /** The `id` of the `<consent-banner>` it belongs to (default: the page's first). */
  for?: string;
}

declare module 'react' {
  // The JSX namespace of React's own types (@types/react 19), which TSX reads.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'consent-banner': React.DetailedHTMLProps<React.HTMLAttributes<ConsentBanner>, ConsentBanner> & ConsentBannerJsxProps;
      'consent-preferences': React.DetailedHTMLProps<React.HTMLAttributes<ConsentPreferences>, ConsentPreferences> & ConsentPreferencesJsxProps;
    }
  }
}
