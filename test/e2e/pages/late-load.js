// Loads the bundle after the page has loaded, then a second copy of it (a CMS that includes it twice).
window.addEventListener('load', async () => {
  await import('/dist/consent-banner.bundle.js');
  await import('/dist/consent-banner.bundle.js?second-copy');
  window.bundleLoaded = true;
});
