import { googleConsentMode } from './google-consent-mode.js';
import { matomoTagManager } from './matomo-tag-manager.js';
import { matomo } from './matomo.js';
import type { ConsentIntegration } from './types.js';
import { report } from '../../report.js';

export type { ConsentIntegration } from './types.js';

/** The names the `integrations` attribute takes, with their defaults. */
const INTEGRATIONS: Record<string, () => ConsentIntegration> = {
  matomo,
  'matomo-tag-manager': matomoTagManager,
  'google-consent-mode': googleConsentMode,
};

/** The integrations named in a space-separated list; an unknown name gets one console error. */
export function createIntegrations(names: string | undefined): ConsentIntegration[] {
  return (names ?? '').split(/\s+/).flatMap((name) => {
    if (!name) return [];
    if (Object.hasOwn(INTEGRATIONS, name)) return [INTEGRATIONS[name]()];
    report(`integrations: unknown name "${name}"; known: ${Object.keys(INTEGRATIONS).join(', ')}.`);
    return [];
  });
}
