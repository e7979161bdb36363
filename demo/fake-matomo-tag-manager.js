// A FAKE Matomo Tag Manager container for the demo: it tracks nothing and sends nothing (no
// request leaves the page). Like a real container it reads what is already in `window._mtm` when
// it loads (the snippet's mtm.Start, the banner's consent events), then wraps _mtm.push to read
// each new entry at once. It lists every entry and says which trigger of the recommended set-up
// (docs/integrations.md: Custom Event triggers "consent_granted_<id>" / "consent_revoked_<id>")
// would fire.
//
// What it models: the data layer (replay of entries queued before the container loaded, then each
// push at once) and Custom Event triggers matched by exact event name. Its one pretend tag,
// "Matomo Analytics" on "consent_granted_analytics", sets `_pk_id.*` (value "nep"), so that
// testers see the banner remove it when analytics is withdrawn (L12).
//
// What it does not model: the real Matomo Analytics tag (Tag Manager's MatomoTag.web.js), which
// creates its own tracker the first time it fires and then applies the Matomo Configuration
// variable, so that "Require tracking consent" calls requireConsent() after the banner's
// setConsentGiven and resets consent (why docs/integrations.md says to leave it off); the tracker's
// consent queue (see demo/fake-matomo.js for that model); preview mode, variables other than the
// event name, and every other trigger and tag type.
(() => {
  const en = document.documentElement.lang === 'en';
  const panel = window.demoPanel;
  const mtm = (window._mtm = window._mtm || []);
  const received = [];
  let fired = 0;
  window.fakeMatomoTagManager = { received };

  const say = (nl, english) => (en ? english : nl);

  function apply(entry) {
    const event = entry?.event;
    if (event === 'mtm.Start') return say('→ container gestart', '→ container started');
    const match = /^consent_(granted|revoked)_(.+)$/.exec(event ?? '');
    if (!match) return say('→ geen trigger', '→ no trigger');
    const [, what, category] = match;
    if (what === 'granted' && category === 'analytics') {
      fired += 1;
      document.cookie = `_pk_id.1.d3m0=nep; Path=/; Max-Age=${395 * 86400}; SameSite=Lax`;
      return say(
        `→ trigger “Consent granted: ${category}” gaat af: de tag “Matomo Analytics” zou een paginaweergave meten (nep: verstuurt niets, zet _pk_id)`,
        `→ trigger “Consent granted: ${category}” fires: the “Matomo Analytics” tag would count a page view (fake: sends nothing, sets _pk_id)`,
      );
    }
    if (what === 'granted') return say(`→ trigger “Consent granted: ${category}” gaat af`, `→ trigger “Consent granted: ${category}” fires`);
    return say(
      `→ trigger “Consent withdrawn: ${category}” gaat af: blokkeert de tags van ${category}`,
      `→ trigger “Consent withdrawn: ${category}” fires: blocks the tags of ${category}`,
    );
  }

  function receive(entry, queued) {
    received.push(entry);
    const note = apply(entry);
    panel?.toolLog(JSON.stringify(entry), `${queued ? say('(al in _mtm) ', '(already in _mtm) ') : ''}${note}`);
    panel?.toolStatus(status());
  }

  function status() {
    return say(
      `Nep-Tag Manager-container geladen. Tags afgegaan: ${fired}.`,
      `Fake Tag Manager container loaded. Tags fired: ${fired}.`,
    );
  }

  panel?.toolLoaded(status());
  for (const entry of [...mtm]) receive(entry, true);
  const push = mtm.push;
  mtm.push = function (...entries) {
    const result = push.apply(this, entries);
    for (const entry of entries) receive(entry, false);
    return result;
  };
})();
