import { change, safely } from './globals.js';
import type { ConsentIntegration } from './types.js';

/** The tag managers' data layers the banner pushes consent events onto. */
export type DataLayerName = '_mtm' | 'dataLayer';

/** Options of the data-layer integrations. */
export interface DataLayerEventsOptions {
  /** The categories reported; by default every one but `necessary`. */
  categories?: string[];
}

/**
 * Tells a tag manager about the decision through its data layer, `window[layer]`, one push per
 * category that changed, for a trigger that matches by event name (Matomo Tag Manager's and Google
 * Tag Manager's "Custom Event", Piwik PRO Tag Manager's "Data layer event"):
 *
 * - Grant, fresh or stored (so on every page view): `consent_granted_<category>`, creating the data
 *   layer as an array when the container snippet has not run yet (each of these containers reads
 *   what it finds there, in order, when it loads).
 * - Revoke: `consent_revoked_<category>`, only when the data layer exists: a revoke follows a grant
 *   on the same page, which created it, so a missing data layer means no tag manager to tell.
 *
 * Each push also carries `consentCategory` (the category) and `consentCategories` (every category
 * → granted now), readable as data-layer variables. Never throws (I9).
 */
export function dataLayerEvents(layer: DataLayerName, { categories }: DataLayerEventsOptions = {}): ConsentIntegration {
  return {
    update(state, previous) {
      for (const category of categories ?? Object.keys(state.categories).filter((id) => id !== 'necessary')) {
        const delta = change(state, previous, category);
        if (delta > 0 || (delta < 0 && window[layer])) {
          safely(() =>
            ((window[layer] ??= []) as { push(entry: Record<string, unknown>): unknown }).push({
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
