// A FAKE tracker installed the wrong way, for the audit demo (demo/audit.html): what the
// regulator's scans find on many sites. It tracks nothing and sends nothing off this machine.
//
// What it models: a tracker's script put on the page without `data-consent-category`, so that it
// runs before any choice: it writes a visitor cookie that the configuration declares under
// analytics (`_pk_id.9.l34k`, Matomo's name) and one that no category declares (`fake_visitor`),
// and "reports the page view" to another site. It is never told to stop, so after a refusal or a
// withdrawal it writes its cookie again (the banner has just deleted it) and reports once more.
// It also stands for a video embedded the wrong way, as many sites embed YouTube: it gives the
// page's `<iframe id="leaky-video">` its address on the other site at once, without consent.
// The "other site" is this same server under its other loopback name (localhost ↔ 127.0.0.1,
// another origin to the browser); the report is a load of the demo's own icon and the video is
// demo/fake-video.html; nothing about the visitor is in either.
//
// What it does not model: a real tracker's requests (their content, beacons, their timing), its
// other cookies, and the cookies and requests another site makes in its own frame.
(() => {
  // The demo's folder on the other site: the same path, so that it works from a sub-folder too.
  const otherSite = `${location.protocol}//${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}${new URL('.', location.href).pathname}`;
  const year = 365 * 86400;
  function track(when) {
    document.cookie = `_pk_id.9.l34k=nep; Path=/; Max-Age=${year}; SameSite=Lax`;
    new Image().src = `${otherSite}favicon.svg?fake-leak=${when}`;
  }
  document.cookie = `fake_visitor=nep; Path=/; Max-Age=${year}; SameSite=Lax`;
  track('page-view');
  document.getElementById('leaky-video')?.setAttribute('src', `${otherSite}fake-video.html`);
  document.addEventListener('consent-change', (event) => {
    if (!event.detail.categories.analytics) track('after-refusal');
  });
})();
