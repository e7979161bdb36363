import type { ConsentState } from '../../events.js';

/**
 * Tells an analytics tool about the decision (Matomo, Matomo Tag Manager, Google Consent Mode).
 * The element calls `update` once after it has read the stored state (`previous` is `null`: a new
 * page view) and after every change, before it deletes refused categories' cookies.
 * An integration never throws, also when the tool is absent or broken (I9). `services` gives the
 * configured services' categories (service id → category id, docs/services.md), for a tool the
 * site lists as a service (Matomo's adapter; the adapters in parts are not given it).
 */
export interface ConsentIntegration {
  update(state: ConsentState, previous: ConsentState | null, services?: Readonly<Record<string, string>>): void;
}
