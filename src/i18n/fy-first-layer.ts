import type { FirstLayerStrings } from './strings.js';

/** West Frisian (Frysk), in the polite `jo` form; to be reviewed by a native speaker. */
export const fyFirstLayer: FirstLayerStrings = {
  region: 'Cookieberjocht',
  heading: 'Cookies op {site}',
  intro: '{organisation} brûkt needsaaklike cookies om dizze webside wurkje te litten.',
  changeLater: 'Jo kinne jo kar letter altyd wizigje fia Cookie-ynstellingen.',
  privacyLink: 'Lês de cookieferklearring fan {organisation}',
  acceptAnalytics: 'Analytyske cookies akseptearje',
  rejectAnalytics: 'Analytyske cookies wegerje',
  choose: 'Sels kieze',
  confirmationAcceptedAnalytics: 'Jo hawwe analytyske cookies akseptearre.',
  confirmationRejectedAnalytics: 'Jo hawwe analytyske cookies wegere.',
  confirmationAcceptedAll: 'Jo hawwe alle opsjonele cookies akseptearre.',
  confirmationRejectedAll: 'Jo hawwe alle opsjonele cookies wegere.',
  confirmationGranted: 'Jo hawwe tastien: {granted}.',
  confirmationRefused: 'Jo hawwe wegere: {refused}.',
  confirmationChangeLater: 'Jo kinne dit altyd wizigje fia Cookie-ynstellingen.',
  hide: 'Berjocht ferbergje',
};
