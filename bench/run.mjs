// The benchmark of issue 6: consent-banner against vanilla-cookieconsent, Klaro, tarteaucitron
// and Osano's cookieconsent, on one page layout with one configuration (bench/pages/), served on
// 127.0.0.1 and driven by playwright-core in Debian's Chromium with 4x CPU throttling.
//
//   npm run build && npm --prefix bench ci && node bench/run.mjs [--runs 20] [--out other.json]
//
// Per run, per library, in a fresh browser context:
//   first visit   bytes of the JS + CSS it loads (computed from the files), time to banner visible,
//                 main-thread script and task time when the banner became visible (CDP
//                 Performance.getMetrics), CLS and JS heap after load + 1 s (after a GC);
//   returning     accept once, then open the page again in the same context (consent stored,
//                 libraries in the HTTP cache): when the gated analytics script starts, and the
//                 main-thread script and task time of the whole visit (until load, the script's
//                 start and 500 ms of quiet).
// Two references run with them: the page without a banner (the floor, both visits) and the Lit
// floor (bench/lit-floor/: a Lit element with consent-banner's first layer and no logic; first
// visit only), which shows how much of consent-banner's figures Lit and its first layer cost.
// Runs are interleaved (a round visits every library, in a rotating order) after one warm-up
// round that is not counted. Results: bench/results/latest.json, docs/benchmarks.md and
// docs/images/benchmarks.svg (bench/report.mjs, which can also re-render from the JSON alone);
// with --out, only the JSON, to that file.
/* global window, document, sessionStorage, performance, requestAnimationFrame -- in functions the driver runs in the page */
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import console from 'node:console';
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';
import { URL, fileURLToPath } from 'node:url';
import { findBrowser } from '../scripts/find-browser.mjs';
import { breakdown } from './lib/breakdown.mjs';
import { configOf, fileSizes, sizes, sum } from './lib/bytes.mjs';
import { BASELINE, LIBRARIES, LIT_FLOOR } from './lib/libraries.mjs';
import { buildLitFloor } from './lit-floor/build.mjs';
import { probeSource } from './lib/probe.mjs';
import { startServer } from './lib/server.mjs';
import { writePages } from './pages/make.mjs';
import { writeReport } from './report.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const RUNS = Number(option('runs', 20));
const DEFAULT_OUT = 'bench/results/latest.json';
const OUT = resolve(ROOT, option('out', DEFAULT_OUT));
// The committed figures come from the default file: another --out writes the JSON only.
const WRITE_DOCS = OUT === resolve(ROOT, DEFAULT_OUT);
const CPU_THROTTLING = 4;
const SETTLE_MS = 1000;
const RETURNING_SETTLE_MS = 500;
const PAUSE_MS = 300;
const STEP_TIMEOUT = 30_000;
const FLAGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const VIEWPORT = { width: 1280, height: 720 };

const started = Date.now();
const log = (message) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

writePages();
for (const file of ['dist/consent-banner.bundle.js']) {
  try {
    readFileSync(join(ROOT, file));
  } catch {
    console.error(`${file} is missing: run npm run build first`);
    process.exit(1);
  }
}
const executablePath = findBrowser();
if (!executablePath) {
  console.error('No Chrome or Chromium found: install Debian chromium (/usr/bin/chromium) or set CHROME_PATH.');
  process.exit(1);
}

