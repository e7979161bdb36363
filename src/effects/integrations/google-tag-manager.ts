import { dataLayerEvents, type DataLayerEventsOptions } from './data-layer-events.js';
import type { ConsentIntegration } from './types.js';

/**
 * Tells a tag manager whose data layer is `window.dataLayer` about the decision: the consent events
 * of {@link dataLayerEvents} (`consent_granted_<category>` on every page view with a grant,
 * `consent_revoked_<category>` on a withdrawal), pushed as plain objects with an `event` key.
 *
 * - Google Tag Manager (`google-tag-manager`): a "Custom Event" trigger fires on a data-layer
 *   message whose `event` equals its event name; messages pushed before the container loaded are
 *   read in order when it loads (Google's "The data layer" and "Custom event trigger" pages,
 *   https://developers.google.com/tag-platform/tag-manager/datalayer,
 *   https://support.google.com/tagmanager/answer/7679219).
 * - Piwik PRO Tag Manager (`piwik-pro-tag-manager`): a "Data layer event" trigger does the same
 *   (https://help.piwik.pro/support/integrations/cookie-information-integration/ shows a consent
 *   tool driving it this way); its container snippet keeps an existing `window.dataLayer`
 *   (`window[dataLayerName] = window[dataLayerName] || []`) and reads it when the container loads.
 *
 * This is not Consent Mode: `google-consent-mode` sends Google's consent signals; these events only
 * fire triggers. Both can be on. Never throws (I9).
 */
export function dataLayerConsentEvents(options: DataLayerEventsOptions = {}): ConsentIntegration {
  return dataLayerEvents('dataLayer', options);
}

/** The adapter with its defaults, as `integrations="google-tag-manager"` and `"piwik-pro-tag-manager"` load it (a part). */
export default dataLayerConsentEvents;
