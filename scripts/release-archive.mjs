// npm run release:archive (it builds first): writes consent-banner-<version>.zip, for sites and
// testers without npm, in one folder consent-banner-<version>/: the built files a site copies
// (dist/), an example page that loads them under a strict Content-Security-Policy with every file
// pinned by Subresource Integrity (example.html), the demo for testers (demo/ and index.html, as
// npm run build:demo-site writes them), README.md, CHANGELOG.md, SECURITY.md, docs/ and LICENSE,
// SRI.txt (the sha384 integrity of every dist/ file) and SHA256SUMS (every other file's SHA-256, in
// the format `sha256sum -c` reads). Another folder for the zip: node scripts/release-archive.mjs <folder>.
// Pure Node (a zip of deflated files): no zip or tar program needed, on Windows neither.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { demoSiteFiles, filesIn } from './demo-site.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** `sha384-…`, the integrity of `contents` as `integrity` attributes and import maps take it. */
const sri = (contents) => `sha384-${createHash('sha384').update(contents).digest('base64')}`;

/**
 * The example page. Its policy suits a static file, which cannot carry a fresh nonce per response:
 * scripts only from its own origin and the import map by its hash, Trusted Types. The bundle
 * carries its integrity; the import map gives the parts theirs, since `integrity` covers only the
 * file it is on and the bundle loads its parts later (README "Without npm").
 */
function examplePage(files) {
  const parts = [...files.keys()].filter((name) => /^dist\/consent-banner-.+\.js$/.test(name));
  const importMap = `
      ${JSON.stringify({ integrity: Object.fromEntries(parts.map((name) => [`./${name}`, sri(files.get(name))])) }, null, 2).replaceAll('\n', '\n      ')}
    `;
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'sha256-${createHash('sha256').update(importMap).digest('base64')}'`,
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "require-trusted-types-for 'script'",
    "trusted-types consent-banner lit-html 'allow-duplicates'",
  ].join('; ');
  return `<!doctype html>
<html lang="nl">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <!--
      A strict policy a static file can carry: scripts only from this site, and the import map below
      by its hash (no other inline script), no plugins, Trusted Types with the component's policies.
      On a site whose server can send a fresh nonce with every page, send the nonce policy of
      SECURITY.md as a header instead.
    -->
    <meta http-equiv="Content-Security-Policy" content="${policy}" />
    <title>Voorbeeld – consent-banner ${version}</title>
    <link rel="icon" href="demo/favicon.svg" type="image/svg+xml" />
    <!--
      The integrity of every part the bundle loads on demand (an integrity attribute covers only its
      own file). Chromium 127, Firefox 138 and Safari 18 check them; older browsers load the parts
      unchecked. It comes before the bundle's script. The policy above allows it by its hash: change
      anything in it, and that hash must change too.
    -->
    <script type="importmap">${importMap}</script>
    <script type="module" src="dist/consent-banner.bundle.js" integrity="${sri(files.get('dist/consent-banner.bundle.js'))}" crossorigin="anonymous"></script>
    <!--
      Or one file, fully pinned by its own integrity, with no import map (never both on one page):
      <script type="module" src="dist/consent-banner.single.js" integrity="${sri(files.get('dist/consent-banner.single.js'))}" crossorigin="anonymous"></script>
    -->
  </head>
  <body>
    <consent-banner
      policy-version="2026-11"
      site-name="voorbeeld.nl"
      organisation="het ministerie van Voorbeelden"
      privacy-url="demo/privacy.html"
    ></consent-banner>
    <a href="#main">Direct naar de inhoud</a>
    <main id="main">
      <h1>Voorbeeldpagina</h1>
      <p>
        Deze pagina laadt consent-banner ${version} uit <code>dist/</code>, met een strikte Content-Security-Policy en
        de integriteit van elk bestand vastgelegd. Het analyticsscript hieronder is nep en draait pas als u analytische
        cookies accepteert.
      </p>
    </main>
    <footer><a href="demo/privacy.html" data-consent-open>Cookie-instellingen</a></footer>
    <!-- Runs only once "analytics" is granted. A FAKE: it tracks nothing and sends nothing. -->
    <script type="text/plain" data-consent-category="analytics" src="demo/fake-analytics.js"></script>
  </body>
</html>
`;
}

/** The archive's files, by name: path in the folder → contents. */
function releaseFiles() {
  const files = demoSiteFiles();
  for (const name of ['LICENSE', 'README.md', 'CHANGELOG.md', 'SECURITY.md', ...filesIn('docs').map((doc) => `docs/${doc}`)]) {
    files.set(name, readFileSync(join(ROOT, name)));
  }
  files.set('example.html', Buffer.from(examplePage(files)));
  const scripts = [...files.keys()].filter((name) => name.startsWith('dist/')).sort();
  files.set('SRI.txt', Buffer.from(scripts.map((name) => `${sri(files.get(name))}  ${name}\n`).join('')));
  const sums = [...files.keys()].sort().map((name) => `${createHash('sha256').update(files.get(name)).digest('hex')}  ${name}\n`);
  files.set('SHA256SUMS', Buffer.from(sums.join('')));
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, byte) => {
  let crc = byte;
  for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  return crc >>> 0;
});

/** The CRC-32 a zip entry carries (zlib.crc32 is newer than Node 20.0). */
function crc32(contents) {
  let crc = 0xffffffff;
  for (const byte of contents) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A zip of `files` (name → contents), each deflated, with UTF-8 names and `date` as every file's
 * time: the local headers with the data, then the central directory and its end record.
 */
function zip(files, date = new Date()) {
  const time = (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1);
  const day = ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, contents] of files) {
    const path = Buffer.from(name);
    const data = deflateRawSync(contents, { level: 9 });
    // version needed 2.0, flags: UTF-8 name, method 8 (deflate), time, date, CRC, sizes, name length, no extra field.
    const fields = Buffer.alloc(26);
    fields.writeUInt16LE(20, 0);
    fields.writeUInt16LE(0x0800, 2);
    fields.writeUInt16LE(8, 4);
    fields.writeUInt16LE(time, 6);
    fields.writeUInt16LE(day, 8);
    fields.writeUInt32LE(crc32(contents), 10);
    fields.writeUInt32LE(data.length, 14);
    fields.writeUInt32LE(contents.length, 18);
    fields.writeUInt16LE(path.length, 22);
    const local = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), fields, path, data]);
    // Made by 2.0 (MS-DOS attributes), the same fields, then no comment, disk 0, no attributes, where the entry starts.
    const tail = Buffer.alloc(14);
    tail.writeUInt32LE(offset, 10);
    central.push(Buffer.concat([Buffer.from([0x50, 0x4b, 0x01, 0x02, 20, 0]), fields, tail, path]));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length, 8);
  end.writeUInt16LE(central.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const folder = resolve(process.argv[2] ?? ROOT);
const top = `consent-banner-${version}`;
let archive;
try {
  archive = zip(new Map([...releaseFiles()].map(([name, contents]) => [`${top}/${name}`, contents])));
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const file = join(folder, `${top}.zip`);
writeFileSync(file, archive);
console.log(`${file}: ${archive.length} bytes, SHA-256 ${createHash('sha256').update(archive).digest('hex')}`);
