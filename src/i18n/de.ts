import type { ConsentStrings } from './strings.js';

export const de: ConsentStrings = {
  lang: 'de',
  dir: 'ltr',
  acceptAll: 'Alle optionalen Cookies akzeptieren',
  rejectAll: 'Alle optionalen Cookies ablehnen',
  loading: 'Wird geladen …',
  confirmationSaved: 'Ihre Auswahl wurde gespeichert.',
  necessaryLabel: 'Notwendige Cookies',
  necessaryDescription:
    'Diese Cookies sind nötig, damit die Website funktioniert und sich Ihre Cookie-Auswahl merken kann.',
  analyticsLabel: 'Analyse-Cookies',
  analyticsDescription: 'Damit sehen wir, wie Besucherinnen und Besucher die Website nutzen. So können wir sie verbessern.',
};
