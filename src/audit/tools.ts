/**
 * Whether the tools that `integrations` names are on the page, looked for where the adapters in
 * src/effects/integrations/ talk to them. An adapter never fails when its tool is missing (I9): it
 * then tells nobody, silently, which is what the audit points out.
 */

/**
 * What is missing of the tool `name` now, as the audit's message, or `null` when nothing is (or
 * when it is not yet expected, or the name is none the banner knows: the banner reports those).
 *
 * - `matomo`: once analytics is granted, matomo.js has taken over `window._paq` (the adapter's
 *   queue stays an array until then); before that Matomo is not expected to load.
 * - `matomo-tag-manager`: once analytics is granted, the container has taken over `window._mtm`
 *   (wrapped its `push`, or defined `MatomoTagManager`): docs/integrations.md gates it on analytics.
 * - `google-consent-mode`: from the start, `window.gtag` or `window.dataLayer`, which the head
 *   snippet (google-consent-default.js) makes before anything of Google's runs.
 * - `piwik-pro` and `piwik-pro-tag-manager`: once analytics is granted, `ppms.cm.api`, which Piwik
 *   PRO's container snippet defines (docs/integrations.md gates it on analytics).
 * - `google-tag-manager`: not checked; Google documents no global that says its container ran.
 */
export function missingTool(name: string, granted: (category: string) => boolean): string | null {
  if (name === 'matomo') {
    return granted('analytics') && (!window._paq || Array.isArray(window._paq))
      ? 'integrations names "matomo", but matomo.js did not load after analytics was granted (window._paq is still a queue); put the Matomo snippet and matomo.js on the page, gated on analytics (docs/integrations.md).'
      : null;
  }
  if (name === 'matomo-tag-manager') {
    const container = 'MatomoTagManager' in window || (window._mtm !== undefined && window._mtm.push !== Array.prototype.push);
    return granted('analytics') && !container
      ? 'integrations names "matomo-tag-manager", but the Tag Manager container did not load after analytics was granted (window._mtm is still a queue); put the container snippet on the page, gated on analytics (docs/integrations.md).'
      : null;
  }
  if (name === 'piwik-pro' || name === 'piwik-pro-tag-manager') {
    return granted('analytics') && typeof window.ppms?.cm?.api !== 'function'
      ? `integrations names "${name}", but Piwik PRO's container snippet did not run after analytics was granted (there is no ppms.cm.api); put it on the page, gated on analytics (docs/integrations.md).`
      : null;
  }
  if (name === 'google-consent-mode') {
    return typeof window.gtag === 'function' || Array.isArray(window.dataLayer)
      ? null
      : 'integrations names "google-consent-mode", but the page has no window.gtag or window.dataLayer; load google-consent-default.js in <head>, before the bundle and anything of Google\'s, so that every signal is denied until a choice (docs/integrations.md).';
  }
  return null;
}
