// The theme pages (dark.html, nl-design-system.html) show what styles the banner, read from the
// browser itself so that it is always true:
// - `#theme-rule`: the page's `consent-banner { --consent-banner-*: … }` rule, as the browser parsed it;
// - `#token-list`: for each NL Design System token the banner falls back to, its value in the theme
//   and what the banner shows, measured on the banner's own elements (the focus ring once a banner
//   control has keyboard focus; after a choice, what it showed while the question was open).

const banner = document.querySelector('consent-banner');

/** The page's rules for `consent-banner`, one declaration a line. */
function showThemeRule() {
  const target = document.getElementById('theme-rule');
  if (!target) return;
  const rules = [];
  for (const sheet of document.styleSheets) {
    for (const rule of sheet.cssRules) {
      if (rule.selectorText !== 'consent-banner') continue;
      const declarations = Array.from(rule.style, (name) => `  ${name}: ${rule.style.getPropertyValue(name).trim()};`);
      rules.push(`consent-banner {\n${declarations.join('\n')}\n}`);
    }
  }
  target.textContent = rules.join('\n\n');
}

const TOKENS = [
  {
    what: 'Achtergrond van accepteren en weigeren',
    token: '--utrecht-button-primary-action-background-color',
    property: 'background-color',
    element: () => part('accept'),
  },
  { what: 'Tekst van accepteren en weigeren', token: '--utrecht-button-primary-action-color', property: 'color', element: () => part('accept') },
  {
    what: 'Rand van accepteren en weigeren',
    token: '--utrecht-button-primary-action-border-color',
    property: 'border-top-color',
    element: () => part('accept'),
  },
  { what: 'Ronding van de knoppen', token: '--utrecht-button-border-radius', property: 'border-top-left-radius', element: () => part('accept') },
  {
    what: 'Bovenrand van de banner (ook rand van het keuzevenster en de vinkjes)',
    token: '--utrecht-button-primary-action-background-color',
    property: 'border-top-color',
    element: () => part('banner'),
  },
  { what: 'Lettertype van de kop', token: '--basis-heading-font-family', property: 'font-family', element: () => part('heading') },
  { what: 'Lettertype', token: '--utrecht-document-font-family', property: 'font-family', element: () => part('banner') },
  {
    what: 'Focusrand',
    token: '--utrecht-focus-outline-color',
    property: 'outline-color',
    element: () => focusedControl(),
    missing: 'Tab naar een knop van de banner om dit te meten.',
  },
  {
    what: 'Dikte van de focusrand',
    token: '--basis-focus-outline-width',
    property: 'outline-width',
    element: () => focusedControl(),
    missing: 'Tab naar een knop van de banner om dit te meten.',
  },
];

/** The banner's control with keyboard focus (where its focus ring shows), if any. */
function focusedControl() {
  const focused = banner.shadowRoot?.activeElement;
  return focused?.matches(':focus-visible') ? focused : null;
}

const part = (name) => banner.shadowRoot?.querySelector(`[part~="${name}"]`) ?? null;

/** A value as the browser computes it for `property`, to compare like with like (an outline's width counts only with a style). */
const probe = document.createElement('span');
probe.style.outlineStyle = 'solid';
const measured = new Map();
function computed(property, value) {
  probe.style.setProperty(property, value);
  return getComputedStyle(probe).getPropertyValue(property);
}

function code(text) {
  return Object.assign(document.createElement('code'), { textContent: text });
}

function showTokens() {
  const list = document.getElementById('token-list');
  if (!list) return;
  if (!probe.isConnected) {
    probe.hidden = true;
    list.after(probe);
  }
  const theme = getComputedStyle(document.body);
  list.replaceChildren(
    ...TOKENS.map(({ what, token, property, element, missing }) => {
      const li = document.createElement('li');
      const value = theme.getPropertyValue(token).trim();
      // What the banner showed last, while the element is gone (after a choice).
      const shown = element();
      if (shown) measured.set(`${token} ${property}`, getComputedStyle(shown).getPropertyValue(property));
      const actual = measured.get(`${token} ${property}`) ?? null;
      li.append(Object.assign(document.createElement('strong'), { textContent: what }), document.createElement('br'), code(token), ': ');
      li.append(value ? code(value) : 'niet in dit thema');
      li.append(document.createElement('br'), 'De banner toont: ');
      if (actual === null) {
        li.append(missing ?? 'niet te meten: de cookiemelding staat niet open (kies “Mijn keuze vergeten”).');
      } else {
        if (property.endsWith('color')) {
          const swatch = Object.assign(document.createElement('span'), { className: 'swatch' });
          swatch.style.background = actual;
          swatch.setAttribute('aria-hidden', 'true');
          li.append(swatch);
        }
        li.append(code(actual), ' — ');
        if (!value) li.append('de eigen standaard van de banner.');
        else li.append(computed(property, value) === actual ? 'overgenomen uit het thema.' : 'niet overgenomen.');
      }
      li.dataset.token = token;
      li.dataset.state = actual === null ? 'unmeasured' : !value ? 'default' : computed(property, value) === actual ? 'taken' : 'differs';
      return li;
    }),
  );
}

showThemeRule();
customElements.whenDefined('consent-banner').then(async () => {
  await banner.updateComplete;
  showTokens();
  // Measure again when the banner changes (a choice, "forget my choice") or a control gets focus.
  for (const type of ['consent-change', 'consent-ready']) document.addEventListener(type, () => banner.updateComplete.then(showTokens));
  banner.addEventListener('focusin', () => requestAnimationFrame(showTokens));
  document.getElementById('forget')?.addEventListener('click', () => requestAnimationFrame(() => banner.updateComplete.then(showTokens)));
});
