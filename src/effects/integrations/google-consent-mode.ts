import { safely } from './globals.js';
import type { ConsentIntegration } from './types.js';

/** The four Google Consent Mode v2 signals. */
export type ConsentModeSignal = 'analytics_storage' | 'ad_storage' | 'ad_user_data' | 'ad_personalization';

/** Options of {@link googleConsentMode}. */
export interface GoogleConsentModeOptions {
  /**
   * Signal → the category that grants it. Defaults: `analytics_storage` → `analytics`, the three
   * ad signals → `marketing`. A signal whose category is not configured or not granted is denied.
   */
  signals?: Partial<Record<ConsentModeSignal, string>>;
}

/** An `Arguments` object: the only kind of dataLayer entry gtag.js reads as a command. */
const argumentsOf = function () {
  // eslint-disable-next-line prefer-rest-params
  return arguments;
} as (...values: unknown[]) => IArguments;

/**
 * Tells Google Consent Mode v2 about the decision (I5): exactly one
 * `gtag('consent', 'update', {analytics_storage, ad_storage, ad_user_data, ad_personalization})`
 * per decision, and one per page view with a stored decision. Nothing while no decision exists:
 * the defaults of the head snippet (`google-consent-default.js`, all denied) stay. A decision
 * withdrawn by `reset()` sends all four denied. Uses `window.gtag`, else pushes onto
 * `window.dataLayer` the way gtag does, else does nothing. Never throws (I9).
 */
export function googleConsentMode({ signals }: GoogleConsentModeOptions = {}): ConsentIntegration {
  const map = {
    analytics_storage: 'analytics',
    ad_storage: 'marketing',
    ad_user_data: 'marketing',
    ad_personalization: 'marketing',
    ...signals,
  };
  return {
    update(state, previous) {
      if (!state.decided && !previous?.decided) return;
      const consent: Record<string, string> = {};
      for (const [signal, category] of Object.entries(map)) {
        consent[signal] = state.decided && state.categories[category] === true ? 'granted' : 'denied';
      }
      safely(() => {
        if (typeof window.gtag === 'function') window.gtag('consent', 'update', consent);
        else if (Array.isArray(window.dataLayer)) window.dataLayer.push(argumentsOf('consent', 'update', consent));
      });
    },
  };
}

/** The adapter with its defaults, as `integrations="google-consent-mode"` loads it (a part). */
export default googleConsentMode;
