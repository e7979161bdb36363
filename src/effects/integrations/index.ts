import type { ConsentState } from '../../events.js';
import { matomo } from './matomo.js';
import type { ConsentIntegration } from './types.js';
import { loadPart, report } from '../../report.js';

export type { ConsentIntegration } from './types.js';

/**
 * The adapter in the core: Matomo's, which must hear a stored grant before any gated element
 * comes alive, since a cached matomo.js that ran first would keep the page view queued (I3).
 */
const IN_CORE: Record<string, () => ConsentIntegration> = { matomo };

/**
 * The adapters that are parts, fetched only on pages that name them, so that no other site's
 * page view carries their bytes. Their tools wait for the banner by design: Tag Manager replays
 * what it finds in `_mtm`, and gtag.js holds its tags for the head snippet's `wait_for_update`
 * (500 ms) before it acts on the denied defaults. A part that cannot load leaves its tool untold:
 * nothing optional runs on its account.
 */
const ON_DEMAND: Record<string, () => Promise<{ default: () => ConsentIntegration }>> = {
  'matomo-tag-manager': () => import('./matomo-tag-manager.js'),
  'google-consent-mode': () => import('./google-consent-mode.js'),
  'google-tag-manager': () => import('./google-tag-manager.js'),
  'piwik-pro': () => import('./piwik-pro.js'),
  'piwik-pro-tag-manager': () => import('./google-tag-manager.js'),
};

/**
 * An adapter in a part (its module's default export makes it, with its defaults): what it is told before its part has loaded, it hears then as on a new
 * page view (the latest state only, so a grant withdrawn meanwhile is never announced), and
 * every change after as it comes.
 */
function onDemand(load: () => Promise<{ default: () => ConsentIntegration }>): ConsentIntegration {
  let adapter: ConsentIntegration | undefined;
  let latest: ConsentState | undefined;
  loadPart(load()).then(
    (part) => {
      adapter = part.default();
      if (latest) adapter.update(latest, null);
    },
    () => {},
  );
  return {
    update(state, previous) {
      if (adapter) adapter.update(state, previous);
      else latest = state;
    },
  };
}

/** The integrations named in a space-separated list; an unknown name gets one console error. */
export function createIntegrations(names: string | undefined): ConsentIntegration[] {
  return (names ?? '').split(/\s+/).flatMap((name) => {
    if (!name) return [];
    if (Object.hasOwn(IN_CORE, name)) return [IN_CORE[name]()];
    if (Object.hasOwn(ON_DEMAND, name)) return [onDemand(ON_DEMAND[name])];
    report('integrations-name', name, [...Object.keys(IN_CORE), ...Object.keys(ON_DEMAND)]);
    return [];
  });
}
