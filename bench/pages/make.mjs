// Writes bench/pages/<lib>.html: one page layout, one configuration (necessary + analytics, Dutch
// texts, one gated analytics script), once per library, each wired the way that library documents.
// For the placement scenario (issue 12) also bench/pages/placement-<bottom|top>.html: consent-banner
// with that placement on the same layout with more text, so that the page is longer than the screen.
// `node bench/run.mjs` writes them before it measures (they are generated, not committed);
// `node bench/pages/make.mjs` writes them alone, to look at one in a browser.
//
// What is between <!-- bench:config --> and <!-- /bench:config --> is the site's own
// configuration for that library (its texts, its categories, its gating code): bench/run.mjs
// counts those bytes with the library's own files, because a site has to send them too.
import { writeFileSync } from 'node:fs';
import console from 'node:console';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));
const NM = '/bench/node_modules';
const PRIVACY = '/bench/pages/privacy.html';
const ANALYTICS = '/bench/pages/fake-analytics.js';

/** The same Dutch texts for every library, taken from consent-banner's own first layer. */
export const TEXT = {
  site: 'voorbeeld.nl',
  organisation: 'Ministerie van Voorbeelden',
  title: 'Cookies op voorbeeld.nl',
  intro: 'Ministerie van Voorbeelden gebruikt noodzakelijke cookies om deze website te laten werken.',
  analytics: 'Hiermee meten we hoe bezoekers de website gebruiken, zodat we die kunnen verbeteren.',
  changeLater: 'U kunt uw keuze later altijd wijzigen via Cookie-instellingen.',
  link: 'Lees de cookieverklaring van Ministerie van Voorbeelden',
  accept: 'Analytische cookies accepteren',
  reject: 'Analytische cookies weigeren',
  choose: 'Zelf kiezen',
  necessaryLabel: 'Noodzakelijke cookies',
  necessaryDescription: 'Deze cookies zijn nodig om de website te laten werken en om uw cookiekeuze te onthouden.',
  analyticsLabel: 'Analytische cookies',
  save: 'Keuze opslaan',
  close: 'Sluiten',
  settings: 'Cookie-instellingen',
};
const T = TEXT;
const message = `${T.intro} <strong>${T.analyticsLabel}.</strong> ${T.analytics} ${T.changeLater}`;
const js = (value, pad = 6) => JSON.stringify(value, null, 2).replace(/\n/g, `\n${' '.repeat(pad)}`);

/** consent-banner's element with the three attributes every page gives it, and `extra` ones. */
const consentBannerElement = (extra = '') => `<!-- bench:config -->
    <consent-banner site-name="${T.site}" organisation="${T.organisation}" privacy-url="${PRIVACY}"${extra}></consent-banner>
    <!-- /bench:config -->`;

