// Consent receipts as shipped (issue 14, item 6): the built bundle and its parts in Chromium, on a
// small node:http site whose receipt-url is the receiver of docs/server.md (the very snippet).
// The receipt the browser sends is stored, and its lang and textsHash are what receiptTexts of
// the built consent-banner/server computes from the same settings (test/fixtures/receipt-texts.json).
// Also the single file. The site is http://127.0.0.1, which has Web Crypto as https has.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { readSnippets } from './doc-snippets.mjs';
import { startHarness, watchErrors } from './harness.mjs';

const { receiptTexts } = await import(new URL('../../dist/server.js', import.meta.url).href);
const { cases } = JSON.parse(readFileSync(new URL('../fixtures/receipt-texts.json', import.meta.url), 'utf8'));

const [snippet] = readSnippets(['docs/server.md'], ['js']).filter(({ heading }) => heading === 'A receiver that keeps receipts');
const folder = mkdtempSync(join(tmpdir(), 'receipts-e2e-'));
writeFileSync(join(folder, 'receiver.mjs'), snippet.source);
const { receiptReceiver } = await import(pathToFileURL(join(folder, 'receiver.mjs')).href);
const directory = join(folder, 'receipts');
const receive = receiptReceiver({ directory, retentionMonths: 14 });

let harness;
let site;

/** The page of a fixture case, with the bundle (or the single file) and receipt-url. */
function page({ lang, attributes, config }, script) {
  const attrs = Object.entries(attributes).map(([name, value]) => ` ${name}="${value}"`).join('');
  const child = config ? `<script type="application/json">${JSON.stringify(config)}</script>` : '';
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Receipts</title><link rel="icon" href="data:,">
<script type="module" src="/dist/${script}"></script></head>
<body><consent-banner receipt-url="/api/consent-receipts"${attrs}>${child}</consent-banner><main><h1>Receipts</h1></main></body></html>`;
}

async function serve(req, res) {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/api/consent-receipts') return receive(req, res);
  const file = /^\/dist\/(consent-banner[\w.-]*\.js)$/.exec(url.pathname);
  if (file) {
    try {
      const body = await readFile(new URL(`../../dist/${file[1]}`, import.meta.url));
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      return res.end(body);
    } catch {
      return res.writeHead(404).end();
    }
  }
  const [, index, script] = /^\/case\/(\d+)\/(consent-banner\.(?:bundle|single)\.js)$/.exec(url.pathname) ?? [];
  if (index === undefined || !cases[index]) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(page(cases[index], script));
}

before(async () => {
  harness = await startHarness();
  const server = createServer((req, res) => void serve(req, res));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  site = { server, url: (path) => `http://127.0.0.1:${server.address().port}${path}` };
});
after(async () => {
  site?.server.closeAllConnections();
  await new Promise((resolve) => (site ? site.server.close(resolve) : resolve()));
  await harness?.stop();
  rmSync(folder, { recursive: true, force: true });
});

/** The receipts the receiver stored this month, as the lines of its file. */
function stored() {
  const month = new Date().toISOString().slice(0, 7);
  try {
    return readFileSync(join(directory, `receipts-${month}.jsonl`), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  } catch {
    return [];
  }
}

describe('receipts from the built files, kept by the documented receiver', () => {
  for (const script of ['consent-banner.bundle.js', 'consent-banner.single.js']) {
    for (const [index, fixture] of cases.entries()) {
      it(`${script}: the stored receipt's lang and textsHash are receiptTexts' for the same settings: ${fixture.name}`, async () => {
        const context = await harness.browser.newContext();
        context.setDefaultTimeout(10000);
        const tab = await context.newPage();
        const errors = watchErrors(tab);
        try {
          const count = stored().length;
          await tab.goto(site.url(`/case/${index}/${script}`));
          const answer = tab.waitForResponse((response) => response.url() === site.url('/api/consent-receipts'));
          await tab.locator('consent-banner').evaluate((banner) => customElements.whenDefined('consent-banner').then(() => banner.updateComplete));
          await tab.locator('consent-banner [part~="accept"]').click();
          assert.equal((await answer).status(), 204);
          const receipt = stored().slice(count).at(-1);
          const expected = await receiptTexts(fixture.options);
          assert.deepEqual([receipt.lang, receipt.textsHash, receipt.method], [expected.lang, expected.textsHash, 'accept-all']);
          assert.equal(receipt.textsHash, fixture.textsHash);
          assert.deepEqual(errors, []);
        } finally {
          await context.close();
        }
      });
    }
  }

  it('the texts\' part is fetched once the first layer shows, before any decision; a returning visitor fetches neither it nor the views', async () => {
    const context = await harness.browser.newContext();
    context.setDefaultTimeout(10000);
    const tab = await context.newPage();
    const errors = watchErrors(tab);
    const fetched = [];
    tab.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    try {
      await tab.goto(site.url('/case/0/consent-banner.bundle.js'));
      await tab.locator('consent-banner [part~="accept"]').waitFor();
      for (const started = Date.now(); !fetched.includes('/dist/consent-banner-receipt-texts.js'); ) {
        assert.ok(Date.now() - started < 5000, `the texts' part was not fetched ahead: ${fetched.join(' ')}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.ok(!fetched.includes('/api/consent-receipts'), 'no decision yet');
      const answer = tab.waitForResponse((response) => response.url() === site.url('/api/consent-receipts'));
      await tab.locator('consent-banner [part~="accept"]').click();
      assert.equal((await answer).status(), 204);
      fetched.length = 0;
      await tab.reload();
      await tab.locator('consent-banner').evaluate((banner) => customElements.whenDefined('consent-banner').then(() => banner.updateComplete));
      await tab.waitForLoadState('networkidle');
      assert.deepEqual(fetched.filter((path) => path.startsWith('/dist/')).sort(), ['/dist/consent-banner-consent-receipt.js', '/dist/consent-banner.bundle.js']);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});

