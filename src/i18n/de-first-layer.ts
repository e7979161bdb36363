import type { FirstLayerStrings } from './strings.js';

/** German texts of the first layer and the confirmation: with the views, not in the core. */
export const deFirstLayer: FirstLayerStrings = {
  region: 'Cookie-Hinweis',
  heading: 'Cookies auf {site}',
  intro: '{Organisation} verwendet notwendige Cookies, damit diese Website funktioniert.',
  ask: 'Wir möchten außerdem diese Cookies verwenden. Sind Sie damit einverstanden?',
  changeLater: 'Sie können Ihre Auswahl später jederzeit ändern.',
  privacyLink: 'Lesen Sie die Cookie-Erklärung',
  acceptAnalytics: 'Analyse-Cookies akzeptieren',
  rejectAnalytics: 'Analyse-Cookies ablehnen',
  choose: 'Selbst auswählen',
  confirmationAcceptedAnalytics: 'Sie haben Analyse-Cookies akzeptiert.',
  confirmationRejectedAnalytics: 'Sie haben Analyse-Cookies abgelehnt.',
  confirmationAcceptedAll: 'Sie haben alle optionalen Cookies akzeptiert.',
  confirmationRejectedAll: 'Sie haben alle optionalen Cookies abgelehnt.',
  confirmationGranted: 'Sie haben akzeptiert: {granted}.',
  confirmationRefused: 'Sie haben abgelehnt: {refused}.',
  confirmationChangeLater: 'Sie können dies jederzeit unter Cookie-Einstellungen ändern.',
  hide: 'Cookie-Hinweis ausblenden',
};
