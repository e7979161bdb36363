/**
 * What the audit reports: one finding per problem, as a console warning, in the page's list of
 * findings and as a `consent-audit` event on the document.
 */

/**
 * The kinds of finding:
 * - `cookie-without-consent`: a cookie of a category the visitor has not granted (before any
 *   choice, or after a refusal or withdrawal), or before any choice one that no category declares;
 * - `undeclared-cookie`: a cookie that no configured category declares (L8);
 * - `third-party-request`: a request to another origin than the page's (and than the allowed
 *   ones) before any choice or after a refusal, from resource timing;
 * - `unknown-category`: an element with `data-consent-category` that names no configured category;
 * - `missing-integration`: a tool that `integrations` names, absent when it should be there.
 */
export type AuditFindingKind =
  | 'cookie-without-consent'
  | 'undeclared-cookie'
  | 'third-party-request'
  | 'unknown-category'
  | 'missing-integration';

/** When a cookie or request was seen: before any choice, or after the visitor refused. */
export type AuditPhase = 'before-choice' | 'after-refusal';

/** One problem the audit found. */
export interface AuditFinding {
  kind: AuditFindingKind;
  /**
   * What it is about: the cookie's name, the request's origin (`https://fonts.googleapis.com`),
   * the category named by `data-consent-category`, or the integration's name.
   */
  subject: string;
  /** For `cookie-without-consent` and `third-party-request`: when it was seen. */
  phase?: AuditPhase;
  /** For `third-party-request`: the address of the first such request to that origin in that phase. */
  url?: string;
  /** What was found and what to change: the console message without its prefix. */
  message: string;
}

/** Dispatched on the document for each finding, as it is found. Does not bubble. */
export class ConsentAuditEvent extends CustomEvent<AuditFinding> {
  static readonly eventName = 'consent-audit';
  constructor(detail: AuditFinding) {
    super(ConsentAuditEvent.eventName, { detail });
  }
}

declare global {
  interface DocumentEventMap {
    'consent-audit': ConsentAuditEvent;
  }
}
