// The libraries in the benchmark: their page, their npm package, and the selectors the driver
// uses. `visible` is the first layer's accept button: "banner visible" means that button is
// rendered, visible and inside the viewport (the same probe for every library, see probe.mjs).
// `dialog` is the second layer, for the click-to-open time (only where the issue compares it).
export const LIBRARIES = [
  {
    name: 'consent-banner',
    label: 'consent-banner',
    ours: true,
    visible: { host: 'consent-banner', selector: 'button[part~="accept"]' },
    accept: 'consent-banner button[part~="accept"]',
    choose: 'consent-banner button:text-is("Zelf kiezen")',
    // The second layer, visible: for the click-to-open time under Slow 4G.
    dialog: { host: 'consent-banner', selector: 'dialog[open]' },
  },
  {
    name: 'vanilla-cookieconsent',
    label: 'vanilla-cookieconsent',
    pkg: 'vanilla-cookieconsent',
    visible: { selector: '#cc-main .cm button[data-role="all"]' },
    accept: '#cc-main .cm button[data-role="all"]',
    choose: '#cc-main .cm button[data-role="show"]',
    dialog: { selector: '#cc-main .pm' },
  },
  {
    name: 'klaro',
    label: 'Klaro',
    pkg: 'klaro',
    visible: { selector: '.klaro .cookie-notice .cm-btn-success' },
    accept: '.klaro .cookie-notice .cm-btn-success',
    choose: '.klaro .cookie-notice .cn-learn-more',
  },
  {
    name: 'tarteaucitron',
    label: 'tarteaucitron',
    pkg: 'tarteaucitronjs',
    visible: { selector: '#tarteaucitronPersonalize2' },
    accept: '#tarteaucitronPersonalize2',
    choose: '#tarteaucitronCloseAlert',
  },
  {
    name: 'cookieconsent',
    label: 'cookieconsent (Osano)',
    pkg: 'cookieconsent',
    visible: { selector: '.cc-window .cc-allow' },
    accept: '.cc-window .cc-allow',
    choose: null, // one yes/no for all cookies: no second layer
  },
];

/**
 * The same page without any banner, the analytics script loaded directly: the floor. Its
 * "visible" is the page's own heading, found by the same probe.
 */
export const BASELINE = { name: 'baseline', label: 'no banner (floor)', baseline: true, visible: { selector: 'main h1' } };

/**
 * A reference, not a library: a Lit element that renders consent-banner's first layer and does
 * nothing else (bench/lit-floor/). It shows what Lit and that first layer cost by themselves.
 * First visit only: it stores nothing, so it has no returning visit.
 */
export const LIT_FLOOR = {
  name: 'lit-floor',
  label: 'Lit floor (reference)',
  reference: true,
  firstVisitOnly: true,
  visible: { host: 'lit-floor-banner', selector: 'button[part~="accept"]' },
};

export const PEERS = LIBRARIES.filter((lib) => !lib.ours);
export const OURS = LIBRARIES.find((lib) => lib.ours);
