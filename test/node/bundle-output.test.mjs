// The shipped files as rollup wrote them (npm test builds before it runs these).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

const shipped = readdirSync('dist').filter((name) => /^consent-banner[.-].*\.js$/.test(name) && name !== 'consent-banner.js');

test('the bundle and every part start with V8\'s compile hint, so Chromium compiles them off the main thread', () => {
  assert.ok(shipped.includes('consent-banner.bundle.js'));
  assert.ok(shipped.length > 1, 'the parts are there too');
  for (const name of shipped) {
    // V8 reads the hint only as the very first line of the file.
    assert.ok(readFileSync(`dist/${name}`, 'utf8').startsWith('//# allFunctionsCalledOnLoad\n'), `${name} starts with the hint`);
  }
});

test('the core every page view runs holds no Lit and imports nothing: the views and Lit come as parts', () => {
  const core = readFileSync('dist/consent-banner.bundle.js', 'utf8');
  // Each of Lit's packages registers its version on load; the views' part shows that the mark is there to find.
  const litMarks = /litHtmlVersions|reactiveElementVersions|litElementVersions/;
  assert.match(readFileSync('dist/consent-banner-ui.js', 'utf8'), /litHtmlVersions/);
  assert.doesNotMatch(core, litMarks);
  assert.doesNotMatch(core, /(^|[;}\s])import\s*[{*"']/m, 'no static import: a returning visitor fetches this one file');
  assert.match(core, /import\(/, 'the parts load on demand');
});

test('the receipts\' texts hash is in their parts, not in the core: a site without receipt-url pays nothing for it', () => {
  const core = readFileSync('dist/consent-banner.bundle.js', 'utf8');
  const receipt = readFileSync('dist/consent-banner-consent-receipt.js', 'utf8');
  const texts = readFileSync('dist/consent-banner-receipt-texts.js', 'utf8');
  for (const mark of ['crypto.subtle', 'textsHash', 'organisationName:', 'format:1']) {
    assert.ok(!core.includes(mark), `the core holds no ${mark}`);
  }
  assert.ok(receipt.includes('crypto.subtle') && receipt.includes('format:1'), 'the receipt part hashes the canonical texts');
  assert.ok(texts.includes('organisationName'), 'its texts part reads them from the banner');
  assert.doesNotMatch(receipt, /consent-banner-(ui|choices)\.js/, 'the receipt part, fetched ahead on every page view of a site with receipts, loads no views');
});
