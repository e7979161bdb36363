import type { FirstLayerStrings } from './strings.js';

/**
 * French texts of the first layer and the confirmation: with the views, not in the core. French
 * typography: a no-break space (\u00a0) before a colon and inside « ».
 */
export const frFirstLayer: FirstLayerStrings = {
  region: 'Bandeau cookies',
  heading: 'À propos des cookies sur {site}',
  intro: '{Organisation} utilise des cookies nécessaires au fonctionnement de ce site.',
  ask: 'Nous aimerions aussi utiliser ces cookies. Êtes-vous d’accord\u00a0?',
  changeLater: 'Vous pouvez modifier votre choix à tout moment.',
  privacyLink: 'Lire la politique de cookies',
  acceptAnalytics: 'Accepter les cookies de mesure d’audience',
  rejectAnalytics: 'Refuser les cookies de mesure d’audience',
  choose: 'Personnaliser les cookies',
  confirmationAcceptedAnalytics: 'Vous avez accepté les cookies de mesure d’audience.',
  confirmationRejectedAnalytics: 'Vous avez refusé les cookies de mesure d’audience.',
  confirmationAcceptedAll: 'Vous avez accepté tous les cookies facultatifs.',
  confirmationRejectedAll: 'Vous avez refusé tous les cookies facultatifs.',
  confirmationGranted: 'Vous avez accepté\u00a0: {granted}.',
  confirmationRefused: 'Vous avez refusé\u00a0: {refused}.',
  confirmationChangeLater: 'Vous pouvez modifier ce choix à tout moment dans «\u00a0Gestion des cookies\u00a0».',
  hide: 'Masquer le bandeau cookies',
};