/** Per library: what goes in <head>, first in <body>, and last in <body>; the footer link's attribute. */
const LIBRARIES = {
  // No library: the same page with the analytics script loaded directly (the floor).
  baseline: {
    title: 'zonder banner',
    head: '',
    bodyStart: '',
    bodyEnd: `<script src="${ANALYTICS}"></script>`,
    openAttr: '',
  },

  'consent-banner': {
    title: 'consent-banner',
    head: `<script type="module" src="/dist/consent-banner.bundle.js"></script>`,
    bodyStart: consentBannerElement(),
    bodyEnd: `<script type="text/plain" data-consent-category="analytics" src="${ANALYTICS}"></script>`,
    openAttr: ' data-consent-open',
  },

  // The Lit floor (a reference, not a library): a Lit element with consent-banner's first layer
  // and nothing else (bench/lit-floor/lit-floor.js), loaded the same way. First visit only.
  'lit-floor': {
    title: 'Lit floor',
    head: `<script type="module" src="/bench/pages/lit-floor.bundle.js"></script>`,
    bodyStart: `<!-- bench:config -->
    <lit-floor-banner site-name="${T.site}" organisation="${T.organisation}" privacy-url="${PRIVACY}"></lit-floor-banner>
    <!-- /bench:config -->`,
    bodyEnd: '',
    openAttr: '',
  },

  // vanilla-cookieconsent v3, as its docs show: the CSS in <head>, the UMD build imported by a
  // module script that calls CookieConsent.run(); gated scripts marked data-category.
  'vanilla-cookieconsent': {
    title: 'vanilla-cookieconsent',
    head: `<link rel="stylesheet" href="${NM}/vanilla-cookieconsent/dist/cookieconsent.css" />`,
    bodyStart: '',
    bodyEnd: `<script type="text/plain" data-category="analytics" src="${ANALYTICS}"></script>
    <!-- bench:config -->
    <script type="module">
      import '${NM}/vanilla-cookieconsent/dist/cookieconsent.umd.js';
      CookieConsent.run(${js({
        // Its default hides the banner from bots, and a browser driven by Playwright says it is one.
        hideFromBots: false,
        guiOptions: { consentModal: { layout: 'bar inline', position: 'bottom', equalWeightButtons: true } },
        categories: { necessary: { enabled: true, readOnly: true }, analytics: {} },
        language: {
          default: 'nl',
          translations: {
            nl: {
              consentModal: {
                title: T.title,
                description: `${message} <a href="${PRIVACY}">${T.link}</a>`,
                acceptAllBtn: T.accept,
                acceptNecessaryBtn: T.reject,
                showPreferencesBtn: T.choose,
              },
              preferencesModal: {
                title: T.settings,
                acceptAllBtn: T.accept,
                acceptNecessaryBtn: T.reject,
                savePreferencesBtn: T.save,
                closeIconLabel: T.close,
                sections: [
                  { title: T.necessaryLabel, description: T.necessaryDescription, linkedCategory: 'necessary' },
                  { title: T.analyticsLabel, description: T.analytics, linkedCategory: 'analytics' },
                ],
              },
            },
          },
        },
      })});
    </script>
    <!-- /bench:config -->`,
    openAttr: ' data-cc="show-preferencesModal"',
  },

  // Klaro, as its docs show: the config as a global, then klaro.js (CSS and translations
  // included) deferred; gated scripts as type="text/plain" with data-name and data-src.
  klaro: {
    title: 'Klaro',
    head: `<!-- bench:config -->
    <script>
      var klaroConfig = ${js({
        lang: 'nl',
        storageMethod: 'cookie',
        cookieName: 'klaro',
        cookieExpiresAfterDays: 182,
        mustConsent: false,
        acceptAll: true,
        hideDeclineAll: false,
        hideLearnMore: false,
        showNoticeTitle: true,
        noticeAsModal: false,
        htmlTexts: true,
        styling: { theme: ['light', 'bottom', 'wide'] },
        translations: {
          nl: {
            privacyPolicyUrl: PRIVACY,
            consentNotice: { title: T.title, description: `${message} <a href="${PRIVACY}">${T.link}</a>`, learnMore: T.choose },
            ok: T.accept,
            decline: T.reject,
            acceptAll: T.accept,
            save: T.save,
            close: T.close,
            consentModal: { title: T.settings, description: T.necessaryDescription },
            purposes: { analytics: { title: T.analyticsLabel, description: T.analytics } },
            analytics: { title: T.analyticsLabel, description: T.analytics },
          },
        },
        services: [{ name: 'analytics', purposes: ['analytics'], cookies: [], required: false, default: false }],
      })};
    </script>
    <!-- /bench:config -->
    <script defer src="${NM}/klaro/dist/klaro.js"></script>`,
    bodyStart: '',
    bodyEnd: `<script type="text/plain" data-type="text/javascript" data-name="analytics" data-src="${ANALYTICS}"></script>`,
    openAttr: ' onclick="return klaro.show(), false"',
  },

  // tarteaucitron, as its docs show: tarteaucitron.min.js and init() in <head> (it then loads its
  // language file, its services file and its CSS itself), a service per tool, jobs pushed at the end.
  // It has no generic script-tag gating: a custom service whose js() adds the script is its way.
  tarteaucitron: {
    title: 'tarteaucitron',
    head: `<script src="${NM}/tarteaucitronjs/tarteaucitron.min.js"></script>
    <!-- bench:config -->
    <script>
      var tarteaucitronForceLanguage = 'nl';
      var tarteaucitronCustomText = ${js({
        middleBarHead: T.title,
        alertBigPrivacy: `${message}`,
        acceptAll: T.accept,
        denyAll: T.reject,
        personalize: T.choose,
        privacyUrl: T.link,
        close: T.close,
        title: T.settings,
        analytic: { title: T.analyticsLabel, details: T.analytics },
      })};
      tarteaucitron.init(${js({
        privacyUrl: PRIVACY,
        orientation: 'bottom',
        showTitleBanner: true,
        highPrivacy: true,
        AcceptAllCta: true,
        DenyAllCta: true,
        showAlertSmall: false,
        showIcon: false,
        cookieslist: false,
        removeCredit: true,
        moreInfoLink: true,
        mandatory: true,
        googleConsentMode: false,
        pianoConsentMode: false,
        bingConsentMode: false,
      })});
    </script>
    <!-- /bench:config -->`,
    bodyStart: '',
    bodyEnd: `<!-- bench:config -->
    <script>
      tarteaucitron.services.benchanalytics = {
        key: 'benchanalytics',
        type: 'analytic',
        name: '${T.analyticsLabel}',
        uri: '${PRIVACY}',
        needConsent: true,
        cookies: [],
        js: function () {
          tarteaucitron.addScript('${ANALYTICS}');
        },
      };
      (tarteaucitron.job = tarteaucitron.job || []).push('benchanalytics');
    </script>
    <!-- /bench:config -->`,
    openAttr: ' onclick="return tarteaucitron.userInterface.openPanel(), false"',
  },

  // Osano's cookieconsent v3, as its docs show: CSS and script in <head>, initialise() on the
  // window's load event. It has one yes/no for all cookies and no gating of its own beyond its
  // callbacks, so the analytics script is added from onInitialise/onStatusChange (its docs' way).
  cookieconsent: {
    title: 'cookieconsent (Osano)',
    head: `<link rel="stylesheet" href="${NM}/cookieconsent/build/cookieconsent.min.css" />
    <script src="${NM}/cookieconsent/build/cookieconsent.min.js"></script>
    <!-- bench:config -->
    <script>
      function loadAnalytics() {
        if (loadAnalytics.done) return;
        loadAnalytics.done = true;
        var script = document.createElement('script');
        script.src = '${ANALYTICS}';
        document.body.appendChild(script);
      }
      window.addEventListener('load', function () {
        var options = ${js({
          type: 'opt-in',
          position: 'bottom',
          theme: 'block',
          layout: 'basic-header',
          revokable: false,
          palette: { popup: { background: '#ffffff', text: '#1a1a1a' }, button: { background: '#154273', text: '#ffffff' } },
          content: { header: T.title, message, allow: T.accept, deny: T.reject, link: T.link, href: PRIVACY },
        }, 8)};
        options.onInitialise = function () { if (this.hasConsented()) loadAnalytics(); };
        options.onStatusChange = function () { if (this.hasConsented()) loadAnalytics(); };
        window.cookieconsent.initialise(options);
      });
    </script>
    <!-- /bench:config -->`,
    bodyStart: '',
    bodyEnd: '',
    openAttr: '',
  },
};

