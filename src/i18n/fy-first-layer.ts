import type { FirstLayerStrings } from './strings.js';

/** West Frisian (Frysk), in the polite `jo` form; to be reviewed by a native speaker. */
export const fyFirstLayer: FirstLayerStrings = {
  region: 'Cookieberjocht',
  heading: 'Cookies op {site}',
  intro: '{Organisation} brûkt needsaaklike cookies om dizze webside wurkje te litten.',
  ask: 'Wy wolle ek graach dizze cookies brûke. Fine jo dat goed?',
  changeLater: 'Jo kinne jo kar letter altyd wizigje.',
  privacyLink: 'Lês de cookieferklearring fan {organisation}',
  acceptAnalytics: 'Analytyske cookies akseptearje',
  rejectAnalytics: 'Analytyske cookies wegerje',
  choose: 'Sels kieze',
  confirmationAcceptedAnalytics: 'Jo hawwe analytyske cookies akseptearre.',
  confirmationRejectedAnalytics: 'Jo hawwe analytyske cookies wegere.',
  confirmationAcceptedAll: 'Jo hawwe alle opsjonele cookies akseptearre.',
  confirmationRejectedAll: 'Jo hawwe alle opsjonele cookies wegere.',
  confirmationGranted: 'Jo hawwe akseptearre: {granted}.',
  confirmationRefused: 'Jo hawwe wegere: {refused}.',
  confirmationChangeLater: 'Jo kinne dit altyd wizigje fia Cookie-ynstellingen.',
  hide: 'Cookieberjocht ferbergje',
};
