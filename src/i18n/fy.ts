import type { ConsentStrings } from './strings.js';

/** West Frisian (Frysk), in the polite `jo` form; to be reviewed by a native speaker. */
export const fy: ConsentStrings = {
  lang: 'fy',
  dir: 'ltr',
  acceptAll: 'Alle opsjonele cookies akseptearje',
  rejectAll: 'Alle opsjonele cookies wegerje',
  loading: 'Lade…',
  confirmationSaved: 'Jo kar is bewarre.',
  necessaryLabel: 'Needsaaklike cookies',
  necessaryDescription: 'Dizze cookies binne nedich om de webside wurkje te litten en om jo cookiekar te ûnthâlden.',
  analyticsLabel: 'Analytyske cookies',
  analyticsDescription: 'Hjirmei sjogge wy hoe’t besikers de webside brûke. Sa kinne wy de webside ferbetterje.',
};
