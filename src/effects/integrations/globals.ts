import type { ConsentState } from '../../events.js';
import { report } from '../../report.js';

declare global {
  interface Window {
    /** Matomo's command queue: an array until matomo.js has loaded, then its tracker proxy. */
    _paq?: { push(...commands: unknown[][]): unknown };
    /** Matomo Tag Manager's data layer: an array, or a wrapped one once the container has loaded. */
    _mtm?: { push(...entries: Record<string, unknown>[]): unknown };
    /** Google's data layer; gtag.js reads an entry as a command only when it is an `Arguments` object. */
    dataLayer?: unknown[];
    /** Google's `gtag()`: the stub from the page snippet or the head snippet, later gtag.js itself. */
    gtag?: (...args: unknown[]) => void;
  }
}

/**
 * How `category` (or `service`, see `granted`) changed between two states: `1` when it is granted now and was not before (a fresh
 * grant, or a stored one on a new page view, where `previous` is `null`), `-1` when it was taken
 * away, `0` when it did not change.
 */
export function change(state: ConsentState, previous: ConsentState | null, category: string, service = ''): number {
  return +granted(state, category, service) - +granted(previous, category, service);
}

/**
 * Whether a tool may run: with `service` (a service of `category`, which the caller checks), that
 * service's grant (with its category, or on its own; docs/services.md), else its category's.
 */
export function granted(state: ConsentState | null, category: string, service = ''): boolean {
  // No service has the id '': without one, the category's.
  return (state?.services[service] ?? state?.categories[category]) === true;
}

let reported = false;

/** Runs `talk` and swallows what a missing or broken tool throws (I9); one console error per page. */
export function safely(talk: () => void): void {
  try {
    talk();
  } catch (error) {
    if (!reported) report('integration-failed', error);
    reported = true;
  }
}
