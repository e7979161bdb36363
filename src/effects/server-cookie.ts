import type { ConsentDecision } from '../decision/types.js';
import { checkHttpUrl, reportOnce } from '../report.js';

/** The addresses checked (and their mistakes reported): a second decision meets the same one. */
const checked = new Map<unknown, string | null>();

/**
 * Asks the site's own server to set the consent cookie too (`cookie-url`): a `POST` of the
 * decision as JSON, as the cookie holds it (`policyVersion`, `decidedAt`, `method`, `categories`,
 * and `consentId` when receipts are on), to an address
 * of this page's origin only, with the site's cookies (`credentials: 'same-origin'`) so that the
 * browser stores the `Set-Cookie` of the answer. A cookie a server sets lasts the configured days
 * where one written by script lasts 7 (Safari, every browser on iOS). The browser's own cookie is
 * written before, so nothing depends on this; a mistake or a failure gets one console error, and
 * `keepalive` sends it also when the visitor leaves the page at once. A part of its own, loaded
 * with the first decision on a page of a site that sets `cookie-url`.
 */
export function sendToCookieUrl(url: unknown, decision: ConsentDecision): void {
  if (!checked.has(url)) checked.set(url, checkHttpUrl(url, 'cookie-url'));
  const target = checked.get(url);
  if (!target) return;
  if (new URL(target).origin !== location.origin) {
    reportOnce('cookie-url-origin', url, location.origin);
    return;
  }
  const failed = (why: string) => reportOnce('cookie-url-failed', why);
  fetch(target, {
    method: 'POST',
    body: JSON.stringify(decision),
    headers: { 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    // An Origin the handler can check also on a site whose policy is no-referrer (which makes it "null").
    referrerPolicy: 'same-origin',
    keepalive: true,
    cache: 'no-store',
  }).then(
    (response) => {
      if (!response.ok) void response.text().then((text) => failed(`${response.status} ${text.slice(0, 200)}`.trim()), () => failed(String(response.status)));
    },
    (error) => failed(String(error)),
  );
}
