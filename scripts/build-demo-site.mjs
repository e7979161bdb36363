// npm run build:demo-site (it builds first): writes demo-site/, the demo as one folder that any
// static web server can serve, also from a sub-folder (a test server, an intranet share served over
// HTTP, `python -m http.server` in the folder), for testers without Node. What it holds:
// scripts/demo-site.mjs. Another folder: node scripts/build-demo-site.mjs <folder>; it replaces an
// earlier demo site there, and refuses a folder that holds anything else.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoSiteFiles } from './demo-site.mjs';

/** What the folder holds at its top; a folder with anything else in it is not overwritten. */
const TOP = ['index.html', 'demo', 'dist'];

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

const folder = resolve(process.argv[2] ?? fileURLToPath(new URL('../demo-site', import.meta.url)));
try {
  writeFiles(folder, demoSiteFiles());
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
console.log(`Demo site: ${folder}. Serve that folder with any static web server (python -m http.server 8000 in it), then open http://localhost:8000/demo/`);
