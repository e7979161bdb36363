import type { ConsentState } from '../../../src/events.js';

/** A decided state with these optional categories (necessary is always granted). */
export function decided(categories: Record<string, boolean>): ConsentState {
  return {
    decided: true,
    categories: { necessary: true, ...categories },
    services: {},
    method: 'custom',
    policyVersion: '1',
    decidedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** The state before any choice. */
export const undecided: ConsentState = {
  decided: false,
  categories: { necessary: true, analytics: false, marketing: false },
  services: {},
  method: null,
  policyVersion: '1',
  decidedAt: null,
};
