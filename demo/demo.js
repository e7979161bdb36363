// The demo's live panel, shared by every scenario page: the current decision, the consent cookie's
// raw value, every cookie of the site, a log of every event with its detail, a "forget my choice"
// button and, on pages with an analytics integration, the calls the banner made to the tool. It
// first renders the page's shared frame (site.js: header, scenario navigation, footer links) and
// the panel itself into the page's placeholder, `<section class="panel" hidden></section>` (with
// `data-gpc`: a row for the Global Privacy Control signal too).
//
// Load it as a module BEFORE the bundle (module scripts run in document order), so that it hears
// `consent-ready`, which the banner fires as soon as the bundle defines the element.
//
// The integration log (`<ol id="integration-log" data-queue="_paq">`), on pages whose banner has
// `integrations`, shows the tool's queue (`_paq`, `_mtm` or `dataLayer`) as the banner and the
// page's snippet fill it. Once the page's fake tool (fake-matomo.js, fake-gtag.js,
// fake-matomo-tag-manager.js, fake-piwik-pro.js) loads, it takes the log over through
// `window.demoPanel` and lists what it received.
//
// On a page that loads the audit mode (`dist/consent-banner.audit.js`), an "Audit" list shows each
// finding as the audit reports it (its `consent-audit` events).
import { h, renderSite } from './site.js';

const en = document.documentElement.lang === 'en';
const locale = en ? 'en-GB' : 'nl-NL';
const text = en
  ? {
      title: 'What is happening now',
      fakeAnalytics: 'Fake analytics script (',
      notLoaded: 'Not loaded',
      decision: 'Current decision',
      cookieValue: 'Value of the cookie ',
      allCookies: 'Every cookie of this site',
      forget: 'Forget my choice',
      events: 'Events',
      none: 'No choice yet',
      nowAllowed: 'allowed now',
      on: 'on',
      off: 'off',
      at: 'at',
      noCookie: '(none)',
      noCookies: '(no cookies)',
      methods: {
        'accept-all': 'Accepted all',
        'reject-all': 'Rejected all',
        custom: 'Own choice',
        gpc: 'Global Privacy Control (not stored)',
      },
      queueMissing: (name) => `window.${name} does not exist: the banner has told the tool nothing, and the tool has not loaded.`,
      queueWaiting: (name, count) => `window.${name} is a queue with ${count} ${count === 1 ? 'entry' : 'entries'}; the tool has not loaded (yet).`,
      queued: 'queued',
      gpcOn: 'on (simulated with ?gpc=1)',
      gpcOff: 'off',
      audit: 'Audit: what this page leaks',
      findings: (count) => (count ? `${count} ${count === 1 ? 'finding' : 'findings'}, also in the console:` : 'No findings (yet).'),
    }
  : {
      title: 'Wat er nu gebeurt',
      fakeAnalytics: 'Nep-analyticsscript (',
      notLoaded: 'Niet geladen',
      decision: 'Huidige keuze',
      cookieValue: 'Waarde van de cookie ',
      allCookies: 'Alle cookies van deze site',
      forget: 'Mijn keuze vergeten',
      events: 'Gebeurtenissen',
      none: 'Nog geen keuze',
      nowAllowed: 'nu toegestaan',
      on: 'aan',
      off: 'uit',
      at: 'op',
      noCookie: '(geen)',
      noCookies: '(geen cookies)',
      methods: {
        'accept-all': 'Alles geaccepteerd',
        'reject-all': 'Alles geweigerd',
        custom: 'Zelf gekozen',
        gpc: 'Global Privacy Control (niet opgeslagen)',
      },
      queueMissing: (name) => `window.${name} bestaat niet: de banner heeft de tool niets verteld, en de tool is niet geladen.`,
      queueWaiting: (name, count) => `window.${name} is een wachtrij met ${count} ${count === 1 ? 'opdracht' : 'opdrachten'}; de tool is (nog) niet geladen.`,
      queued: 'in de wachtrij',
      gpcOn: 'aan (nagebootst met ?gpc=1)',
      gpcOff: 'uit',
      audit: 'Audit: wat deze pagina lekt',
      findings: (count) => (count ? `${count} ${count === 1 ? 'melding' : 'meldingen'}, ook in de console:` : 'Geen meldingen (nog).'),
    };