export const LIBRARY_NAMES = Object.keys(LIBRARIES);

/**
 * More of the same page's text, for the placement pages: with it the page is longer than the
 * screen at 412 × 823 and at 1280 × 800, as most pages are, so a banner in the flow at the top has
 * a screenful of content to push down.
 */
const MORE_SECTIONS = `
      <h2>Voor welke maatregelen?</h2>
      <p>
        U krijgt subsidie voor ten minste twee isolatiemaatregelen, of voor één isolatiemaatregel samen met een
        warmtepomp, een zonneboiler of een aansluiting op een warmtenet. Elke maatregel moet aan minimale eisen voldoen,
        bijvoorbeeld voor de isolatiewaarde van het materiaal en de oppervlakte die u isoleert.
      </p>
      <p>
        Laat u de maatregelen uitvoeren door een bedrijf, bewaar dan de offerte, de factuur en het betalingsbewijs. Voert
        u de isolatie zelf uit, dan heeft u de factuur van het materiaal nodig en foto's van de uitgevoerde werkzaamheden.
      </p>
      <h2>Hoeveel subsidie krijgt u?</h2>
      <p>
        De hoogte van de subsidie hangt af van de maatregel en van de oppervlakte. Voor isolatie is het een vast bedrag
        per vierkante meter; voor een warmtepomp een bedrag dat afhangt van het vermogen en het energielabel van het
        apparaat. Voert u twee maatregelen uit binnen 24 maanden, dan krijgt u voor isolatie het dubbele bedrag.
      </p>
      <p>
        Er is een maximum per woning. Heeft u eerder subsidie gekregen voor dezelfde maatregel op hetzelfde adres, dan
        kunt u daarvoor geen subsidie meer aanvragen.
      </p>
      <h2>Zo vraagt u de subsidie aan</h2>
      <p>
        U vraagt de subsidie online aan. Log in met DigiD en vul het aanvraagformulier in. Houd uw facturen,
        betalingsbewijzen en foto's bij de hand: u uploadt ze als bijlage. Het invullen duurt ongeveer twintig minuten.
      </p>
      <p>
        Vraagt u aan voor iemand anders, bijvoorbeeld voor een familielid? Dan heeft u een machtiging nodig. Een
        vereniging van eigenaren vraagt aan met eHerkenning.
      </p>
      <h2>Na uw aanvraag</h2>
      <p>
        U krijgt binnen acht weken een besluit. Soms hebben we meer informatie nodig; dan krijgt u daarover een brief en
        staat de termijn stil tot wij die informatie hebben. Krijgt u subsidie, dan staat het bedrag binnen vijf
        werkdagen na het besluit op uw rekening.
      </p>
      <p>
        Bent u het niet eens met het besluit? Dan kunt u binnen zes weken bezwaar maken. In de brief met het besluit
        leest u hoe u dat doet.
      </p>`;

