import type { FirstLayerStrings } from './strings.js';

/** English texts of the first layer and the confirmation: with the views, not in the core. */
export const enFirstLayer: FirstLayerStrings = {
  region: 'Cookie banner',
  heading: 'Cookies on {site}',
  intro: '{Organisation} uses necessary cookies to make this website work.',
  ask: 'We would also like to use these cookies. Do you agree?',
  changeLater: 'You can change your choice at any time.',
  privacyLink: 'Read the cookie statement of {organisation}',
  acceptAnalytics: 'Accept analytics cookies',
  rejectAnalytics: 'Reject analytics cookies',
  choose: 'Choose settings',
  confirmationAcceptedAnalytics: 'You have accepted analytics cookies.',
  confirmationRejectedAnalytics: 'You have rejected analytics cookies.',
  confirmationAcceptedAll: 'You have accepted all optional cookies.',
  confirmationRejectedAll: 'You have rejected all optional cookies.',
  confirmationGranted: 'You have accepted: {granted}.',
  confirmationRefused: 'You have rejected: {refused}.',
  confirmationChangeLater: 'You can change this at any time in Cookie settings.',
  hide: 'Hide cookie banner',
};
