// consent-banner: Google Consent Mode v2 defaults (I5). A classic script: load it in <head>, before gtag.js.
window.dataLayer = window.dataLayer || [];
// eslint-disable-next-line prefer-rest-params -- gtag.js reads only Arguments objects as commands
window.gtag = window.gtag || function () { window.dataLayer!.push(arguments); };
window.gtag('consent', 'default', {
  analytics_storage: 'denied',
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  wait_for_update: 500,
});
