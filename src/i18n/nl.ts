import type { ConsentStrings } from './strings.js';

export const nl: ConsentStrings = {
  lang: 'nl',
  dir: 'ltr',
  acceptAll: 'Alle optionele cookies accepteren',
  rejectAll: 'Alle optionele cookies weigeren',
  loading: 'Laden…',
  confirmationSaved: 'Uw keuze is opgeslagen.',
  necessaryLabel: 'Noodzakelijke cookies',
  necessaryDescription: 'Deze cookies zijn nodig om de website te laten werken en om uw cookiekeuze te onthouden.',
  analyticsLabel: 'Analytische cookies',
  analyticsDescription: 'Hiermee zien we hoe bezoekers de website gebruiken. Zo kunnen we de website verbeteren.',
};
