import type { ConsentDecision } from '../store/types.js';

/** What a receipt carries: the decision as stored, nothing about the visitor (L13). */
export interface ConsentReceipt {
  consentId: string;
  policyVersion: string;
  decidedAt: string;
  method: ConsentDecision['method'];
  categories: ConsentDecision['categories'];
}

/**
 * Sends a copy of a decision to the site's own server with `sendBeacon` (L13). Adds no IP, user
 * agent or other personal data of its own; the browser sends what it sends with any request.
 * A failure never reaches the page.
 */
export function sendReceipt(url: string, { consentId = '', policyVersion, decidedAt, method, categories }: ConsentDecision): void {
  const receipt: ConsentReceipt = { consentId, policyVersion, decidedAt, method, categories };
  try {
    navigator.sendBeacon(url, new Blob([JSON.stringify(receipt)], { type: 'application/json' }));
  } catch {
    // A receipt is a copy; the decision itself is stored and announced regardless.
  }
}
