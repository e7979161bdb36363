import type { ConsentStrings } from './strings.js';

export const fr: ConsentStrings = {
  lang: 'fr',
  dir: 'ltr',
  acceptAll: 'Accepter tous les cookies facultatifs',
  rejectAll: 'Refuser tous les cookies facultatifs',
  loading: 'Chargement…',
  confirmationSaved: 'Votre choix a été enregistré.',
  necessaryLabel: 'Cookies nécessaires',
  necessaryDescription: 'Ces cookies permettent au site de fonctionner et de mémoriser votre choix sur les cookies.',
  analyticsLabel: 'Cookies de mesure d’audience',
  analyticsDescription: 'Ils nous montrent comment les visiteurs utilisent le site. Cela nous aide à l’améliorer.',
};
