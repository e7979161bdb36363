import type { ConsentStrings } from './strings.js';

// French typography: a no-break space (\u00a0) before a colon and inside « ».
export const fr: ConsentStrings = {
  lang: 'fr',
  dir: 'ltr',
  region: 'Bandeau cookies',
  heading: 'À propos des cookies sur {site}',
  intro: '{organisation} utilise des cookies nécessaires au fonctionnement de ce site.',
  changeLater: 'Vous pouvez modifier votre choix à tout moment dans «\u00a0Gestion des cookies\u00a0».',
  privacyLink: 'Lire la politique de cookies de {organisation}',
  acceptAnalytics: 'Accepter les cookies de mesure d’audience',
  rejectAnalytics: 'Refuser les cookies de mesure d’audience',
  acceptAll: 'Accepter tous les cookies facultatifs',
  rejectAll: 'Refuser tous les cookies facultatifs',
  choose: 'Personnaliser les cookies',
  loading: 'Chargement…',
  confirmationSaved: 'Votre choix a été enregistré.',
  confirmationAcceptedAnalytics: 'Vous avez accepté les cookies de mesure d’audience.',
  confirmationRejectedAnalytics: 'Vous avez refusé les cookies de mesure d’audience.',
  confirmationAcceptedAll: 'Vous avez accepté tous les cookies facultatifs.',
  confirmationRejectedAll: 'Vous avez refusé tous les cookies facultatifs.',
  confirmationCustom: 'Vous avez autorisé\u00a0: {granted}. Vous avez refusé\u00a0: {refused}.',
  confirmationChangeLater: 'Vous pouvez modifier ce choix à tout moment dans «\u00a0Gestion des cookies\u00a0».',
  hide: 'Masquer ce message',
  necessaryLabel: 'Cookies nécessaires',
  necessaryDescription: 'Ces cookies permettent au site de fonctionner et de mémoriser votre choix sur les cookies.',
  analyticsLabel: 'Cookies de mesure d’audience',
  analyticsDescription:
    'Ils nous permettent de mesurer comment les visiteurs utilisent le site, afin de l’améliorer.',
};