const metricsOf = async (cdp) => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map(({ name, value }) => [name, value]));
const ms = (seconds) => Math.round(seconds * 10000) / 10;
function withTimeout(promise, label) {
  let timer;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timeout: ${label}`)), STEP_TIMEOUT)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** One run of one library: first visit, then the returning visit, in a fresh context. */
async function runOnce(browser, base, lib) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript({ content: probeSource(lib.visible) });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
    await cdp.send('Performance.enable');
    await cdp.send('Runtime.enable');
    await cdp.send('Runtime.addBinding', { name: '__benchVisible' });
    let onVisible;
    const visible = new Promise((resolve) => (onVisible = resolve));
    cdp.on('Runtime.bindingCalled', (event) => {
      if (event.name !== '__benchVisible') return;
      // Read the main-thread metrics at once, before anything else the driver does.
      metricsOf(cdp).then((metrics) => onVisible({ at: Number(event.payload), metrics }));
    });
    const responses = [];
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if (['script', 'stylesheet', 'fetch', 'xhr'].includes(type)) responses.push({ url: response.url(), type, status: response.status() });
    });
    const url = `${base}/bench/pages/${lib.name}.html`;

    // First visit.
    await withTimeout(page.goto(url, { waitUntil: 'load' }), 'first visit load');
    const first = {};
    const seen = await withTimeout(visible, 'banner visible');
    first.visibleMs = Math.round(seen.at * 10) / 10;
    first.scriptMs = ms(seen.metrics.ScriptDuration);
    first.taskMs = ms(seen.metrics.TaskDuration);
    await page.waitForTimeout(SETTLE_MS);
    const state = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType('navigation');
      return { inLayoutAt: window.__bench.inLayoutAt, cls: window.__bench.cls, shifts: window.__bench.shifts, dcl: navigation.domContentLoadedEventEnd, load: navigation.loadEventEnd, analytics: window.__benchAnalytics ?? null };
    });
    await cdp.send('HeapProfiler.collectGarbage');
    const settled = await metricsOf(cdp);
    Object.assign(first, {
      inLayoutMs: state.inLayoutAt == null ? null : Math.round(state.inLayoutAt * 10) / 10,
      cls: Math.round(state.cls * 10000) / 10000,
      shifts: state.shifts,
      heapBytes: settled.JSHeapUsedSize,
      totalScriptMs: ms(settled.ScriptDuration),
      totalTaskMs: ms(settled.TaskDuration),
      dclMs: Math.round(state.dcl),
      loadMs: Math.round(state.load),
      analyticsBeforeConsent: !lib.baseline && state.analytics !== null,
    });
    const firstResponses = responses.splice(0);
    if (lib.firstVisitOnly) return { first, returning: null, firstResponses, returningResponses: [] };

    // Consent, stored by the library itself, then the returning visit.
    if (!lib.baseline) {
      await withTimeout(page.click(lib.accept), 'accept');
      await withTimeout(page.waitForFunction(() => window.__benchAnalytics?.length > 0, null, { polling: 50 }), 'analytics after accept');
      await page.waitForTimeout(200);
    }
    await page.evaluate(() => sessionStorage.setItem('bench-returning', '1'));
    await withTimeout(page.goto(url, { waitUntil: 'load' }), 'returning load');
    await withTimeout(page.waitForFunction(() => window.__benchAnalytics?.length > 0, null, { polling: 100 }), 'returning analytics');
    await page.waitForTimeout(RETURNING_SETTLE_MS);
    // Chromium's Performance metrics start again with each document, so these are this visit's.
    const after = await metricsOf(cdp);
    const returning = await page.evaluate((lib) => {
      const find = () => {
        if (!lib.visible) return null;
        const root = lib.visible.host ? document.querySelector(lib.visible.host)?.shadowRoot : document;
        return root?.querySelector(lib.visible.selector) ?? null;
      };
      const banner = find();
      return {
        analyticsStartMs: Math.round(window.__benchAnalytics[0] * 10) / 10,
        analyticsRuns: window.__benchAnalytics.length,
        bannerShown: !lib.baseline && Boolean(banner && banner.checkVisibility({ opacityProperty: true, visibilityProperty: true })),
      };
    }, lib);
    Object.assign(returning, { scriptMs: ms(after.ScriptDuration), taskMs: ms(after.TaskDuration) });
    return { first, returning, firstResponses, returningResponses: responses.splice(0) };
  } finally {
    await context.close();
  }
}

/** Slow 4G as the issue defines it: 150 ms latency, 1.6 Mbps down (750 kbps up). */
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 };
const OPEN_RUNS = 7;

/**
 * Outside the timed runs, for libraries with a `dialog`: from the click on the first layer's
 * "choose" button to the second layer visible, under Slow 4G and the same CPU throttling, on a
 * first visit (nothing cached). Playwright's click moves the pointer onto the button right before
 * it presses, so code that starts loading on hover gets no head start beyond that.
 */
async function openUnderSlow4G(browser, base, lib) {
  if (!lib.dialog) return null;
  const times = [];
  for (let run = 0; run < OPEN_RUNS; run++) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
      await withTimeout(page.goto(`${base}/bench/pages/${lib.name}.html`, { waitUntil: 'load' }), 'slow 4G load');
      await page.locator(lib.accept).waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
      await page.evaluate((dialog) => {
        document.addEventListener('click', (event) => (window.__benchClickAt = event.timeStamp), { capture: true, once: true });
        window.__benchOpened = new Promise((resolve) => {
          const find = () => (dialog.host ? document.querySelector(dialog.host)?.shadowRoot : document)?.querySelector(dialog.selector);
          const tick = () => {
            const element = find();
            if (window.__benchClickAt !== undefined && element?.checkVisibility({ opacityProperty: true, visibilityProperty: true })) resolve(performance.now());
            else requestAnimationFrame(tick);
          };
          tick();
        });
      }, lib.dialog);
      await page.click(lib.choose);
      const openedAt = await withTimeout(page.evaluate(() => window.__benchOpened), 'second layer visible');
      times.push(Math.round((openedAt - (await page.evaluate(() => window.__benchClickAt))) * 10) / 10);
    } finally {
      await context.close();
    }
  }
  return stats(times);
}

/** Bytes of the first visit: the JS + CSS it fetched, from the files, plus the page's config. */
function bytesOf(lib, server, firstResponses) {
  const files = [...new Set(firstResponses.filter((r) => r.status === 200).map((r) => server.fileFor(r.url)))]
    .filter((file) => file && !file.endsWith('fake-analytics.js'))
    .map((file) => ({ file: relative(ROOT, file), ...fileSizes(file) }));
  const config = sizes(configOf(readFileSync(join(ROOT, `bench/pages/${lib.name}.html`), 'utf8')));
  const library = sum(files);
  return { files, library, config, total: sum([library, config]) };
}

/** Once per library, outside the timed runs: what opening the second layer ("Zelf kiezen") fetches. */
async function secondLayerBytes(browser, base, server, lib) {
  if (!lib.choose) return null;
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const fetched = [];
    await page.goto(`${base}/bench/pages/${lib.name}.html`, { waitUntil: 'load' });
    await page.locator(lib.accept).waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    page.on('response', (response) => {
      if (['script', 'stylesheet', 'fetch', 'xhr'].includes(response.request().resourceType())) fetched.push(response.url());
    });
    await page.click(lib.choose);
    await page.waitForTimeout(1000);
    const files = [...new Set(fetched.map((url) => server.fileFor(url)))].filter(Boolean).map((file) => ({ file: relative(ROOT, file), ...fileSizes(file) }));
    return { files, total: sum(files) };
  } finally {
    await context.close();
  }
}

function machine(browserVersion) {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const git = (...command) => {
    try {
      return execFileSync('git', command, { cwd: ROOT, encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  };
  const version = (pkg) => JSON.parse(readFileSync(join(ROOT, 'bench/node_modules', pkg, 'package.json'), 'utf8')).version;
  return {
    date: new Date().toISOString(),
    nproc: Number(execFileSync('nproc', { encoding: 'utf8' }).trim()),
    cpu: model,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]+)"?$/m)?.[1] ?? process.platform,
    node: process.version,
    browser: `${executablePath} (${browserVersion})`,
    playwrightCore: JSON.parse(readFileSync(join(ROOT, 'node_modules/playwright-core/package.json'), 'utf8')).version,
    commit: git('rev-parse', '--short', 'HEAD'),
    dirty: Boolean(git('status', '--porcelain', '--', 'src', 'dist')),
    versions: {
      ...Object.fromEntries(
        LIBRARIES.map((lib) => [lib.name, lib.pkg ? version(lib.pkg) : JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version]),
      ),
      [LIT_FLOOR.name]: `lit ${JSON.parse(readFileSync(join(ROOT, 'node_modules/lit/package.json'), 'utf8')).version}`,
    },
  };
}

const quantile = (sorted, q) => {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
};
export function stats(values) {
  const sorted = values.filter((value) => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  return { n: sorted.length, median: quantile(sorted, 0.5), p25: quantile(sorted, 0.25), p75: quantile(sorted, 0.75), min: sorted[0], max: sorted.at(-1) };
}

async function main() {
  const server = await startServer(ROOT);
  const browser = await chromium.launch({ executablePath, args: FLAGS });
  await buildLitFloor(ROOT);
  const all = [...LIBRARIES, LIT_FLOOR, BASELINE];
  const runs = Object.fromEntries(all.map((lib) => [lib.name, []]));
  const failures = Object.fromEntries(all.map((lib) => [lib.name, []]));
  const firstResponses = {};
  const returningResponses = {};
  log(`Chromium ${browser.version()}, ${RUNS} runs per library (+1 warm-up round), CPU throttling ${CPU_THROTTLING}x`);
  try {
    for (let round = 0; round <= RUNS; round += 1) {
      const order = all.map((_, index) => all[(index + round) % all.length]);
      for (const lib of order) {
        try {
          await new Promise((resolve) => setTimeout(resolve, PAUSE_MS)); // let the last context's teardown finish
          const result = await runOnce(browser, server.base, lib);
          if (round === 0) continue; // warm-up
          firstResponses[lib.name] ??= result.firstResponses;
          if (result.returning) returningResponses[lib.name] ??= result.returningResponses;
          const urls = (list) => list.map((r) => new URL(r.url).pathname).sort().join(' ');
          if (urls(result.firstResponses) !== urls(firstResponses[lib.name])) result.first.differentFiles = urls(result.firstResponses);
          runs[lib.name].push({ round, first: result.first, returning: result.returning });
        } catch (error) {
          failures[lib.name].push(`round ${round}: ${error.message.split('\n')[0]}`);
          log(`${lib.name}: ${error.message.split('\n')[0]}`);
        }
      }
      log(round === 0 ? 'warm-up round done' : `round ${round}/${RUNS} done`);
    }
    const libraries = {};
    for (const lib of all) {
      const list = runs[lib.name];
      const pick = (visit, key) => stats(list.map((run) => run[visit][key]));
      libraries[lib.name] = {
        label: lib.label,
        ours: Boolean(lib.ours),
        baseline: Boolean(lib.baseline),
        reference: Boolean(lib.reference),
        bytes: lib.baseline ? null : bytesOf(lib, server, firstResponses[lib.name] ?? []),
        returningBytes: lib.baseline || lib.firstVisitOnly ? null : bytesOf(lib, server, returningResponses[lib.name] ?? []),
        secondLayer: lib.baseline ? null : await secondLayerBytes(browser, server.base, server, lib).catch((error) => ({ error: error.message })),
        openSlow4G: lib.baseline ? null : await openUnderSlow4G(browser, server.base, lib).catch((error) => ({ error: error.message })),
        first: Object.fromEntries(['visibleMs', 'inLayoutMs', 'scriptMs', 'taskMs', 'cls', 'heapBytes', 'totalScriptMs', 'totalTaskMs', 'dclMs', 'loadMs'].map((key) => [key, pick('first', key)])),
        returning: lib.firstVisitOnly ? null : Object.fromEntries(['analyticsStartMs', 'scriptMs', 'taskMs'].map((key) => [key, pick('returning', key)])),
        checks: {
          runs: list.length,
          failures: failures[lib.name],
          analyticsBeforeConsent: list.filter((run) => run.first.analyticsBeforeConsent).length,
          bannerOnReturn: list.filter((run) => run.returning?.bannerShown).length,
          analyticsTwice: list.filter((run) => run.returning?.analyticsRuns > 1).length,
          differentFiles: list.filter((run) => run.first.differentFiles).length,
        },
        runs: list,
      };
    }
    const parts = readdirSync(join(ROOT, 'dist'))
      .filter((name) => /^consent-banner-.+\.js$/.test(name))
      .sort()
      .map((name) => ({ file: `dist/${name}`, ...fileSizes(join(ROOT, 'dist', name)) }));
    const bundle = { file: 'dist/consent-banner.bundle.js', ...fileSizes(join(ROOT, 'dist/consent-banner.bundle.js')) };
    const result = {
      machine: machine(browser.version()),
      settings: {
        runs: RUNS,
        warmupRounds: 1,
        cpuThrottling: CPU_THROTTLING,
        viewport: VIEWPORT,
        flags: FLAGS,
        settleMs: SETTLE_MS,
        returningSettleMs: RETURNING_SETTLE_MS,
        command: 'npm run build && npm --prefix bench ci && node bench/run.mjs',
      },
      ours: { bundle, parts, partsTotal: sum(parts), everything: sum([bundle, ...parts]), breakdown: await breakdown(ROOT) },
      libraries,
      durationSeconds: Math.round((Date.now() - started) / 1000),
    };
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
    log(`wrote ${relative(ROOT, OUT)}`);
    if (WRITE_DOCS) {
      writeReport(result, ROOT);
      log('wrote docs/benchmarks.md and docs/images/benchmarks.svg');
    } else {
      log(`docs not written (they come from ${DEFAULT_OUT}); render these with: node bench/report.mjs ${relative(ROOT, OUT)}`);
    }
  } finally {
    log('closing the browser and the server');
    await browser.close();
    await server.stop();
    log('done');
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