const banner = document.querySelector('consent-banner');
const byId = (id) => document.getElementById(id);
const time = () => new Date().toLocaleTimeString(locale);
const cookieName = () => banner?.getAttribute('cookie-name') || 'consent_banner';
const cookies = () => (document.cookie ? document.cookie.split('; ') : []);

/** The integration log for the banner's `integrations`: the tool's queue and the log's heading. */
const INTEGRATION_LOGS = {
  matomo: { queue: '_paq', nl: 'Matomo: wat de tracker binnenkrijgt', en: 'Matomo: what the tracker receives' },
  'matomo-tag-manager': { queue: '_mtm', nl: 'Tag Manager: wat in _mtm staat', en: 'Tag Manager: what is in _mtm' },
  'google-consent-mode': { queue: 'dataLayer', nl: 'Google-tag: wat in dataLayer staat', en: 'Google tag: what is in dataLayer' },
  'piwik-pro': { queue: 'dataLayer', nl: 'Piwik PRO: wat Consent Manager binnenkrijgt', en: 'Piwik PRO: what Consent Manager receives' },
};

/** The panel's parts, empty where show() fills them; ids are what show(), the fake tools and the tests use. */
function renderPanel(panel) {
  const names = (banner?.getAttribute('integrations') ?? '').split(/\s+/);
  const integration = names.map((name) => INTEGRATION_LOGS[name]).find(Boolean);
  const audited = document.querySelector('script[src$="consent-banner.audit.js"]');
  panel.setAttribute('aria-labelledby', 'status-title');
  panel.replaceChildren(
    h('h2', { id: 'status-title' }, text.title),
    h(
      'dl',
      {},
      h('dt', {}, text.fakeAnalytics, h('code', {}, 'fake-analytics.js'), ')'),
      h('dd', {}, h('span', { id: 'fake-analytics-status', 'data-state': 'waiting' }, text.notLoaded)),
      ...(panel.hasAttribute('data-gpc') ? [h('dt', {}, 'Global Privacy Control'), h('dd', { id: 'gpc-status' })] : []),
      h('dt', {}, text.decision),
      h('dd', { id: 'decision' }, text.none),
      h('dt', {}, text.cookieValue, h('code', {}, cookieName())),
      h('dd', { id: 'cookie-value' }),
      h('dt', {}, text.allCookies),
      h('dd', {}, h('ul', { id: 'all-cookies', class: 'plain' })),
    ),
    h('p', {}, h('button', { type: 'button', id: 'forget' }, text.forget)),
    ...(integration
      ? [
          h('h3', {}, integration[en ? 'en' : 'nl']),
          h('p', { id: 'integration-status' }),
          h('ol', { id: 'integration-log', class: 'log', 'data-queue': integration.queue }),
        ]
      : []),
    ...(audited ? [h('h3', {}, text.audit), h('p', { id: 'audit-status' }, text.findings(0)), h('ol', { id: 'audit-log', class: 'log' })] : []),
    h('h3', {}, text.events),
    h('ol', { id: 'event-log', class: 'log' }),
  );
  panel.hidden = false;
}

renderSite(banner);
renderPanel(document.querySelector('section.panel'));

/** An entry of `_paq`, `_mtm` or `dataLayer` as text; gtag's entries are `arguments` objects. */
function formatEntry(entry) {
  const value = Object.prototype.toString.call(entry) === '[object Arguments]' ? Array.from(entry) : entry;
  return JSON.stringify(value);
}

function item(content, note) {
  const li = document.createElement('li');
  li.append(Object.assign(document.createElement('code'), { textContent: content }));
  if (note) li.append(` ${note}`);
  return li;
}

function describeDecision() {
  const consent = banner.consent;
  const categories = banner.categories
    .map(({ id }) => `${id} ${banner.hasConsent(id) ? text.on : text.off}`)
    .join(', ');
  if (!consent) return `${text.none} (${text.nowAllowed}: ${categories})`;
  const method = text.methods[consent.method] ?? consent.method;
  return `${method} (${consent.method}) ${text.at} ${new Date(consent.decidedAt).toLocaleString(locale)}: ${categories}`;
}

