// The frame every scenario page shares, rendered into the page's own placeholders so that it is
// written once: the site header, the scenario navigation (from the one list below) and the
// footer's links. demo.js calls renderSite() first, before the banner's bundle has run; the pages
// load demo.js with blocking="render", so the frame is in the first paint and shifts nothing.
//
// A page holds only:
//   <header class="site-header"></header>                        logo from the banner's `organisation`
//   <nav class="scenario-nav" aria-label="Scenario's"></nav>      every scenario, the current one marked
//   <footer class="site-footer">
//     <a href="privacy.html" data-consent-open>Cookie-instellingen</a>
//   </footer>
// The footer's "Cookie settings" link stays in the page itself: it works without JavaScript (it goes
// to the privacy page) and is there when the banner starts. It gets the privacy page (the banner's
// `privacy-url`) and the cookie page on either side of it.
//
// Texts follow the page's language (`<html lang>`): Dutch, or English on en.html. Everything is
// made with DOM APIs and textContent; nothing is parsed as HTML.

const pageLang = document.documentElement.lang === 'en' ? 'en' : 'nl';

/**
 * Every scenario page, in the navigation's order, with its name in Dutch and English. `lang`: the
 * page's own language (Dutch unless said); a link to a page in another language says so with
 * `hreflang`, and a page without a name in the current language is named in its own (with `lang`).
 */
export const SCENARIOS = [
  { href: './', nl: 'Matomo (standaard)', en: 'Matomo (default)' },
  { href: 'en.html', lang: 'en', en: 'English' },
  { href: 'media.html', nl: "Video's", en: 'Videos' },
  { href: 'embeds.html', nl: 'Kaarten en berichten', en: 'Maps and posts' },
  { href: 'services.html', nl: 'Diensten', en: 'Services' },
  { href: 'policy.html', nl: 'Nieuwe beleidsversie', en: 'New policy version' },
  { href: 'gpc.html', nl: 'Global Privacy Control', en: 'Global Privacy Control' },
  { href: 'google.html', nl: 'Google Analytics', en: 'Google Analytics' },
  { href: 'tag-manager.html', nl: 'Matomo Tag Manager', en: 'Matomo Tag Manager' },
  { href: 'piwik-pro.html', nl: 'Piwik PRO', en: 'Piwik PRO' },
  { href: 'cookies.html', nl: 'Cookiepagina', en: 'Cookie page' },
  { href: 'exempt.html', nl: 'Vrijgestelde analytics', en: 'Exempt analytics' },
  { href: 'reload.html', nl: 'Herladen na intrekken', en: 'Reload after a withdrawal' },
  { href: 'dark.html', nl: 'Donker thema', en: 'Dark theme' },
  { href: 'nl-design-system.html', nl: 'NL Design System-thema', en: 'NL Design System theme' },
  { href: 'audit.html', nl: 'Auditmodus', en: 'Audit mode' },
];

const TEXT = {
  nl: { tagline: 'Demo van ', privacy: 'Privacy en cookies', cookiePage: 'Cookiepagina' },
  en: { tagline: 'Demo of ', privacy: 'Privacy and cookies', cookiePage: 'Cookie page (in Dutch)' },
}[pageLang];

/** An element with attributes (those that are undefined or false left out) and children (text or nodes). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children);
  return element;
}

/** A path as a page address, `/demo/` and `/demo/index.html` alike. */
const pagePath = (href) => new URL(href, location.href).pathname.replace(/\/index\.html$/, '/');

/** A link to one of the site's pages; `lang`: the language of the page it leads to. */
function pageLink(href, label, { lang = 'nl', labelLang } = {}) {
  return h('a', { href, hreflang: lang !== pageLang && lang, lang: labelLang }, label);
}

function renderHeader(header, banner) {
  header.replaceChildren(
    h('p', { class: 'logo' }, banner?.getAttribute('organisation') ?? ''),
    h('p', { class: 'tagline' }, TEXT.tagline, h('code', {}, '<consent-banner>')),
  );
}

function renderNav(nav) {
  const here = pagePath(location.href);
  nav.replaceChildren(
    h(
      'ul',
      {},
      ...SCENARIOS.map(({ href, lang = 'nl', ...names }) => {
        const link = pageLink(href, names[pageLang] ?? names[lang], { lang, labelLang: !names[pageLang] && lang });
        if (pagePath(href) === here) link.setAttribute('aria-current', 'page');
        return h('li', {}, link);
      }),
    ),
  );
}

function renderFooter(footer, banner) {
  const opener = footer.querySelector('[data-consent-open]');
  const privacy = banner?.getAttribute('privacy-url') || opener?.getAttribute('href');
  footer.replaceChildren(
    h(
      'ul',
      {},
      ...[privacy && pageLink(privacy, TEXT.privacy, { lang: pageLang }), opener, pageLink('cookies.html', TEXT.cookiePage)]
        .filter(Boolean)
        .map((link) => h('li', {}, link)),
    ),
  );
}

/** Renders the shared frame into the placeholders this page has. */
export function renderSite(banner = document.querySelector('consent-banner')) {
  const header = document.querySelector('header.site-header');
  const nav = document.querySelector('nav.scenario-nav');
  const footer = document.querySelector('footer.site-footer');
  if (header) renderHeader(header, banner);
  if (nav) renderNav(nav);
  if (footer) renderFooter(footer, banner);
}
