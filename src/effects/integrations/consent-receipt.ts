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

/**
 * Sends a copy of a decision to the site's own server (L13): a `POST` of the receipt's JSON and
 * nothing else, with the language and the hash of the texts the page's banner shows. No cookies
 * (`credentials: 'omit'`), no page address (`referrerPolicy: 'no-referrer'`), no IP, user agent
 * or other personal data added; `keepalive`, so it is sent also when the visitor leaves the page
 * at once. A failure never reaches the page; the promise never rejects.
 */
export async function sendReceipt(url: string, { consentId = '', policyVersion, decidedAt, method, categories }: ConsentDecision): Promise<void> {
  try {
    // The page's active banner (the one whose decision this is) and what it shows: read by a part
    // that comes at the decision, when the views' and the choices' texts are there. Texts that
    // cannot be read (a part that did not load) leave the receipt without them, not unsent.
    const banner = (window as unknown as Record<symbol, ShowingBanner>)[Symbol.for('consent-banner.active')];
    const shown = await import('./receipt-texts.js').then(({ shownBy }) => shownBy(banner, policyVersion)).catch(() => null);
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
