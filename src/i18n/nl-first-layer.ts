import type { FirstLayerStrings } from './strings.js';

/** Dutch texts of the first layer and the confirmation: with the views, not in the core. */
export const nlFirstLayer: FirstLayerStrings = {
  region: 'Cookiemelding',
  heading: 'Cookies op {site}',
  intro: '{Organisation} gebruikt noodzakelijke cookies om deze website te laten werken.',
  ask: 'We willen ook graag deze cookies gebruiken. Vindt u dat goed?',
  changeLater: 'U kunt uw keuze later altijd wijzigen.',
  privacyLink: 'Lees de cookieverklaring van {organisation}',
  acceptAnalytics: 'Analytische cookies accepteren',
  rejectAnalytics: 'Analytische cookies weigeren',
  choose: 'Zelf kiezen',
  confirmationAcceptedAnalytics: 'U heeft analytische cookies geaccepteerd.',
  confirmationRejectedAnalytics: 'U heeft analytische cookies geweigerd.',
  confirmationAcceptedAll: 'U heeft alle optionele cookies geaccepteerd.',
  confirmationRejectedAll: 'U heeft alle optionele cookies geweigerd.',
  confirmationGranted: 'U heeft geaccepteerd: {granted}.',
  confirmationRefused: 'U heeft geweigerd: {refused}.',
  confirmationChangeLater: 'U kunt dit altijd wijzigen via Cookie-instellingen.',
  hide: 'Cookiemelding verbergen',
};
