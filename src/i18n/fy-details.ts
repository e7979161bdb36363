import type { DetailStrings } from './strings.js';

/** West Frisian texts of the choices dialog, the cookie page and the placeholders. */
export const fyDetails: DetailStrings = {
  preferencesTitle: 'Cookie-ynstellingen',
  preferencesIntro: 'Kies hokker cookies {organisation} pleatse mei. Jo kinne jo kar altyd wer wizigje.',
  gpcNotice: 'Jo browser freget mei Global Privacy Control om jo net te folgjen. Dêrom steane alle opsjonele cookies út, oant jo hjir sels wat oars kieze.',
  exemptNotice: 'Foar dizze cookies is gjin tastimming nedich, omdat se net folle gefolgen hawwe foar jo privacy (kêst 11.7a Telecommunicatiewet). Jo kinne se wol útsette.',
  preferencesLegend: 'Opsjonele cookies',
  alwaysActive: 'altyd aktyf',
  colon: ': ',
  cookieLifetime: 'Bewartermyn: {lifetime}',
  close: 'Slute sûnder te wizigjen',
  save: 'Kar bewarje',
  days: '{days} dagen',
  placeholderText: '{label}: dizze ynhâld komt fan {host}. As jo de ynhâld lade, kin {host} cookies pleatse.',
  loadOnce: 'Ien kear lade',
  loadAlways: 'Altyd tastean: {label}',
  openExternal: 'Besjen op {host}',
  consentCookiePurpose: 'Ûnthâldt jo cookiekar.',
  matomoVisitorPurpose: 'Werkent jo browser by in folgjende besite, foar de statistyk.',
  matomoVisitorLifetime: '13 moannen',
  matomoSessionPurpose: 'Hâldt by hokker siden jo yn ien besite besjogge.',
  matomoSessionLifetime: '30 minuten',
  matomoReferrerPurpose: 'Ûnthâldt fia hokker webside jo binnenkamen.',
  matomoReferrerLifetime: '6 moannen',
};
