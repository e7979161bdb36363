// End-to-end checks of the split build deployed as sites deploy it: the bundle with a cache-busting
// query string (as WordPress adds `?ver=`), and every file renamed with a content hash, found
// through an import map. The page is Frisian (its texts are a part), has a placeholder iframe and
// an opener link, and runs under the strict CSP. The files are the built dist/ files, answered by
// playwright routes under the names a site would give them.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { startHarness, STRICT_CSP, watchErrors } from './harness.mjs';

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.stop();
});

// The nonce STRICT_CSP allows.
const NONCE = 'e2e-nonce';
const page = (head) => `<!doctype html>
<html lang="fy">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="data:," />
    <title>Utrol</title>
    ${head}
  </head>
  <body>
    <consent-banner site-name="gemeente.frl" privacy-url="/privacy">
      <script type="application/json">{"categories":[{"id":"media","label":"Fideo's","description":"Fideo's fan in oare webside.","cookies":[]}]}</script>
    </consent-banner>
    <main>
      <h1>Utrol</h1>
      <iframe data-consent-category="media" data-src="/fake-video.html" title="Fideo" width="320" height="180"></iframe>
      <p><a href="/privacy" data-consent-open>Cookie-ynstellingen</a></p>
    </main>
  </body>
</html>`;

/** The built split files: the bundle and its parts. */
const SPLIT_FILES = readdirSync('dist').filter((name) => /^consent-banner([.-].*)?\.js$/.test(name) && !['consent-banner.js', 'consent-banner.single.js'].includes(name));

/**
 * A site that answers `html` at /page.html and the split build's files under `files` (URL path →
 * dist file); everything else is a 404. Returns the page and every request to a script.
 */
async function site(html, files) {
  const context = await harness.browser.newContext();
  context.setDefaultTimeout(10000);
  const scripts = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/page.html') {
      return route.fulfill({ contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': STRICT_CSP }, body: html });
    }
    if (url.pathname === '/fake-video.html') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>fake video</title>' });
    if (url.pathname.endsWith('.js')) scripts.push(url.pathname + url.search);
    if (Object.hasOwn(files, url.pathname)) return route.fulfill({ path: `dist/${files[url.pathname]}`, contentType: 'text/javascript' });
    return route.fulfill({ status: 404, body: 'not found' });
  });
  const tab = await context.newPage();
  const errors = watchErrors(tab);
  await tab.goto('http://www.gemeente.test/page.html');
  return { context, tab, errors, scripts };
}

/** The Frisian first layer shows, the placeholder stands in, and the opener opens the dialog. */
async function worksInFrisian(tab) {
  await tab.getByRole('button', { name: 'Sels kieze' }).waitFor();
  await tab.getByRole('button', { name: 'Ien kear lade' }).waitFor();
  await tab.getByRole('link', { name: 'Cookie-ynstellingen' }).click();
  await tab.getByRole('dialog', { name: 'Cookie-ynstellingen' }).waitFor();
}

describe('the split build as sites deploy it', () => {
  it('with a cache-busting query on the bundle: every part keeps the query, nothing loads twice, the page language shows', async () => {
    const files = Object.fromEntries(SPLIT_FILES.map((name) => [`/wp-content/plugins/consent/${name}`, name]));
    const { context, tab, errors, scripts } = await site(
      page(`<script type="module" nonce="${NONCE}" src="/wp-content/plugins/consent/consent-banner.bundle.js?ver=6.4.2"></script>`),
      files,
    );
    await worksInFrisian(tab);
    assert.ok(scripts.length > 3, scripts.join());
    for (const script of scripts) assert.match(script, /\?ver=6\.4\.2$/);
    assert.equal(new Set(scripts).size, scripts.length, `each file once: ${scripts.join(', ')}`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('with every file renamed with a content hash: an import map names them, and everything loads from the new names', async () => {
    // As a build pipeline that fingerprints assets would: consent-banner-ui.js -> /assets/consent-banner-ui.3f9a1c07.js.
    const hashed = (name) => `/assets/${name.replace(/\.js$/, '.3f9a1c07.js')}`;
    const files = Object.fromEntries(SPLIT_FILES.map((name) => [hashed(name), name]));
    const imports = Object.fromEntries(SPLIT_FILES.map((name) => [`/assets/${name}`, hashed(name)]));
    const { context, tab, errors, scripts } = await site(
      page(`<script type="importmap" nonce="${NONCE}">${JSON.stringify({ imports })}</script>
    <script type="module" nonce="${NONCE}" src="${hashed('consent-banner.bundle.js')}"></script>`),
      files,
    );
    await worksInFrisian(tab);
    for (const script of scripts) assert.match(script, /\.3f9a1c07\.js$/);
    assert.equal(new Set(scripts).size, scripts.length, `each file once: ${scripts.join(', ')}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
