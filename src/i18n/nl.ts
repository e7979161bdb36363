import type { ConsentStrings } from './strings.js';

export const nl: ConsentStrings = {
  lang: 'nl',
  dir: 'ltr',
  region: 'Cookiemelding',
  heading: 'Cookies op {site}',
  intro: '{organisation} gebruikt noodzakelijke cookies om deze website te laten werken.',
  changeLater: 'U kunt uw keuze later altijd wijzigen via Cookie-instellingen.',
  privacyLink: 'Lees de cookieverklaring van {organisation}',
  acceptAnalytics: 'Analytische cookies accepteren',
  rejectAnalytics: 'Analytische cookies weigeren',
  acceptAll: 'Alle optionele cookies accepteren',
  rejectAll: 'Alle optionele cookies weigeren',
  choose: 'Zelf kiezen',
  confirmationSaved: 'Uw keuze is opgeslagen.',
  confirmationAcceptedAnalytics: 'U heeft analytische cookies geaccepteerd.',
  confirmationRejectedAnalytics: 'U heeft analytische cookies geweigerd.',
  confirmationAcceptedAll: 'U heeft alle optionele cookies geaccepteerd.',
  confirmationRejectedAll: 'U heeft alle optionele cookies geweigerd.',
  confirmationCustom: 'U heeft toegestaan: {granted}. U heeft geweigerd: {refused}.',
  confirmationChangeLater: 'U kunt dit altijd wijzigen via Cookie-instellingen.',
  hide: 'Bericht verbergen',
  necessaryLabel: 'Noodzakelijke cookies',
  necessaryDescription: 'Deze cookies zijn nodig om de website te laten werken en om uw cookiekeuze te onthouden.',
  analyticsLabel: 'Analytische cookies',
  analyticsDescription:
    'Hiermee meten we hoe bezoekers de website gebruiken, zodat we die kunnen verbeteren.',
};
