/**
 * Types for the elements in Vue templates (vue-tsc, Volar), for their types only: import it once,
 * anywhere in the program (`import type {} from 'consent-banner/vue';`). Vue still has to be told
 * that `consent-*` tags are custom elements (`compilerOptions.isCustomElement`, see
 * docs/frameworks.md); these types make `<consent-banner policy-version="…" @consent-change="…">`
 * type-check.
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { ConsentBanner } from './ConsentBanner.js';
import type { ConsentChangeEvent, ConsentReadyEvent } from './events.js';
import type { ConsentPreferences } from './ui/ConsentPreferences.js';

/** The properties a template may set, by their attributes (`policy-version` is `policyVersion`). */
type BannerProperties =
  | 'policyVersion'
  | 'privacyUrl'
  | 'siteName'
  | 'organisation'
  | 'cookieName'
  | 'cookieDomain'
  | 'maxAgeDays'
  | 'headingLevel'
  | 'placement'
  | 'regionLabel'
  | 'integrations'
  | 'receiptUrl'
  | 'cookieUrl'
  | 'ignoreGpc'
  | 'analyticsExempt'
  | 'reloadOnWithdrawal'
  | 'config';

/**
 * A custom element as Vue's template checker sees a component: its props (the element's
 * properties and HTML's attributes) and the events it emits, each with its event object.
 */
type VueCustomElement<Element extends HTMLElement, Properties extends keyof Element, Events extends Record<string, Event>> = new () => Element & {
  /** For the template checker only: not a property of the element. */
  $props: HTMLAttributes & Partial<Pick<Element, Properties>> & PublicProps;
  /** For the template checker only: not a method of the element. */
  $emit: EmitFn<{ [Name in keyof Events]: (event: Events[Name]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
    'consent-banner': VueCustomElement<ConsentBanner, BannerProperties, { 'consent-ready': ConsentReadyEvent; 'consent-change': ConsentChangeEvent }>;
    'consent-preferences': VueCustomElement<ConsentPreferences, 'for', Record<never, Event>>;
  }
}