const integrationLog = byId('integration-log');
const integrationStatus = byId('integration-status');
let toolLoaded = false;

let showScheduled = false;
function scheduleShow() {
  if (showScheduled) return;
  showScheduled = true;
  queueMicrotask(() => {
    showScheduled = false;
    show();
  });
}

/**
 * Re-renders the panel whenever something is pushed onto the tool's queue (the banner's
 * integrations may load a moment after `consent-ready`). Watches the array's push(), and the
 * window property until the queue exists; what is read and written stays exactly the same.
 */
function watchQueue(name) {
  const watch = (queue) => {
    if (Array.isArray(queue) && !Object.hasOwn(queue, 'push')) {
      queue.push = function (...entries) {
        const length = Array.prototype.push.apply(this, entries);
        scheduleShow();
        return length;
      };
    }
    return queue;
  };
  if (window[name] !== undefined) {
    watch(window[name]);
    return;
  }
  let value;
  Object.defineProperty(window, name, {
    configurable: true,
    enumerable: true,
    get: () => value,
    set: (next) => {
      value = watch(next);
      scheduleShow();
    },
  });
}
if (integrationLog) watchQueue(integrationLog.dataset.queue);

/** Shows the tool's queue as it is now, until the fake tool takes the log over. */
function showQueue() {
  if (!integrationLog || toolLoaded) return;
  const name = integrationLog.dataset.queue;
  const queue = window[name];
  if (integrationStatus) {
    integrationStatus.textContent = queue ? text.queueWaiting(name, queue.length) : text.queueMissing(name);
  }
  integrationLog.replaceChildren(...Array.from(queue ?? [], (entry) => item(formatEntry(entry), `(${text.queued})`)));
}

function show() {
  if (banner?.categories) byId('decision').textContent = describeDecision();
  const name = cookieName();
  const own = cookies().find((pair) => pair.startsWith(`${name}=`));
  byId('cookie-value').replaceChildren(Object.assign(document.createElement('code'), { textContent: own ?? text.noCookie }));
  const all = byId('all-cookies');
  if (all) {
    const list = cookies();
    all.replaceChildren(
      ...(list.length ? list.map((pair) => item(pair)) : [Object.assign(document.createElement('li'), { textContent: text.noCookies })]),
    );
  }
  const gpc = byId('gpc-status');
  if (gpc) gpc.textContent = navigator.globalPrivacyControl === true ? text.gpcOn : text.gpcOff;
  showQueue();
}

/** What the fake tools use to report; absent on pages without this panel. */
window.demoPanel = {
  /** A fake tool has loaded: it lists what it receives from now on, starting with the queue it found. */
  toolLoaded(status) {
    toolLoaded = true;
    integrationLog?.replaceChildren();
    if (integrationStatus) integrationStatus.textContent = status;
  },
  /** One command or entry the fake tool received, with what it did with it. */
  toolLog(entry, note) {
    integrationLog?.append(item(`${time()} ${entry}`, note));
    show();
  },
  /** The tool's state line changed. */
  toolStatus(status) {
    if (integrationStatus) integrationStatus.textContent = status;
    show();
  },
  formatEntry,
};

for (const type of ['consent-ready', 'consent-change']) {
  document.addEventListener(type, (event) => {
    byId('event-log').append(item(`${time()} ${type} ${JSON.stringify(event.detail)}`));
    // After the banner's own work for this event (integrations told, gated scripts started).
    scheduleShow();
  });
}

const auditLog = byId('audit-log');
document.addEventListener('consent-audit', ({ detail: { kind, phase, subject, message } }) => {
  auditLog?.append(item(`${kind}${phase ? ` (${phase})` : ''}: ${subject}`, message));
  if (auditLog) byId('audit-status').textContent = text.findings(auditLog.children.length);
});

byId('forget').addEventListener('click', () => banner.reset());
show();
customElements.whenDefined('consent-banner').then(show);
