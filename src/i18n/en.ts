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
  analyticsDescription: 'With these cookies we see how visitors use the website. This helps us improve it.',
};
