// A FAKE Piwik PRO container (what https://<account>.containers.piwik.pro/<id>.js would be) for the
// demo and the tests: it tracks nothing and sends nothing (no request leaves the page). It models
// what Piwik PRO documents, in its own code:
//
// - Loading (developers.piwik.pro, Consent Manager "JavaScript API", "Installation"): the page's
//   container snippet defines a stub `ppms.cm.api` that pushes each call onto the data layer as
//   `{event: 'ppms.cm:<command>', parameters: [...]}`; the container, once loaded, runs those in
//   order, replaces `ppms.cm.api` with its own, and reads every later push at once.
// - Consent Manager in "custom consent form" mode (help.piwik.pro, "Turn on or off the consent form
//   on your site"; developers.piwik.pro "Commands"): no form of its own;
//   `setComplianceSettings({consents: {<type>: {status: 0|1}}}, onFulfilled, onRejected)` saves the
//   statuses in the `ppms_privacy_<appId>` cookie (12 months) and forces a page view, so the tags
//   of a granted type fire at once; `getComplianceSettings` gives what is saved (`{}` when nothing
//   is); `clearConsentSettings` removes the cookie; commands run asynchronously and answer through
//   their callbacks. "When visitors don't consent: Don't collect data": without `analytics` at 1,
//   the analytics tag does not fire.
// - Its one tag, "Piwik PRO" (the tracker), on the page view, requires the `analytics` consent type.
//   When it fires it would count a page view (here: `window.fakePiwikPro.pageViews` goes up) and
//   sets the cookies Piwik PRO lists for a consenting visitor ("Cookies created for visitors by
//   Piwik PRO"): `_pk_id.<appId>.<domainHash>` (13 months), `_pk_ses.<appId>.<domainHash>` (30
//   minutes), and Tag Manager's `stg_last_interaction` and `stg_returning_visitor` (365 days), with
//   the value "nep". It never deletes them itself, so testers see the banner do it (L12).
// - With `data-consent-manager="off"` on its script tag, the site has no Consent Manager
//   (Piwik PRO no longer offers it to new accounts): `ppms.cm.api` rejects every command, and the
//   tag is set to "No consent is required" with a "Data layer event" trigger on
//   `consent_granted_analytics` (help.piwik.pro, "Cookie Information integration": a consent tool
//   driving Tag Manager through data-layer events).
//
// What it does not model: the real cookie's value format (here JSON), Consent Manager's consent
// statistics and its own forms, anonymous tracking of visitors without consent (the 30-minute and
// cookie-free modes), session hashes, tracker requests and their queue (`_paq`), the local-storage
// copies of cookies some versions keep, data subject requests, other consent types' tags, a data
// layer of another name, and every other trigger, tag and variable.
(() => {
  const en = document.documentElement.lang === 'en';
  const panel = window.demoPanel;
  const APP_ID = 'd3m0';
  const RECORD = `ppms_privacy_${APP_ID}`;
  const withConsentManager = document.currentScript?.dataset.consentManager !== 'off';
  const layer = (window.dataLayer = window.dataLayer || []);
  const say = (nl, english) => (en ? english : nl);
  const fake = (window.fakePiwikPro = { commands: [], pageViews: 0, idle: Promise.resolve() });

  function saved() {
    const pair = document.cookie.split('; ').find((cookie) => cookie.startsWith(`${RECORD}=`));
    try {
      return pair ? JSON.parse(decodeURIComponent(pair.slice(RECORD.length + 1))) : {};
    } catch {
      return {};
    }
  }

  const analyticsConsented = () => saved().consents?.analytics?.status === 1;

  function setCookie(name, seconds) {
    document.cookie = `${name}=nep; Path=/; Max-Age=${seconds}; SameSite=Lax`;
  }

  /** The "Piwik PRO" tag: counts a page view and sets the tracker's and Tag Manager's cookies. */
  function fireTag() {
    fake.pageViews += 1;
    setCookie(`_pk_id.${APP_ID}.1fff`, 395 * 86400);
    setCookie(`_pk_ses.${APP_ID}.1fff`, 30 * 60);
    setCookie('stg_last_interaction', 365 * 86400);
    setCookie('stg_returning_visitor', 365 * 86400);
    return say(
      '→ de tag “Piwik PRO” gaat af: zou een paginaweergave meten (nep: verstuurt niets, zet _pk_id, _pk_ses en stg_-cookies)',
      '→ the “Piwik PRO” tag fires: would count a page view (fake: sends nothing, sets _pk_id, _pk_ses and stg_ cookies)',
    );
  }

  /** A page view as Consent Manager forces it: the tag fires only with analytics consent. */
  function pageView() {
    return analyticsConsented()
      ? fireTag()
      : say('→ geen toestemming voor analytics: de tag gaat niet af', '→ no analytics consent: the tag does not fire');
  }

  const COMMANDS = {
    getComplianceSettings(onFulfilled) {
      onFulfilled(saved());
      return say('→ gaf de opgeslagen keuzes', '→ gave the saved decisions');
    },
    setComplianceSettings(settings, onFulfilled) {
      const consents = settings?.consents;
      if (!consents || typeof consents !== 'object' || Array.isArray(consents)) throw new Error('invalid settings');
      if (Object.values(consents).some((consent) => consent?.status !== 0 && consent?.status !== 1)) throw new Error('invalid status');
      const merged = { ...saved().consents };
      for (const [type, { status }] of Object.entries(consents)) merged[type] = { status, updatedAt: new Date().toISOString() };
      document.cookie = `${RECORD}=${encodeURIComponent(JSON.stringify({ consents: merged }))}; Path=/; Max-Age=${365 * 86400}; SameSite=Lax`;
      const note = pageView();
      onFulfilled();
      return say(`→ opgeslagen in ${RECORD} ${note}`, `→ saved in ${RECORD} ${note}`);
    },
    clearConsentSettings(onFulfilled) {
      document.cookie = `${RECORD}=; Path=/; Max-Age=0`;
      onFulfilled?.();
      return say(`→ ${RECORD} verwijderd`, `→ ${RECORD} removed`);
    },
  };

  /** Runs one Consent Manager command after the ones before it, asynchronously, as the real API does. */
  function run(name, args, queued) {
    const [, onRejected] = args.filter((arg) => typeof arg === 'function');
    fake.idle = fake.idle.then(() => {
      // What the command says when it runs (its arguments as read then, without the callbacks).
      fake.commands.push([name, ...args.filter((arg) => typeof arg !== 'function').map((arg) => JSON.parse(JSON.stringify(arg)))]);
      let note;
      try {
        if (!withConsentManager) throw new Error('Consent Manager is off for this site');
        if (!Object.hasOwn(COMMANDS, name)) throw new Error(`unknown command ${name}`);
        note = COMMANDS[name](...args);
      } catch (error) {
        note = `→ ${error.message}`;
        if (onRejected) onRejected(error);
        else console.error(error);
      }
      panel?.toolLog(`ppms.cm.api(${fake.commands.at(-1).map((arg) => JSON.stringify(arg)).join(', ')})`, `${queued ? say('(uit de wachtrij) ', '(from the queue) ') : ''}${note}`);
      panel?.toolStatus(status());
    });
  }

  /** A data-layer entry: a queued command, a consent event, or anything else. */
  function read(entry, queued) {
    const event = typeof entry?.event === 'string' ? entry.event : '';
    if (event.startsWith('ppms.cm:')) return run(event.slice('ppms.cm:'.length), entry.parameters ?? [], queued);
    const match = /^consent_(granted|revoked)_(.+)$/.exec(event);
    if (!match) return;
    const [, what, category] = match;
    const note =
      !withConsentManager && what === 'granted' && category === 'analytics'
        ? fireTag()
        : say(`→ trigger “Data layer event: ${event}” gaat af`, `→ trigger “Data layer event: ${event}” fires`);
    panel?.toolLog(JSON.stringify(entry), note);
    panel?.toolStatus(status());
  }

  function status() {
    return say(
      `Nep-Piwik PRO-container geladen${withConsentManager ? ' (Consent Manager: eigen toestemmingsformulier)' : ' (zonder Consent Manager)'}. Paginaweergaven gemeten: ${fake.pageViews}.`,
      `Fake Piwik PRO container loaded${withConsentManager ? ' (Consent Manager: custom consent form)' : ' (no Consent Manager)'}. Page views counted: ${fake.pageViews}.`,
    );
  }

  panel?.toolLoaded(status());
  // The page view of the page itself comes first: Consent Manager reads its saved decisions as the
  // container loads, then runs what was queued.
  if (withConsentManager) {
    fake.idle = fake.idle.then(() => {
      const note = pageView();
      panel?.toolLog(say('paginaweergave', 'page view'), note);
      panel?.toolStatus(status());
    });
  }
  window.ppms = window.ppms || {};
  window.ppms.cm = { api: (name, ...args) => run(name, args, false) };
  for (const entry of [...layer]) read(entry, true);
  const push = layer.push;
  layer.push = function (...entries) {
    const result = push.apply(this, entries);
    for (const entry of entries) read(entry, false);
    return result;
  };
})();
