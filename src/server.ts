/**
 * `consent-banner/server`: reads the consent cookie from a request's `Cookie` header, so a
 * server can leave tracker snippets out of the HTML when the visitor did not consent (I7); writes
 * the same cookie as a `Set-Cookie` header, so that it lasts the configured days where browsers
 * cap cookies written by script (Safari: 7 days), from the banner's `cookie-url` requests and from
 * the cookie page's form for visitors without JavaScript (`consentCookieHandler`); and writes that
 * page's content from the banner's configuration (`renderPreferencesFallback`); and computes the
 * texts hash of a consent receipt from it (`receiptTexts`), to show what a visitor was told.
 *
 * DOM-free and free of Lit: it uses the same stored-decision rules, cookie codec and cookie
 * attributes as the browser (`readStoredDecision`, `encodeDecision`, `consentCookie`), so the two
 * sides cannot disagree about a cookie, and the same categories, texts and cookie rows as the
 * choices. Nothing here throws: bad input is no decision (`null`), a refused request (4xx), or one
 * console error and the defaults.
 */
import { MESSAGES } from './messages.js';
import { useMessages } from './report.js';

// The messages' texts come with this module, so that a mistake is reported before the call returns.
useMessages(MESSAGES);

export type { CategoryChoices, ConsentDecision, ConsentMethod } from './decision/types.js';
/** The ready-made services (docs/services.md): each one's category, texts, cookies and hosts. */
export { SERVICE_CATALOGUE, type CatalogueEntry } from './decision/service-catalogue.js';
export { hasConsent, readConsent, type CookieHeader, type ReadConsentOptions } from './server/read-consent.js';
export {
  consentCookieHandler,
  consentCookieHeader,
  type ConsentCookieHandlerOptions,
  type ConsentCookieHeaderOptions,
  type ConsentCookieOptions,
  type ConsentRequest,
  type ConsentResponse,
} from './server/set-cookie.js';
export { renderPreferencesFallback, type PreferencesFallbackOptions } from './server/preferences-fallback.js';
export { receiptTexts, type ReceiptTexts, type ReceiptTextsOptions } from './server/receipt-texts.js';
