/**
 * The texts the core and every view share, in one language: the categories' own texts (the
 * `categories` property gives them at once), the busy note of a slow opener, and what the dialog
 * and the cookie page say too. The first layer's are in `FirstLayerStrings`, the rest in
 * `DetailStrings`. `{site}`, `{organisation}`, `{days}`, `{lifetime}`, `{granted}`, `{refused}`,
 * `{label}` and `{host}` are placeholders; written with a capital (`{Organisation}`), the value
 * starts with one (a sentence that starts with it: "het ministerie" → "Het ministerie"). A
 * language that misses a key fails the type check and the tests (L20).
 */
export interface ConsentStrings {
  /** BCP 47 code written to the content's `lang`. */
  lang: string;
  dir: 'ltr' | 'rtl';
  acceptAll: string;
  rejectAll: string;
  /** Shown on an opener while the choices' code loads (a slow connection). */
  loading: string;
  confirmationSaved: string;
  necessaryLabel: string;
  necessaryDescription: string;
  analyticsLabel: string;
  analyticsDescription: string;
}

/** The texts of the first layer and the confirmation: loaded with the views, not in the core. */
export interface FirstLayerStrings {
  region: string;
  heading: string;
  intro: string;
  /** Asks permission for the categories listed after it. */
  ask: string;
  changeLater: string;
  privacyLink: string;
  acceptAnalytics: string;
  rejectAnalytics: string;
  choose: string;
  confirmationAcceptedAnalytics: string;
  confirmationRejectedAnalytics: string;
  confirmationAcceptedAll: string;
  confirmationRejectedAll: string;
  /** Names the categories granted (`{granted}`), before `confirmationRefused` when some were refused too. */
  confirmationGranted: string;
  /** Names the categories refused (`{refused}`). */
  confirmationRefused: string;
  confirmationChangeLater: string;
  hide: string;
}

/**
 * The texts of the choices dialog, the cookie page and the placeholders: loaded with those parts,
 * not with the first layer.
 */
export interface DetailStrings {
  preferencesTitle: string;
  preferencesIntro: string;
  gpcNotice: string;
  exemptNotice: string;
  preferencesLegend: string;
  alwaysActive: string;
  /** What joins a label to what follows it ("Noodzakelijke cookies: altijd actief"): `': '`, in French `'\u00a0: '`. */
  colon: string;
  close: string;
  save: string;
  days: string;
  placeholderText: string;
  loadOnce: string;
  loadAlways: string;
  openExternal: string;
  consentCookiePurpose: string;
  matomoVisitorPurpose: string;
  matomoVisitorLifetime: string;
  matomoSessionPurpose: string;
  matomoSessionLifetime: string;
  matomoReferrerPurpose: string;
  matomoReferrerLifetime: string;
  /** Column headings of the cookie tables: the cookie's name, what it is for, how long it is kept. */
  cookieNameHeader: string;
  cookiePurposeHeader: string;
  cookieLifetimeHeader: string;
  /** The caption of a category's cookie table; `{label}` is the category's label. */
  cookieTableCaption: string;
  /** The cookie page's link back to the page the visitor came from, after a save. */
  backLink: string;
  /** What the cookie page says where its choices need JavaScript (the no-JavaScript content). */
  noScriptNotice: string;
}

/** Replaces `{key}` placeholders; `{Key}` with the value's first letter in upper case. */
export function format(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w)(\w*)\}/g, (whole, first: string, rest: string) => {
    const value = values[first.toLowerCase() + rest];
    return value === undefined ? whole : first === first.toLowerCase() ? value : value.charAt(0).toUpperCase() + value.slice(1);
  });
}

/** The placeholders a text has, each once, by name in lower case (`{Organisation}` is `organisation`). */
export function placeholdersOf(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(/\{(\w+)\}/g), ([, key]) => key.toLowerCase()))];
}
