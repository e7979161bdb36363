import type { ConsentStrings } from './strings.js';

export const de: ConsentStrings = {
  lang: 'de',
  dir: 'ltr',
  region: 'Cookie-Hinweis',
  heading: 'Cookies auf {site}',
  intro: '{organisation} verwendet notwendige Cookies, damit diese Website funktioniert.',
  changeLater: 'Sie können Ihre Auswahl später jederzeit unter Cookie-Einstellungen ändern.',
  privacyLink: 'Lesen Sie die Cookie-Erklärung von {organisation}',
  acceptAnalytics: 'Analyse-Cookies akzeptieren',
  rejectAnalytics: 'Analyse-Cookies ablehnen',
  acceptAll: 'Alle optionalen Cookies akzeptieren',
  rejectAll: 'Alle optionalen Cookies ablehnen',
  choose: 'Selbst auswählen',
  loading: 'Wird geladen …',
  confirmationSaved: 'Ihre Auswahl wurde gespeichert.',
  confirmationAcceptedAnalytics: 'Sie haben Analyse-Cookies akzeptiert.',
  confirmationRejectedAnalytics: 'Sie haben Analyse-Cookies abgelehnt.',
  confirmationAcceptedAll: 'Sie haben alle optionalen Cookies akzeptiert.',
  confirmationRejectedAll: 'Sie haben alle optionalen Cookies abgelehnt.',
  confirmationCustom: 'Sie haben erlaubt: {granted}. Sie haben abgelehnt: {refused}.',
  confirmationChangeLater: 'Sie können dies jederzeit unter Cookie-Einstellungen ändern.',
  hide: 'Hinweis ausblenden',
  necessaryLabel: 'Notwendige Cookies',
  necessaryDescription:
    'Diese Cookies sind nötig, damit die Website funktioniert und sich Ihre Cookie-Auswahl merken kann.',
  analyticsLabel: 'Analyse-Cookies',
  analyticsDescription:
    'Damit messen wir, wie Besucherinnen und Besucher die Website nutzen, um sie zu verbessern.',
};
