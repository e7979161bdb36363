import type { DetailStrings } from './strings.js';

/** Dutch texts of the choices dialog, the cookie page and the placeholders. */
export const nlDetails: DetailStrings = {
  preferencesTitle: 'Cookie-instellingen',
  preferencesIntro: 'Kies welke cookies {organisation} mag plaatsen. U kunt uw keuze altijd weer wijzigen.',
  gpcNotice: 'Uw browser vraagt met Global Privacy Control om u niet te volgen. Daarom staan alle optionele cookies uit, tot u hier zelf iets anders kiest.',
  exemptNotice: 'Voor deze cookies is geen toestemming nodig, omdat ze weinig gevolgen hebben voor uw privacy (artikel 11.7a Telecommunicatiewet). U kunt ze wel uitzetten.',
  preferencesLegend: 'Optionele cookies',
  alwaysActive: 'altijd actief',
  colon: ': ',
  cookieLifetime: 'Bewaartermijn: {lifetime}',
  close: 'Sluiten zonder te wijzigen',
  save: 'Keuze opslaan',
  days: '{days} dagen',
  placeholderText: '{label}: deze inhoud komt van {host}. Als u hem laadt, kan {host} cookies plaatsen.',
  loadOnce: 'Eenmalig laden',
  loadAlways: 'Altijd toestaan: {label}',
  openExternal: 'Bekijken op {host}',
  consentCookiePurpose: 'Onthoudt uw cookiekeuze.',
  matomoVisitorPurpose: 'Herkent uw browser bij een volgend bezoek, voor de statistieken.',
  matomoVisitorLifetime: '13 maanden',
  matomoSessionPurpose: 'Houdt bij welke pagina’s u in één bezoek bekijkt.',
  matomoSessionLifetime: '30 minuten',
  matomoReferrerPurpose: 'Onthoudt via welke website u binnenkwam.',
  matomoReferrerLifetime: '6 maanden',
};
