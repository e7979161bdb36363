import type { ConsentDecision } from '../../decision/types.js';
import { canonicalTexts, textsHash } from '../../i18n/shown-texts.js';
import type { ShowingBanner } from './receipt-texts.js';

/**
 * What a receipt carries: the decision as stored, the language and a hash of the texts the
 * visitor was shown (GDPR art. 7(1): what they were told), nothing about the visitor (L13).
 */
export interface ConsentReceipt {
  consentId: string;
  policyVersion: string;
  decidedAt: string;
  method: ConsentDecision['method'];
  categories: ConsentDecision['categories'];
  /** The language of the texts shown (`nl`, `en`, `fy`, `de`, `fr`), or `null` when they could not be read. */
  lang: string | null;
  /** `sha256-` and the base64 SHA-256 of `canonicalTexts`, or `null` where it cannot be computed (plain http has no `crypto.subtle`). */
  textsHash: string | null;
}

/** The page's active banner: the one whose decisions are sent, and whose texts they were told. */
const activeBanner = () => (window as unknown as Record<symbol, ShowingBanner>)[Symbol.for('consent-banner.active')];

let textsPart: Promise<typeof import('./receipt-texts.js')> | undefined;
/** The part that reads the texts, once (tried again at the next decision when it did not load). */
function loadTexts(): Promise<typeof import('./receipt-texts.js')> {
  return (textsPart ??= import('./receipt-texts.js').catch((reason) => {
    textsPart = undefined;
    throw reason;
  }));
}

// The texts' part is fetched as soon as the banner's views show (this part comes with the page's
// controller, before them), so that a decision made just before the visitor leaves still goes
// out with its texts; a returning visitor, whom nothing is shown, fetches nothing more.
const root = activeBanner()?.shadowRoot;
if (root?.childNodes.length) loadTexts().catch(() => {});
else if (root) {
  const shows = new MutationObserver(() => {
    shows.disconnect();
    loadTexts().catch(() => {});
  });
  shows.observe(root, { childList: true });
}

/**
 * Sends a copy of a decision to the site's own server (L13): a `POST` of the receipt's JSON and
 * nothing else, with the language and the hash of the texts the page's banner shows. No cookies
 * (`credentials: 'omit'`), no page address (`referrerPolicy: 'no-referrer'`), no IP, user agent
 * or other personal data added; `keepalive`, so it is sent also when the visitor leaves the page
 * at once. A failure never reaches the page; the promise never rejects.
 */
export async function sendReceipt(url: string, { consentId = '', policyVersion, decidedAt, method, categories }: ConsentDecision): Promise<void> {
  try {
    // What the banner shows, in the views' and the choices' texts (there by the decision). Texts
    // that cannot be read (a part that did not load) leave the receipt without them, not unsent.
    const banner = activeBanner();
    const shown = await loadTexts().then(({ shownBy }) => shownBy(banner, policyVersion)).catch(() => null);
    const receipt: ConsentReceipt = {
      consentId,
      policyVersion,
      decidedAt,
      method,
      categories,
      lang: shown?.strings.lang ?? null,
      textsHash: shown && (await textsHash(canonicalTexts(shown))),
    };
    await fetch(url, {
      method: 'POST',
      body: JSON.stringify(receipt),
      headers: { 'Content-Type': 'application/json' },
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      keepalive: true,
      cache: 'no-store',
    });
  } catch {
    // A receipt is a copy; the decision itself is stored and announced regardless.
  }
}
