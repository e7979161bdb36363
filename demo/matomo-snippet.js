// The Matomo snippet of docs/integrations.md, for the demo pages that show it running rather than
// as text (index.html carries it inline, as a site would paste it, with matomo.js as a plain gated
// <script async src> tag). Loaded as a gated script, so it runs only once "analytics" is granted.
// These pages have no Content-Security-Policy, so here the tracker file is added by this script;
// under Trusted Types use the documented plain tag instead. The fake tracker's addresses:
// fake-matomo.js sends nothing (it records what the real matomo.js would send), and nothing is ever
// sent to fake-matomo.php.
(function (parts) {
  // Matomo's own "remembered consent" is not the record (the banner's cookie is): remove it before
  // matomo.js reads it (I3, L1).
  for (var i = 0; i <= parts.length; i++) {
    ['mtm_consent', 'mtm_cookie_consent'].forEach(function (name) {
      document.cookie = name + '=; Path=/; Max-Age=0' + (i < parts.length ? '; Domain=' + parts.slice(i).join('.') : '');
    });
  }
})(location.hostname.split('.'));
var _paq = (window._paq = window._paq || []);
_paq.push(['requireConsent']);
_paq.push(['setTrackerUrl', './fake-matomo.php']);
_paq.push(['setSiteId', '1']);
_paq.push(['trackPageView']);
_paq.push(['enableLinkTracking']);
(function () {
  var g = document.createElement('script');
  g.async = true;
  g.src = 'fake-matomo.js';
  document.head.appendChild(g);
})();