/** The one layout: a short Dutch government page, styled by the same inline CSS for all. */
export function page(name) {
  return layout(LIBRARIES[name]);
}

/** The layout for one library's wiring; `more` is text added before the contact section. */
function layout(lib, more = '') {
  return `<!doctype html>
<html lang="nl">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    <title>Benchmark – ${lib.title}</title>
    <style>
      body { margin: 0; font: 1rem/1.5 system-ui, sans-serif; color: #1a1a1a; }
      header, main, footer { max-width: 48rem; margin: 0 auto; padding: 1rem; }
      header { border-bottom: 4px solid #154273; }
      .logo { font-weight: bold; margin: 0; }
      footer { border-top: 1px solid #ccc; margin-top: 2rem; }
    </style>
    ${lib.head}
  </head>
  <body>
    ${lib.bodyStart}
    <header>
      <p class="logo">${T.organisation}</p>
      <nav aria-label="Hoofdmenu"><a href="#onderwerpen">Onderwerpen</a> · <a href="#contact">Contact</a></nav>
    </header>
    <main id="main">
      <h1>Subsidie voor verduurzaming van uw woning</h1>
      <p>
        Wilt u uw huis beter isoleren of een warmtepomp laten plaatsen? Dan kunt u misschien subsidie krijgen. Op deze
        pagina leest u wie de subsidie kan aanvragen, voor welke maatregelen, en hoe u dat doet.
      </p>
      <h2 id="onderwerpen">Voor wie is de subsidie?</h2>
      <p>
        De subsidie is voor eigenaren van een koopwoning die er zelf wonen. Ook verenigingen van eigenaren kunnen een
        aanvraag doen. U vraagt de subsidie aan nadat de maatregelen zijn uitgevoerd, binnen 24 maanden.
      </p>
      <ul>
        <li>Isolatie van dak, gevel, vloer of bodem</li>
        <li>Isolatieglas en isolerende panelen</li>
        <li>Een (hybride) warmtepomp of zonneboiler</li>
      </ul>${more}
      <h2 id="contact">Contact</h2>
      <p>Heeft u vragen? Bel ons op werkdagen van 8.00 tot 17.00 uur.</p>
    </main>
    <footer>
      <p><a href="${PRIVACY}"${lib.openAttr}>${T.settings}</a></p>
    </footer>
    ${lib.bodyEnd}
  </body>
</html>
`;
}

/** Issue 12: where consent-banner's first layer sits, `bottom` (the default) and `top`. */
export const PLACEMENTS = ['bottom', 'top'];
export const placementPageName = (placement) => `placement-${placement}`;

/**
 * consent-banner's page with the placement given as an attribute (also the default `bottom`, so
 * the two pages differ in that value only) and the longer text.
 */
export function placementPage(placement) {
  const lib = LIBRARIES['consent-banner'];
  return layout({ ...lib, title: `${lib.title}, placement="${placement}"`, bodyStart: consentBannerElement(` placement="${placement}"`) }, MORE_SECTIONS);
}

export const pagePath = (name) => here(`./${name}.html`);

/** Writes every page; `bench/run.mjs` does this first, so the pages cannot drift from this file. */
export function writePages() {
  for (const name of LIBRARY_NAMES) writeFileSync(pagePath(name), page(name));
  for (const placement of PLACEMENTS) writeFileSync(pagePath(placementPageName(placement)), placementPage(placement));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writePages();
  const names = [...LIBRARY_NAMES, ...PLACEMENTS.map(placementPageName)];
  console.log(`wrote ${names.map((name) => `bench/pages/${name}.html`).join(', ')}`);
}
