// npm run release:archive (scripts/release-archive.mjs), run into a temporary folder after npm run
// build, as a release would: the zip holds one folder consent-banner-<version>/ with the files a
// site copies (the built files themselves), the example page, the licence, the docs and the demo;
// SHA256SUMS and SRI.txt are right (recomputed here); the example page refers only to files in the
// archive, with their integrity, and its policy allows its import map (issue 13). The zip is read
// by test/node/read-zip.mjs, apart from the writer.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readZip } from './read-zip.mjs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const TOP = `consent-banner-${version}/`;

/** What a site copies, from the build: the bundle, its parts, the single file, the Google Consent Mode default. */
const SITE_FILES = readdirSync('dist').filter((name) => /^consent-banner(\.bundle|\.single|\.audit|-.+)\.js$/.test(name) || name === 'google-consent-default.js');

const sha384 = (contents) => `sha384-${createHash('sha384').update(contents).digest('base64')}`;

let folder;
let output;
let archive;
/** The archive's files, by their path inside its one folder. */
let files;
before(() => {
  folder = mkdtempSync(join(tmpdir(), 'consent-banner-release-'));
  output = execFileSync(process.execPath, ['scripts/release-archive.mjs', folder], { encoding: 'utf8' });
  archive = readFileSync(join(folder, `consent-banner-${version}.zip`));
  files = new Map([...readZip(archive)].map(([name, contents]) => [name.startsWith(TOP) ? name.slice(TOP.length) : `(outside ${TOP}) ${name}`, contents]));
});
after(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** The relative URLs an HTML page loads or links to (src, href, data-src, privacy-url), without query or fragment. */
function relativeUrls(html) {
  return [...html.matchAll(/\s(?:src|href|data-src|privacy-url)="([^"]*)"/g)]
    .map(([, url]) => url.replace(/[?#].*$/, ''))
    .filter((url) => url !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(url));
}

describe('npm run release:archive', () => {
  it(`writes consent-banner-${version}.zip, one folder, and prints its size and SHA-256`, () => {
    assert.deepEqual([...files.keys()].filter((name) => name.startsWith('(outside')), []);
    assert.match(output, new RegExp(`consent-banner-${version.replaceAll('.', '\\.')}\\.zip: ${archive.length} bytes, SHA-256 ${createHash('sha256').update(archive).digest('hex')}`));
  });

  it('holds the files a site copies, as built, and nothing else of dist/', () => {
    assert.ok(SITE_FILES.includes('consent-banner.bundle.js') && SITE_FILES.includes('consent-banner-ui.js'), `no build in dist/: ${SITE_FILES}`);
    const shipped = [...files.keys()].filter((name) => name.startsWith('dist/'));
    assert.deepEqual(shipped.sort(), SITE_FILES.map((name) => `dist/${name}`).sort());
    for (const name of SITE_FILES) assert.ok(files.get(`dist/${name}`).equals(readFileSync(`dist/${name}`)), `dist/${name} differs from the build`);
  });

  it('holds the example page, the licence, the docs and the demo', () => {
    for (const name of ['LICENSE', 'README.md', 'CHANGELOG.md', 'SECURITY.md', ...readdirSync('docs', { recursive: true }).filter((doc) => doc.endsWith('.md')).map((doc) => `docs/${doc}`)]) {
      assert.ok(files.get(name)?.equals(readFileSync(name)), `${name} missing or changed`);
    }
    for (const name of ['example.html', 'SRI.txt', 'SHA256SUMS', 'index.html', 'demo/index.html', 'demo/media.html', 'demo/cookies.html', 'demo/nl-design-system.html']) {
      assert.ok(files.has(name), `${name} missing`);
    }
  });

  it('SHA256SUMS has the SHA-256 of every other file, once, as sha256sum -c reads it', () => {
    const lines = files.get('SHA256SUMS').toString('utf8').trimEnd().split('\n');
    const listed = lines.map((line) => {
      const [, hash, name] = /^([0-9a-f]{64}) {2}(\S.*)$/.exec(line) ?? assert.fail(`not a sha256sum line: ${line}`);
      assert.equal(hash, createHash('sha256').update(files.get(name) ?? assert.fail(`${name} is not in the archive`)).digest('hex'), name);
      return name;
    });
    assert.deepEqual(listed.sort(), [...files.keys()].filter((name) => name !== 'SHA256SUMS').sort());
  });

  it('SRI.txt has the sha384 integrity of every file in dist/', () => {
    const lines = files.get('SRI.txt').toString('utf8').trimEnd().split('\n');
    const listed = lines.map((line) => {
      const [, integrity, name] = /^(sha384-[A-Za-z0-9+/]{64}) {2}(dist\/\S+)$/.exec(line) ?? assert.fail(`not an SRI line: ${line}`);
      assert.equal(integrity, sha384(readFileSync(name)), name);
      return name;
    });
    assert.deepEqual(listed.sort(), SITE_FILES.map((name) => `dist/${name}`).sort());
  });

  it('the example page refers only to files in the archive, pins the bundle and every part, and its policy allows its import map by hash', () => {
    const html = files.get('example.html').toString('utf8');
    const urls = relativeUrls(html);
    assert.ok(urls.includes('dist/consent-banner.bundle.js'), urls.join());
    assert.deepEqual(urls.filter((url) => url.startsWith('/')), [], 'a root-absolute URL breaks in a sub-folder');
    for (const url of urls) assert.ok(files.has(posix.normalize(url)), `example.html refers to ${url}, which is not in the archive`);

    for (const [, src, integrity] of html.matchAll(/<script[^>]*\ssrc="([^"]+)"[^>]*\sintegrity="([^"]+)"/g)) {
      assert.equal(integrity, sha384(files.get(src)), src);
    }
    assert.match(html, /<script type="module" src="dist\/consent-banner\.bundle\.js" integrity="sha384-/);

    const [, importMap] = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html) ?? assert.fail('no import map');
    const pinned = JSON.parse(importMap).integrity;
    const parts = SITE_FILES.filter((name) => name.startsWith('consent-banner-')).map((name) => `./dist/${name}`);
    assert.deepEqual(Object.keys(pinned).sort(), parts.sort());
    for (const [url, integrity] of Object.entries(pinned)) assert.equal(integrity, sha384(files.get(posix.normalize(url))), url);

    const [, policy] = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html) ?? assert.fail('no policy');
    const scriptSrc = policy.split(';').map((directive) => directive.trim()).find((directive) => directive.startsWith('script-src '));
    assert.equal(scriptSrc, `script-src 'self' 'sha256-${createHash('sha256').update(importMap).digest('base64')}'`);
    assert.match(policy, /require-trusted-types-for 'script'/);
  });
});
