// FAKE Global Privacy Control for the demo. A page cannot switch the real signal on (it is a
// browser setting), so `?gpc=1` in the address stands in for it: this classic script, loaded in
// <head> before the banner's bundle, makes `navigator.globalPrivacyControl` true, the way a
// browser with GPC switched on reports it.
if (new URLSearchParams(location.search).get('gpc') === '1') {
  Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true, enumerable: true });
}
