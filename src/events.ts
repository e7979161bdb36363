import type { CategoryChoices, ConsentMethod } from './decision/types.js';

/** The detail of `consent-ready` and `consent-change`. */
export interface ConsentState {
  /**
   * Whether every category the banner asks about is decided: false before the first choice, after
   * expiry or `reset()`, and while a category is undecided (after `grant()` alone, or one added
   * to the configuration since).
   */
  decided: boolean;
  /** Every configured category → granted now (an undecided one is `false`). `necessary` is always `true`. */
  categories: CategoryChoices;
  /** Every configured service (docs/services.md) → granted now: with its category, or on its own. Empty without services. */
  services: Record<string, boolean>;
  method: ConsentMethod | null;
  policyVersion: string;
  /** ISO 8601 time of the decision, or `null`. */
  decidedAt: string | null;
}

/**
 * Whether a change withdrew consent: a category or service granted before it is not granted
 * after (refused, or undecided again after `reset()`). What `reload-on-withdrawal` reloads the
 * page for.
 */
export function withdrawn(before: GrantedNow, after: GrantedNow): boolean {
  return (['categories', 'services'] as const).some((kind) => Object.keys(before[kind]).some((id) => before[kind][id] && !after[kind][id]));
}

/** What is granted now: per category and per service. */
export type GrantedNow = Pick<ConsentState, 'categories' | 'services'>;

/** Fired once per element after the stored state is read. Bubbles, composed. */
export class ConsentReadyEvent extends CustomEvent<ConsentState> {
  static readonly eventName = 'consent-ready';
  constructor(detail: ConsentState) {
    super(ConsentReadyEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/** Fired on every change of the decision: a choice, a withdrawal, `reset()`. Bubbles, composed. */
export class ConsentChangeEvent extends CustomEvent<ConsentState> {
  static readonly eventName = 'consent-change';
  constructor(detail: ConsentState) {
    super(ConsentChangeEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

interface ConsentEventMap {
  'consent-ready': ConsentReadyEvent;
  'consent-change': ConsentChangeEvent;
}

declare global {
  // The events bubble and are composed, so a page can listen on the element or the document.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends ConsentEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DocumentEventMap extends ConsentEventMap {}
}
