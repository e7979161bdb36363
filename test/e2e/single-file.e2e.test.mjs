// End-to-end check of dist/consent-banner.single.js, the one file for a CMS that takes one file:
// copied alone (the page's origin answers nothing else), it shows the page's language (Frisian
// here, a part in the split build), opens the choices, stands in for blocked iframes and tells
// Matomo, without fetching any other file.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHarness, watchErrors } from './harness.mjs';

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.stop();
});

const PAGE = `<!doctype html>
<html lang="fy">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="data:," />
    <title>Ien bestân</title>
    <script type="module" src="/uploads/cb-3f9a1c07.js?ver=6.4.2"></script>
  </head>
  <body>
    <consent-banner site-name="gemeente.frl" privacy-url="/privacy" integrations="matomo">
      <script type="application/json">{"categories":[{"id":"media","label":"Fideo's","description":"Fideo's fan in oare webside.","cookies":[]}]}</script>
    </consent-banner>
    <main>
      <h1>Ien bestân</h1>
      <iframe data-consent-category="media" data-src="https://video.example/embed/1" title="Fideo" width="320" height="180"></iframe>
      <p><a href="/privacy" data-consent-open>Cookie-ynstellingen</a></p>
    </main>
  </body>
</html>`;

describe('the single file: everything in one file', () => {
  it('works copied alone, renamed and with a query string: the page language, the choices, placeholders and Matomo, and no other request', async () => {
    const context = await harness.browser.newContext();
    context.setDefaultTimeout(10000);
    const requested = [];
    // The site: this page and the one uploaded file; everything else is a 404, as on a site
    // where only that file was copied.
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      // The video's own host (after consent): a fake that answers with an empty page.
      if (url.host !== 'www.gemeente.test') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>fake video</title>' });
      requested.push(url.pathname);
      if (url.pathname === '/page.html') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: PAGE });
      // Renamed on upload, with a content hash, as some CMSs and build pipelines do.
      if (url.pathname === '/uploads/cb-3f9a1c07.js') return route.fulfill({ path: 'dist/consent-banner.single.js' });
      return route.fulfill({ status: 404, body: 'not found' });
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('http://www.gemeente.test/page.html');
    await page.getByRole('button', { name: 'Sels kieze' }).waitFor();
    await page.getByRole('button', { name: 'Ien kear lade' }).waitFor();
    await page.getByRole('link', { name: 'Cookie-ynstellingen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cookie-ynstellingen' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: /akseptearje/ }).click();
    await page.waitForFunction(() => Array.isArray(window._paq) && window._paq.some(([name]) => name === 'setConsentGiven'));
    await page.waitForFunction(() => document.querySelector('iframe').getAttribute('src'));
    // The site's origin served the page and the one file; the granted video came from its own host.
    assert.deepEqual([...new Set(requested)], ['/page.html', '/uploads/cb-3f9a1c07.js']);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
