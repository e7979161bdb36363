// A FAKE matomo.js: a small model of the real tracker's CONSENT behaviour (matomo.js 5.x, source
// js/piwik.js in matomo-org/matomo), written from reading that source and the "tracking consent"
// guide on developer.matomo.org. No line of Matomo's code is copied. It sends nothing: every request
// the real tracker would send is recorded in `sent` instead (no request leaves the page). The demo
// pages load it as their matomo.js; the unit and end-to-end tests use the same file (one model).
//
// What it models, with the real function it follows:
// - Loading: like the code at the end of piwik.js it reads `window._paq` when it runs, applies the
//   queued commands in the "applyFirst" order (applyMethodsInOrder / createFirstTracker: every
//   command named in that list first, in the list's order, e.g. requireConsent before
//   setConsentGiven, whatever their order in `_paq`), then the others in their order, and replaces
//   `_paq` by a proxy whose push() applies each command at once. A command may also be a function,
//   called with the tracker as `this` (apply()). (With an empty `_paq` the real one creates no
//   tracker and its proxy only logs an error; the model creates its tracker anyway.)
// - Requests are BUILT at once and only their SENDING waits (getRequest, then sendRequest): while
//   consent is missing a built request goes into `consentRequestsQueue`; setConsentGiven sends the
//   whole queue and empties it; forgetConsentGiven does NOT empty it; trackPageView empties it
//   before it builds the new page view (trackPageView resets consentRequestsQueue).
// - Consent state (configHasConsent): at start "given" unless the `mtm_consent_removed` cookie is
//   there; requireConsent sets it from hasRememberedConsent(), i.e. from an `mtm_consent` cookie
//   (Matomo's "remembered consent") when no `mtm_consent_removed` cookie overrides it (then
//   getRememberedConsent deletes `mtm_consent`); before every send refreshConsentStatus() reads the
//   cookies again (`mtm_consent_removed` → no consent, else `mtm_consent` → consent).
// - Cookies: requireConsent without consent disables cookies (configCookiesDisabled); building a
//   request while cookies are disabled deletes the tracker's cookies (getRequest → deleteCookies),
//   otherwise sets `_pk_id.<site>.<hash>` and `_pk_ses.<site>.<hash>`; setConsentGiven enables them
//   through setCookieConsentGiven, which, when a request was already sent, sets the visitor cookie
//   and sends a ping; forgetConsentGiven deletes `mtm_consent`, writes `mtm_consent_removed` (30
//   years without hours), calls forgetCookieConsentGiven (deletes `mtm_cookie_consent`, disables
//   cookies) and requireConsent; rememberConsentGiven / rememberCookieConsentGiven write
//   `mtm_consent` / `mtm_cookie_consent` for the hours given, 30 years without; deleteCookies
//   deletes `_pk_id`, `_pk_ses`, `_pk_ref`, `_pk_cvar` but never Matomo's consent cookies;
//   requireCookieConsent disables cookies unless `mtm_cookie_consent` is there.
//
// What it does not model: the request format and the transport (image, XHR, sendBeacon, bulk
// requests, the 800 ms gap after a first request, the client-hints queue), the domain hash (fixed
// "f4k3"), setCookieDomain / setCookiePath (its cookies live on the host, path /), link, content,
// heartbeat and error tracking (enableLinkTracking and the like are accepted and do nothing),
// unload handlers (the CoreConsent plugin deleting cookies on unload), Do Not Track, several
// trackers, Matomo.addTracker / getTracker, and the opt-out iframe. Unknown methods are recorded in
// `unknown`; the real tracker logs an error and throws a TypeError.
//
// Handle: `window.FakeMatomo.load()` loads a fresh tracker (what running matomo.js does) and
// returns it; `window.fakeMatomo` is the latest: `{ received, sent, queue(), state, unknown }`.
// Run as a classic <script> it loads itself, like matomo.js. On the demo pages it also lists each
// command and its effect in the demo panel (window.demoPanel).
(() => {
  // The method names of the real tracker's applyFirst list (data, in its order).
  const APPLY_FIRST = [
    'addTracker', 'enableFileTracking', 'forgetCookieConsentGiven', 'requireCookieConsent',
    'disableBrowserFeatureDetection', 'disableCampaignParameters', 'disableCookies', 'setTrackerUrl',
    'setAPIUrl', 'enableCrossDomainLinking', 'setCrossDomainLinkingTimeout', 'setSessionCookieTimeout',
    'setVisitorCookieTimeout', 'setCookieNamePrefix', 'setCookieSameSite', 'setSecureCookie',
    'setCookiePath', 'setCookieDomain', 'setDomains', 'setUserId', 'setVisitorId', 'setSiteId',
    'alwaysUseSendBeacon', 'disableAlwaysUseSendBeacon', 'enableLinkTracking', 'setCookieConsentGiven',
    'requireConsent', 'setConsentGiven', 'disablePerformanceTracking', 'setPagePerformanceTiming',
    'setExcludedQueryParams', 'setExcludedReferrers',
  ];
  const THIRTY_YEARS_HOURS = 30 * 365 * 24;
  const CONSENT = 'mtm_consent';
  const CONSENT_REMOVED = 'mtm_consent_removed';
  const COOKIE_CONSENT = 'mtm_cookie_consent';
  const HASH = 'f4k3';

  function readCookie(name) {
    const pair = document.cookie.split('; ').find((entry) => entry.split('=')[0] === name);
    return pair ? pair.slice(name.length + 1) : null;
  }
  function writeCookie(name, value, hours) {
    document.cookie = `${name}=${value}; Path=/; Max-Age=${Math.round(hours * 3600)}; SameSite=Lax`;
  }
  function removeCookie(name) {
    document.cookie = `${name}=; Path=/; Max-Age=0`;
  }

  /** One tracker: the consent part of piwik.js's Tracker, as a model. */
  function createTracker(notify) {
    const state = {
      siteId: null,
      trackerUrl: null,
      consentRequired: false,
      hasConsent: readCookie(CONSENT_REMOVED) === null,
      cookiesDisabled: false,
      sentYet: false,
      pageViews: 0,
    };
    let consentRequestsQueue = [];
    const sent = [];
    const unknown = [];
    const cookieName = (base) => `_pk_${base}.${state.siteId}.${HASH}`;

    function deleteCookies() {
      for (const base of ['id', 'ses', 'cvar', 'ref']) removeCookie(cookieName(base));
    }
    function refreshConsentStatus() {
      if (readCookie(CONSENT_REMOVED) !== null) state.hasConsent = false;
      else if (readCookie(CONSENT) !== null) state.hasConsent = true;
    }
    function buildRequest(request) {
      if (state.cookiesDisabled) deleteCookies();
      else if (state.siteId !== null) {
        writeCookie(cookieName('id'), 'nep', 395 * 24);
        writeCookie(cookieName('ses'), '1', 0.5);
      }
      return { ...request, siteId: state.siteId, url: location.href };
    }
    function sendRequest(request) {
      refreshConsentStatus();
      if (!state.hasConsent) {
        consentRequestsQueue.push(request);
        notify?.('queued', request);
        return;
      }
      state.sentYet = true;
      const record = state.consentRequired ? { ...request, consent: 1 } : request;
      sent.push(record);
      notify?.('sent', record);
    }
    function getRememberedConsent() {
      const value = readCookie(CONSENT);
      if (readCookie(CONSENT_REMOVED) !== null) {
        if (value !== null) removeCookie(CONSENT);
        return null;
      }
      return value || null;
    }

    const tracker = {
      setSiteId(id) {
        state.siteId = String(id);
      },
      setTrackerUrl(url) {
        state.trackerUrl = url;
      },
      enableLinkTracking() {},
      isConsentRequired: () => state.consentRequired,
      getRememberedConsent,
      hasRememberedConsent: () => !!getRememberedConsent(),
      requireConsent() {
        state.consentRequired = true;
        state.hasConsent = tracker.hasRememberedConsent();
        if (!state.hasConsent) state.cookiesDisabled = true;
      },
      setConsentGiven(setCookieConsent) {
        state.hasConsent = true;
        removeCookie(CONSENT_REMOVED);
        const queued = consentRequestsQueue;
        consentRequestsQueue = [];
        for (const request of queued) sendRequest(request);
        if (setCookieConsent === undefined || setCookieConsent) tracker.setCookieConsentGiven();
      },
      rememberConsentGiven(hours) {
        tracker.setConsentGiven(true);
        writeCookie(CONSENT, String(Date.now()), hours || THIRTY_YEARS_HOURS);
      },
      forgetConsentGiven(hours) {
        removeCookie(CONSENT);
        writeCookie(CONSENT_REMOVED, String(Date.now()), hours || THIRTY_YEARS_HOURS);
        tracker.forgetCookieConsentGiven();
        tracker.requireConsent();
      },
      setCookieConsentGiven() {
        if (!state.cookiesDisabled) return;
        state.cookiesDisabled = false;
        if (state.siteId !== null && state.sentYet) {
          writeCookie(cookieName('id'), 'nep', 395 * 24);
          sendRequest(buildRequest({ type: 'ping' }));
        }
      },
      requireCookieConsent() {
        if (readCookie(COOKIE_CONSENT) !== null) return false;
        tracker.disableCookies();
        return true;
      },
      rememberCookieConsentGiven(hours) {
        tracker.setCookieConsentGiven();
        writeCookie(COOKIE_CONSENT, String(Date.now()), hours || THIRTY_YEARS_HOURS);
      },
      forgetCookieConsentGiven() {
        removeCookie(COOKIE_CONSENT);
        tracker.disableCookies();
      },
      disableCookies() {
        state.cookiesDisabled = true;
        if (state.siteId !== null) deleteCookies();
      },
      deleteCookies,
      trackPageView(customTitle) {
        consentRequestsQueue = [];
        state.pageViews += 1;
        sendRequest(buildRequest({ type: 'pageview', title: customTitle || document.title }));
      },
      trackEvent(category, action, name, value) {
        sendRequest(buildRequest({ type: 'event', category, action, name, value }));
      },
    };

    /** What the `_paq` proxy's push does with one command (apply()). */
    function apply(command) {
      if (!Array.isArray(command) || command.length === 0) return;
      const [method, ...args] = command;
      if (typeof method === 'function') {
        method.apply(tracker, args);
      } else if (typeof tracker[method] === 'function') {
        tracker[method](...args);
      } else {
        unknown.push(command);
      }
    }

    return { tracker, apply, state, sent, unknown, queue: () => [...consentRequestsQueue] };
  }

  /** What running matomo.js does: reads `_paq`, applies it (applyFirst first), installs the proxy. */
  function load() {
    const panel = window.demoPanel;
    const queued = Array.isArray(window._paq) ? window._paq.slice() : [];
    const received = [];
    const model = createTracker(panel ? (what, request) => panel.toolLog(request.type, describe(what)) : undefined);
    const handle = { received, sent: model.sent, unknown: model.unknown, queue: model.queue, state: model.state, tracker: model.tracker };
    window.fakeMatomo = handle;
    panel?.toolLoaded(status(model));

    const receive = (command, fromQueue) => {
      received.push(command);
      panel?.toolLog(JSON.stringify(command), fromQueue ? say('(uit de wachtrij)', '(from the queue)') : '');
      model.apply(command);
      panel?.toolStatus(status(model));
    };
    if (queued.length) {
      const first = APPLY_FIRST.flatMap((name) => queued.filter((command) => Array.isArray(command) && command[0] === name));
      for (const command of [...first, ...queued.filter((command) => !first.includes(command))]) receive(command, true);
    }
    window._paq = {
      push(...commands) {
        for (const command of commands) receive(command, false);
        return 1;
      },
    };
    return handle;
  }

  // Demo panel texts (nl / en).
  function say(nl, en) {
    return document.documentElement.lang === 'en' ? en : nl;
  }
  function describe(what) {
    return what === 'sent'
      ? say('→ VERSTUURD (de nep-tracker legt het alleen vast)', '→ SENT (the fake tracker only records it)')
      : say('→ gebouwd, wacht in de toestemmingswachtrij', '→ built, waits in the consent queue');
  }
  function status({ state, sent, queue }) {
    const yes = (value) => (value ? say('ja', 'yes') : say('nee', 'no'));
    return say(
      `Nep-Matomo geladen. Toestemming vereist: ${yes(state.consentRequired)}. Toestemming: ${yes(state.hasConsent)}. Verstuurd: ${sent.length}. In de wachtrij: ${queue().length}.`,
      `Fake Matomo loaded. Consent required: ${yes(state.consentRequired)}. Consent: ${yes(state.hasConsent)}. Sent: ${sent.length}. Queued: ${queue().length}.`,
    );
  }

  window.FakeMatomo = { load };
  // Run as a classic script (a page's matomo.js), it loads itself; imported as a module, it waits.
  if (document.currentScript) load();
})();
