import type { DetailStrings } from './strings.js';

/** German texts of the choices dialog, the cookie page and the placeholders. */
export const deDetails: DetailStrings = {
  preferencesTitle: 'Cookie-Einstellungen',
  preferencesIntro: 'Wählen Sie, welche Cookies {organisation} setzen darf. Sie können Ihre Auswahl jederzeit ändern.',
  gpcNotice: 'Ihr Browser bittet mit Global Privacy Control darum, Sie nicht zu verfolgen. Deshalb sind alle optionalen Cookies ausgeschaltet, bis Sie hier selbst etwas anderes wählen.',
  exemptNotice: 'Für diese Cookies ist keine Einwilligung nötig, weil sie kaum Folgen für Ihre Privatsphäre haben (Artikel 11.7a des niederländischen Telekommunikationsgesetzes, Telecommunicatiewet). Sie können sie trotzdem ausschalten.',
  preferencesLegend: 'Optionale Cookies',
  alwaysActive: 'immer aktiv',
  colon: ': ',
  cookieLifetime: 'Speicherdauer: {lifetime}',
  close: 'Schließen ohne Änderungen',
  save: 'Auswahl speichern',
  days: '{days} Tage',
  placeholderText: '{label}: Dieser Inhalt kommt von {host}. Wenn Sie ihn laden, kann {host} Cookies setzen.',
  loadOnce: 'Einmal laden',
  loadAlways: 'Immer erlauben: {label}',
  openExternal: 'Auf {host} ansehen',
  consentCookiePurpose: 'Speichert Ihre Cookie-Auswahl.',
  matomoVisitorPurpose: 'Erkennt Ihren Browser bei einem späteren Besuch wieder, für die Statistik.',
  matomoVisitorLifetime: '13 Monate',
  matomoSessionPurpose: 'Erfasst, welche Seiten Sie während eines Besuchs ansehen.',
  matomoSessionLifetime: '30 Minuten',
  matomoReferrerPurpose: 'Speichert, über welche Website Sie zu uns gekommen sind.',
  matomoReferrerLifetime: '6 Monate',
};
