import type { ConsentStrings } from './strings.js';

export const en: ConsentStrings = {
  lang: 'en',
  dir: 'ltr',
  acceptAll: 'Accept all optional cookies',
  rejectAll: 'Reject all optional cookies',
  loading: 'Loading…',
  confirmationSaved: 'Your choice has been saved.',
  necessaryLabel: 'Necessary cookies',
  necessaryDescription: 'These cookies make the website work and remember your cookie choice.',
  analyticsLabel: 'Analytics cookies',
  analyticsDescription: 'They measure how visitors use the website, so that we can improve it.',
};
