// The package as a developer installs it: `npm pack`, unpacked into a throw-away project's
// node_modules, with its dependencies (and the tools a test needs) linked from this repository's
// node_modules, so that nothing is downloaded; bundled with esbuild and served over http for the browser.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDevServer } from '@web/dev-server';
import { build as esbuild } from 'esbuild';

/** What the package depends on at run time. */
const RUNTIME = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit-labs/ssr-dom-shim'];

/**
 * A new project folder with the packed package in node_modules/consent-banner and `linked`
 * (package names) next to it; returns the folder.
 */
export function projectWithPackedPackage(prefix, linked = []) {
  const project = mkdtempSync(join(tmpdir(), `consent-banner-${prefix}-`));
  const packed = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', project], { encoding: 'utf8' }).trim().split('\n').pop();
  const installed = join(project, 'node_modules', 'consent-banner');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', join(project, packed), '-C', installed, '--strip-components=1']);
  for (const dependency of [...RUNTIME, ...linked]) {
    mkdirSync(join(project, 'node_modules', dependency, '..'), { recursive: true });
    symlinkSync(resolve('node_modules', dependency), join(project, 'node_modules', dependency));
  }
  return project;
}

/** Serves a folder on a free port of 127.0.0.1; returns the server and its base URL. */
export async function serveFolder(folder) {
  const server = await startDevServer({
    config: { rootDir: folder, port: 0, hostname: '127.0.0.1' },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  return { server, base: `http://127.0.0.1:${server.server.address().port}` };
}

/**
 * Bundles a project's entry for the browser as a developer would with esbuild (ES modules, split
 * chunks for the parts loaded on demand, minified) into `outdir`; `options` adds to that.
 */
export async function bundleWithEsbuild(project, entry, outdir, options = {}) {
  await esbuild({ entryPoints: [join(project, entry)], absWorkingDir: project, bundle: true, splitting: true, format: 'esm', minify: true, outdir, logLevel: 'silent', ...options });
}
