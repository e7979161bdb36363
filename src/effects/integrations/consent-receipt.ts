import type { ConsentDecision } from '../../decision/types.js';

/** What a receipt carries: the decision as stored, nothing about the visitor (L13). */
export interface ConsentReceipt {
  consentId: string;
  policyVersion: string;
  decidedAt: string;
  method: ConsentDecision['method'];
  categories: ConsentDecision['categories'];
}

/**
 * Sends a copy of a decision to the site's own server (L13): a `POST` of the receipt's JSON and
 * nothing else. No cookies (`credentials: 'omit'`), no page address (`referrerPolicy:
 * 'no-referrer'`), no IP, user agent or other personal data added; `keepalive`, so it is sent
 * also when the visitor leaves the page at once. A failure never reaches the page.
 */
export function sendReceipt(url: string, { consentId = '', policyVersion, decidedAt, method, categories }: ConsentDecision): void {
  const receipt: ConsentReceipt = { consentId, policyVersion, decidedAt, method, categories };
  try {
    fetch(url, {
      method: 'POST',
      body: JSON.stringify(receipt),
      headers: { 'Content-Type': 'application/json' },
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      keepalive: true,
      cache: 'no-store',
    }).catch(() => {});
  } catch {
    // A receipt is a copy; the decision itself is stored and announced regardless.
  }
}
