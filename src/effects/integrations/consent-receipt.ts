import type { ConsentDecision } from '../../decision/types.js';
import { decisionSettings } from '../../decision/stored-decision.js';
import { canonicalTexts, textsHash, type ShownTexts } from '../../i18n/shown-texts.js';
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

type TextsPart = typeof import('./receipt-texts.js');
let textsPart: Promise<TextsPart> | undefined;
/** The part that reads the texts, once it has loaded: the texts can then be read at once. */
let loadedTexts: TextsPart | undefined;
/** The part that reads the texts, once (tried again at the next decision when it did not load). */
function loadTexts(): Promise<TextsPart> {
  return (textsPart ??= import('./receipt-texts.js').then(
    (part) => (loadedTexts = part),
    (reason) => {
      textsPart = undefined;
      throw reason;
    },
  ));
}

/** The hashes computed so far, by canonical texts: computed ahead, a receipt goes out at once. */
const hashes = new Map<string, string | null>();
async function hashOf(canonical: string): Promise<string | null> {
  const hash = await textsHash(canonical);
  hashes.set(canonical, hash);
  return hash;
}

/** What `banner` shows now under `policyVersion`, or `null` when that cannot be read (no banner). */
function shownNow({ shownBy }: TextsPart, banner: ShowingBanner | undefined, policyVersion: string): ShownTexts | null {
  try {
    return shownBy(banner!, policyVersion);
  } catch {
    return null;
  }
}

/** Reads the texts and computes their hash ahead, as the banner's views show them (under the policy version the banner decides with). */
function prepare(banner: ShowingBanner): void {
  loadTexts().then(
    (part) => {
      const shown = shownNow(part, banner, decisionSettings(banner).policyVersion);
      if (shown) void hashOf(canonicalTexts(shown));
    },
    () => {},
  );
}

// The texts' part is fetched, and the hash of what the banner shows computed, as soon as the
// banner's views show (this part comes with the page's controller, before them): a decision then
// sends its receipt in its own task, also when the visitor leaves the page at once (or
// `reload-on-withdrawal` reloads it). A returning visitor, whom nothing is shown, fetches nothing more.
const banner = activeBanner();
const root = banner?.shadowRoot;
if (root?.childNodes.length) prepare(banner);
else if (root) {
  const shows = new MutationObserver(() => {
    shows.disconnect();
    prepare(banner);
  });
  shows.observe(root, { childList: true });
}

/**
 * Sends a copy of a decision to the site's own server (L13): a `POST` of the receipt's JSON and
 * nothing else, with the language and the hash of the texts the page's banner shows. No cookies
 * (`credentials: 'omit'`), no page address (`referrerPolicy: 'no-referrer'`), no IP, user agent
 * or other personal data added; `keepalive`, so it is sent also when the visitor leaves the page
 * at once. When the hash of what the banner shows was computed ahead (the views showed it), the
 * request starts at once, in the decision's task; when it was not (the texts changed since, or
 * their part had not loaded yet), it starts once the part has loaded and the hash is computed, a
 * few milliseconds later. A failure never reaches the page; the promise never rejects.
 */
export async function sendReceipt(url: string, decision: ConsentDecision): Promise<void> {
  try {
    // What the banner shows, in the views' and the choices' texts (there by the decision). Texts
    // that cannot be read (a part that did not load) leave the receipt without them, not unsent.
    const part = loadedTexts ?? (await loadTexts().catch(() => null));
    const shown = part && shownNow(part, activeBanner(), decision.policyVersion);
    const canonical = shown && canonicalTexts(shown);
    const hash = canonical === null ? null : hashes.has(canonical) ? hashes.get(canonical)! : await hashOf(canonical);
    post(url, decision, shown?.strings.lang ?? null, hash);
  } catch {
    // A receipt is a copy; the decision itself is stored and announced regardless.
  }
}

/** The receipt's request (its answer is not awaited: nothing depends on it). */
function post(url: string, { consentId = '', policyVersion, decidedAt, method, categories }: ConsentDecision, lang: string | null, hash: string | null): void {
  const receipt: ConsentReceipt = { consentId, policyVersion, decidedAt, method, categories, lang, textsHash: hash };
  fetch(url, {
    method: 'POST',
    body: JSON.stringify(receipt),
    headers: { 'Content-Type': 'application/json' },
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    keepalive: true,
    cache: 'no-store',
  }).catch(() => {});
}
