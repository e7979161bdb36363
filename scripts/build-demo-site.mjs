// npm run build:demo-site (it builds first): writes demo-site/, the demo as one folder that any
// static web server can serve, also from a sub-folder (a test server, an intranet share served over
// HTTP, `python -m http.server` in the folder), for testers without Node. It holds the demo pages,
// the built files a site copies (which the pages load from ../dist/, as under npm start) and a copy
// of what the pages take from node_modules (the NL Design System theme), with the pages pointed
// at that copy. Every URL in it is relative. Another folder: node scripts/build-demo-site.mjs <folder>.
// The release archive (scripts/release-archive.mjs) holds the same files.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What the folder holds at its top; a folder with anything else in it is not overwritten. */
const TOP = ['index.html', 'demo', 'dist'];

/** The files below `folder` (of the project), as `/`-separated paths relative to it, sorted. */
export function filesIn(folder) {
  return readdirSync(join(ROOT, folder), { recursive: true })
    .filter((name) => statSync(join(ROOT, folder, name)).isFile())
    .map((name) => name.replaceAll('\\', '/'))
    .sort();
}

/**
 * The built files a site copies (README "Put it on a site"): the bundle and its parts
 * (`consent-banner-*.js`), the single file, and the Google Consent Mode default.
 */
export function siteFiles() {
  if (!existsSync(join(ROOT, 'dist', 'consent-banner.bundle.js'))) throw new Error('dist/ has no build: run npm run build first.');
  const shipped = (name) => /^consent-banner-.+\.js$/.test(name) || ['consent-banner.bundle.js', 'consent-banner.single.js', 'google-consent-default.js'].includes(name);
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

/** Writes the files into `folder`, replacing an earlier demo site there; refuses any other folder that is not empty. */
function writeFiles(folder, files) {
  if (existsSync(folder)) {
    const foreign = readdirSync(folder).filter((name) => !TOP.includes(name));
    if (foreign.length) throw new Error(`${folder} is not a demo site (it holds ${foreign.join(', ')}): give an empty or new folder.`);
    for (const name of TOP) rmSync(join(folder, name), { recursive: true, force: true });
  }
  for (const [name, contents] of files) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), contents);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const folder = resolve(process.argv[2] ?? join(ROOT, 'demo-site'));
  try {
    writeFiles(folder, demoSiteFiles());
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  console.log(`Demo site: ${folder}. Serve that folder with any static web server (python -m http.server 8000 in it), then open http://localhost:8000/demo/`);
}
