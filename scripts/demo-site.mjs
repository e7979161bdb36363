// The demo site's files, for npm run build:demo-site (scripts/build-demo-site.mjs) and the release
// archive (scripts/release-archive.mjs): the demo pages, the built files a site copies (which the
// pages load from ../dist/, as under npm start) and a copy of what the pages take from
// node_modules (the NL Design System theme), with the pages pointed at that copy, so that every URL
// in the folder is relative.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The files below `folder` (of the project), as `/`-separated paths relative to it, sorted. */
export function filesIn(folder) {
  return readdirSync(join(ROOT, folder), { recursive: true })
    .filter((name) => statSync(join(ROOT, folder, name)).isFile())
    .map((name) => name.replaceAll('\\', '/'))
    .sort();
}

/**
 * The built files a site copies (README "Put it on a site"): the bundle and its parts
 * (`consent-banner-*.js`), the single file, the Google Consent Mode default, and the audit mode
 * for a staging site (README "Audit mode").
 */
export function siteFiles() {
  if (!existsSync(join(ROOT, 'dist', 'consent-banner.bundle.js'))) throw new Error('dist/ has no build: run npm run build first.');
  const shipped = (name) => /^consent-banner-.+\.js$/.test(name) || ['consent-banner.bundle.js', 'consent-banner.single.js', 'google-consent-default.js', 'consent-banner.audit.js'].includes(name);
  return readdirSync(join(ROOT, 'dist')).filter(shipped).sort();
}

/** The folder's root page: sends the visitor on to the demo, as npm start does for `/`. */
const INDEX = `<!doctype html>
<html lang="nl">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="refresh" content="0; url=demo/" />
    <link rel="icon" href="data:," />
    <title>Demo van consent-banner</title>
  </head>
  <body>
    <p><a href="demo/">Naar de demo van consent-banner</a></p>
  </body>
</html>
`;

/** The licence files at the top of the npm package that `path` (below node_modules/) is in. */
function licencesOf(path) {
  const segments = path.split('/');
  const packageDir = segments.slice(0, segments[0].startsWith('@') ? 2 : 1).join('/');
  return readdirSync(join(ROOT, 'node_modules', packageDir))
    .filter((name) => /^(licen[cs]e|copying)/i.test(name))
    .map((name) => `${packageDir}/${name}`);
}

/**
 * The folder's files: path (relative, `/`-separated) → contents. A page's `../node_modules/…`
 * (the NL Design System theme) becomes `vendor/…`, a copy in the folder with its package's licence.
 */
export function demoSiteFiles() {
  const files = new Map([['index.html', Buffer.from(INDEX)]]);
  for (const name of filesIn('demo')) {
    let contents = readFileSync(join(ROOT, 'demo', name));
    if (name.endsWith('.html')) {
      const page = contents.toString('utf8').replace(/(?<=(?:src|href)=")\.\.\/node_modules\/([^"]+)(?=")/g, (_, path) => {
        for (const vendored of [path, ...licencesOf(path)]) files.set(`demo/vendor/${vendored}`, readFileSync(join(ROOT, 'node_modules', vendored)));
        return `vendor/${path}`;
      });
      contents = Buffer.from(page);
    }
    files.set(`demo/${name}`, contents);
  }
  for (const name of siteFiles()) files.set(`dist/${name}`, readFileSync(join(ROOT, 'dist', name)));
  return files;
}
