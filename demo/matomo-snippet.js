// The Matomo snippet of docs/integrations.md, for the demo pages that show it running rather than
// as text (index.html carries it inline, as a site would paste it). Loaded as a gated script, so it
// runs only once "analytics" is granted. The fake tracker's addresses: fake-matomo.js tracks
// nothing, and nothing is ever sent to fake-matomo.php.
var _paq = (window._paq = window._paq || []);
_paq.push(['requireConsent']);
_paq.push(['trackPageView']);
_paq.push(['enableLinkTracking']);
(function () {
  var u = './';
  _paq.push(['setTrackerUrl', u + 'fake-matomo.php']);
  _paq.push(['setSiteId', '1']);
  var d = document, g = d.createElement('script'), s = d.getElementsByTagName('script')[0];
  g.async = true;
  g.src = u + 'fake-matomo.js';
  s.parentNode.insertBefore(g, s);
})();
