import { change, safely } from './globals.js';
import type { ConsentIntegration } from './types.js';

/**
 * Tells Matomo about the decision on `category` (default `analytics`) through `window._paq` (I3).
 * The page's own Matomo snippet calls `requireConsent` before `trackPageView`.
 *
 * - Grant, fresh or stored (so on every page view): `['setConsentGiven']`, creating `_paq` when the
 *   snippet has not run yet. Matomo applies a queued `requireConsent` before `setConsentGiven`,
 *   whatever their order in the queue. Consent is never "remembered" by Matomo: the banner's
 *   cookie is the record, and Matomo's `rememberConsentGiven` would default to 30 years.
 * - Revoke: `['forgetConsentGiven']`, then `['deleteCookies']`, only when `_paq` exists. While
 *   `_paq` is still a queue, queued `setConsentGiven` commands are dropped first: Matomo would
 *   apply them before anything else and track this page view after all.
 * - Nothing when the category did not change. Never throws (I9).
 */
export function matomo({ category = 'analytics' }: { category?: string } = {}): ConsentIntegration {
  return {
    update(state, previous) {
      const delta = change(state, previous, category);
      if (delta > 0) safely(() => (window._paq ??= []).push(['setConsentGiven']));
      else if (delta < 0 && window._paq) {
        safely(() => {
          const paq = window._paq!;
          if (Array.isArray(paq)) {
            for (let i = paq.length; i--; ) if (paq[i]?.[0] === 'setConsentGiven') paq.splice(i, 1);
          }
          paq.push(['forgetConsentGiven']);
          paq.push(['deleteCookies']);
        });
      }
    },
  };
}
