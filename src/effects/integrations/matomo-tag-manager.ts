import { change, safely } from './globals.js';
import type { ConsentIntegration } from './types.js';

/**
 * Tells Matomo Tag Manager about the decision through `window._mtm` (I4), one push per category
 * that changed, for a "Custom Event" trigger to match by event name:
 *
 * - Grant, fresh or stored (so on every page view): `consent_granted_<category>`, creating `_mtm`
 *   when the container snippet has not run yet (Tag Manager replays what it finds there).
 * - Revoke: `consent_revoked_<category>`, only when `_mtm` exists: a revoke follows a grant on the
 *   same page, which created it, so a missing `_mtm` means no Tag Manager to tell.
 *
 * Each push also carries `consentCategory` (the category) and `consentCategories` (every category
 * → granted now), readable as Data Layer variables. `categories` limits which categories are
 * reported; by default every one but `necessary`. Never throws (I9).
 */
export function matomoTagManager({ categories }: { categories?: string[] } = {}): ConsentIntegration {
  return {
    update(state, previous) {
      for (const category of categories ?? Object.keys(state.categories).filter((id) => id !== 'necessary')) {
        const delta = change(state, previous, category);
        if (delta > 0 || (delta < 0 && window._mtm)) {
          safely(() =>
            (window._mtm ??= []).push({
              event: `consent_${delta > 0 ? 'granted' : 'revoked'}_${category}`,
              consentCategory: category,
              consentCategories: { ...state.categories },
            }),
          );
        }
      }
    },
  };
}

/** The adapter with its defaults, as `integrations="matomo-tag-manager"` loads it (a part). */
export default matomoTagManager;
