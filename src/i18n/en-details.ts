import type { DetailStrings } from './strings.js';

/** English texts of the choices dialog, the cookie page and the placeholders. */
export const enDetails: DetailStrings = {
  preferencesTitle: 'Cookie settings',
  preferencesIntro: 'Choose which cookies {organisation} may set. You can change your choice at any time.',
  gpcNotice: 'Your browser asks not to be tracked, with Global Privacy Control. So every optional cookie is off until you choose otherwise here.',
  exemptNotice: 'These cookies need no consent because they have little impact on your privacy (Dutch Telecommunications Act, article 11.7a). You can still turn them off.',
  preferencesLegend: 'Optional cookies',
  alwaysActive: 'always on',
  colon: ': ',
  cookieLifetime: 'Kept for: {lifetime}',
  close: 'Close without changes',
  save: 'Save choices',
  days: '{days} days',
  placeholderText: '{label}: this content comes from {host}. If you load it, {host} may set cookies.',
  loadOnce: 'Load once',
  loadAlways: 'Always allow: {label}',
  openExternal: 'View on {host}',
  consentCookiePurpose: 'Remembers your cookie choice.',
  matomoVisitorPurpose: 'Recognises your browser on a later visit, for the statistics.',
  matomoVisitorLifetime: '13 months',
  matomoSessionPurpose: 'Tracks which pages you view during one visit.',
  matomoSessionLifetime: '30 minutes',
  matomoReferrerPurpose: 'Remembers which website you came from.',
  matomoReferrerLifetime: '6 months',
};
