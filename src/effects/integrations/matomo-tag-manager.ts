import { dataLayerEvents, type DataLayerEventsOptions } from './data-layer-events.js';
import type { ConsentIntegration } from './types.js';

/**
 * Tells Matomo Tag Manager about the decision through `window._mtm` (I4): the consent events of
 * {@link dataLayerEvents} (`consent_granted_<category>` on every page view with a grant,
 * `consent_revoked_<category>` on a withdrawal), for a "Custom Event" trigger to match by event
 * name. Tag Manager replays what it finds in `_mtm` when the container loads. Never throws (I9).
 */
export function matomoTagManager(options: DataLayerEventsOptions = {}): ConsentIntegration {
  return dataLayerEvents('_mtm', options);
}

/** The adapter with its defaults, as `integrations="matomo-tag-manager"` loads it (a part). */
export default matomoTagManager;
