import type { FirstLayerStrings } from './strings.js';

/** Dutch texts of the first layer and the confirmation: with the views, not in the core. */
export const nlFirstLayer: FirstLayerStrings = {
  region: 'Cookiemelding',
  heading: 'Cookies op {site}',
  intro: '{organisation} gebruikt noodzakelijke cookies om deze website te laten werken.',
  changeLater: 'U kunt uw keuze later altijd wijzigen via Cookie-instellingen.',
  privacyLink: 'Lees de cookieverklaring van {organisation}',
  acceptAnalytics: 'Analytische cookies accepteren',
  rejectAnalytics: 'Analytische cookies weigeren',
  choose: 'Zelf kiezen',
  confirmationAcceptedAnalytics: 'U heeft analytische cookies geaccepteerd.',
  confirmationRejectedAnalytics: 'U heeft analytische cookies geweigerd.',
  confirmationAcceptedAll: 'U heeft alle optionele cookies geaccepteerd.',
  confirmationRejectedAll: 'U heeft alle optionele cookies geweigerd.',
  confirmationGranted: 'U heeft toegestaan: {granted}.',
  confirmationRefused: 'U heeft geweigerd: {refused}.',
  confirmationChangeLater: 'U kunt dit altijd wijzigen via Cookie-instellingen.',
  hide: 'Bericht verbergen',
};
