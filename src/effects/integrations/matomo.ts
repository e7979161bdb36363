import { change, granted, safely } from './globals.js';
import type { ConsentIntegration } from './types.js';

/**
 * Tells Matomo about the decision on `category` (default `analytics`) through `window._paq` (I3).
 * The page's own Matomo snippet (docs/integrations.md) removes Matomo's own consent cookies and
 * calls `requireConsent` before `trackPageView`, so matomo.js builds the page view at once and
 * keeps it in its consent queue until it hears `setConsentGiven`.
 *
 * What matomo.js 5.x does, from its source (js/piwik.js): `sendRequest` puts every request made
 * without consent in `consentRequestsQueue`; `setConsentGiven` sends that whole queue;
 * `forgetConsentGiven` (which calls `requireConsent`) does not empty it, and only `trackPageView`
 * does. So a request made after a refusal or a withdrawal would leave with the next
 * `setConsentGiven` on the same page. Hence:
 *
 * - Grant, fresh or stored (so on every page view): `['setConsentGiven']`, creating `_paq` when
 *   the snippet has not run yet. Matomo applies a queued `requireConsent` before `setConsentGiven`,
 *   whatever their order in the queue (its applyFirst list). Consent is never "remembered" by
 *   Matomo: the banner's cookie is the record, and `rememberConsentGiven` would default to 30 years.
 * - No grant after a refusal or withdrawal on the same page (L12, I3): once this page view has
 *   seen the category refused after a decision (a stored or fresh refusal, a withdrawal, `reset()`),
 *   a later grant on the same page pushes nothing; Matomo hears the grant on the next page view.
 *   What was queued without consent is then never sent: the queue dies with the page.
 * - Revoke: `['forgetConsentGiven']`, then `['deleteCookies']`, only when `_paq` exists. While
 *   `_paq` is still a queue, queued `setConsentGiven` commands are dropped first: Matomo would
 *   apply them before anything else and send this page view after all.
 * - Before any choice: nothing. The adapter runs after the banner, which can be after matomo.js:
 *   what keeps a leftover `mtm_consent` cookie from counting as consent is the snippet (it removes
 *   the cookie before matomo.js reads it) and the banner's clean-up, not a push from here.
 * - Nothing when the category did not change. Never throws (I9).
 *
 * Where the site lists Matomo as a service of `category` (`"services": ["matomo"]`,
 * docs/services.md), Matomo follows that service's choice instead of its category's: granted with
 * the category, or on its own by its box. Listed in another category (or `necessary`), it is ignored:
 * Matomo follows `category`.
 */
export function matomo({ category = 'analytics' }: { category?: string } = {}): ConsentIntegration {
  let withheld = false;
  return {
    update(state, previous, services) {
      // Its own box counts only where Matomo is a service of this category (not of `necessary`, nor of another).
      const service = services?.matomo === category ? 'matomo' : '';
      const delta = change(state, previous, category, service);
      if ([state, previous].some((seen) => seen?.decided && !granted(seen, category, service)) || delta < 0) withheld = true;
      if (delta > 0 && !withheld) safely(() => (window._paq ??= []).push(['setConsentGiven']));
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
