// A FAKE matomo.js for the demo: it tracks nothing and sends nothing (no request leaves the page).
// It behaves like the real matomo.js where the banner can tell: when it loads it applies the
// commands queued in the `window._paq` array (Matomo's "apply first" commands such as
// requireConsent and setConsentGiven first, as the real one does), then replaces `window._paq` by
// an object whose push() applies each command at once. It lists every command it receives, so
// testers see requireConsent, setConsentGiven, forgetConsentGiven and deleteCookies happen.
//
// Like the real tracker it sets its visitor and session cookies (`_pk_id.*`, `_pk_ses.*`, here
// with the value "nep") once a page view counts, deletes them on deleteCookies, and writes
// `mtm_consent_removed` on forgetConsentGiven, so that testers see the banner remove them (L12).
(() => {
  const en = document.documentElement.lang === 'en';
  const panel = window.demoPanel;
  const received = [];
  const state = { consentRequired: false, consentGiven: false, heldPageViews: 0, pageViews: 0 };
  window.fakeMatomo = { received, state };

  // A part of real matomo.js's applyFirst list, in its order.
  const APPLY_FIRST = [
    'setTrackerUrl',
    'setAPIUrl',
    'setCookieDomain',
    'setDomains',
    'setSiteId',
    'enableLinkTracking',
    'requireConsent',
    'setConsentGiven',
  ];
  const SITE = '1.d3m0';
  const COOKIES = [`_pk_id.${SITE}`, `_pk_ses.${SITE}`];

  const say = (nl, english) => (en ? english : nl);
  const yes = (value) => (value ? say('ja', 'yes') : say('nee', 'no'));

  function setCookies() {
    document.cookie = `_pk_id.${SITE}=nep; Path=/; Max-Age=${395 * 86400}; SameSite=Lax`;
    document.cookie = `_pk_ses.${SITE}=nep; Path=/; Max-Age=1800; SameSite=Lax`;
  }

  function countPageView() {
    state.pageViews += 1;
    setCookies();
    return say(
      '→ zou een paginaweergave meten (de nep-tracker verstuurt niets) en zet zijn cookies _pk_id en _pk_ses',
      '→ would count a page view (the fake tracker sends nothing) and sets its cookies _pk_id and _pk_ses',
    );
  }

  function apply(command) {
    const [name] = command;
    switch (name) {
      case 'requireConsent':
        state.consentRequired = true;
        return say('→ meet niets en zet geen cookies tot setConsentGiven', '→ counts nothing and sets no cookie until setConsentGiven');
      case 'setConsentGiven': {
        state.consentGiven = true;
        const held = state.heldPageViews;
        state.heldPageViews = 0;
        for (let i = 1; i < held; i++) countPageView();
        return held ? countPageView() : say('→ toestemming gegeven', '→ consent given');
      }
      case 'trackPageView':
        if (!state.consentRequired || state.consentGiven) return countPageView();
        state.heldPageViews += 1;
        return say('→ vastgehouden: wacht op toestemming', '→ held back: waiting for consent');
      case 'forgetConsentGiven':
        state.consentGiven = false;
        state.consentRequired = true;
        for (const cookie of COOKIES) document.cookie = `${cookie}=; Path=/; Max-Age=0`;
        document.cookie = `mtm_consent_removed=${Date.now()}; Path=/; Max-Age=${395 * 86400}; SameSite=Lax`;
        return say(
          '→ toestemming ingetrokken: meet niets meer; verwijdert zijn cookies en schrijft mtm_consent_removed (dat ruimt de banner op)',
          '→ consent withdrawn: counts nothing more; deletes its cookies and writes mtm_consent_removed (the banner removes that)',
        );
      case 'deleteCookies':
        for (const cookie of COOKIES) document.cookie = `${cookie}=; Path=/; Max-Age=0`;
        return say('→ verwijdert _pk_id en _pk_ses', '→ deletes _pk_id and _pk_ses');
      case 'rememberConsentGiven':
      case 'rememberCookieConsentGiven':
        return say('→ FOUT: zou toestemming 30 jaar onthouden in een eigen cookie', '→ WRONG: would remember consent for 30 years in a cookie of its own');
      default:
        return say('→ ingesteld', '→ set');
    }
  }

  function receive(command, queued) {
    if (!Array.isArray(command)) return;
    received.push(command);
    const note = apply(command);
    panel?.toolLog(JSON.stringify(command), `${queued ? say('(uit de wachtrij) ', '(from the queue) ') : ''}${note}`);
    panel?.toolStatus(status());
  }

  function status() {
    return say(
      `Nep-Matomo geladen. Toestemming vereist: ${yes(state.consentRequired)}. Toestemming gegeven: ${yes(state.consentGiven)}. Paginaweergaven die meetellen: ${state.pageViews}.`,
      `Fake Matomo loaded. Consent required: ${yes(state.consentRequired)}. Consent given: ${yes(state.consentGiven)}. Page views counted: ${state.pageViews}.`,
    );
  }

  const queue = Array.isArray(window._paq) ? window._paq : [];
  const first = APPLY_FIRST.flatMap((name) => queue.filter((command) => command?.[0] === name));
  const rest = queue.filter((command) => !first.includes(command));
  panel?.toolLoaded(status());
  for (const command of [...first, ...rest]) receive(command, true);
  window._paq = {
    push(...commands) {
      for (const command of commands) receive(command, false);
      return 1;
    },
  };
})();
