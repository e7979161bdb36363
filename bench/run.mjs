// The benchmark of issue 6: consent-banner against vanilla-cookieconsent, Klaro, tarteaucitron
// and Osano's cookieconsent, on one page layout with one configuration (bench/pages/), served on
// 127.0.0.1 and driven by playwright-core in Debian's Chromium with 4x CPU throttling.
//
//   npm run build && npm --prefix bench ci && node bench/run.mjs [--runs 20] [--out other.json]
//   node bench/run.mjs --only placement [--placement-runs 5]   (about a minute; needs no peers)
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
//
// Placement (issue 12), after the rounds above: consent-banner's first visit with placement="bottom"
// and placement="top" on a page longer than the screen, at 412 x 823 (a phone) and 1280 x 800, the
// same first visit as above (so the same CLS), in rounds of its own over these four cells. Its
// figures are about layout shift, not time, so it has fewer runs (--placement-runs, default 5).
// With --only placement it runs alone: into bench/results/latest.json it replaces only the
// placement results (and re-renders the docs from the whole file); with --out it writes its own JSON.
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
import { BASELINE, LIBRARIES, LIT_FLOOR, OURS } from './lib/libraries.mjs';
import { buildLitFloor } from './lit-floor/build.mjs';
import { probeSource } from './lib/probe.mjs';
import { startServer } from './lib/server.mjs';
import { PLACEMENTS, placementPageName, writePages } from './pages/make.mjs';
import { writeReport } from './report.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const RUNS = Number(option('runs', 20));
const PLACEMENT_RUNS = Number(option('placement-runs', 5));
// One scenario alone: only `placement` so far (the main rounds need every peer installed).
const ONLY = option('only', null);
if (ONLY !== null && ONLY !== 'placement') {
  console.error(`--only ${ONLY}: the only scenario that runs alone is "placement"`);
  process.exit(1);
}
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
/** Issue 12's two screens: a phone (412 x 823 CSS px) and a laptop; only the size, no mobile emulation. */
const PLACEMENT_VIEWPORTS = [
  { width: 412, height: 823 },
  { width: 1280, height: 800 },
];

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
async function runOnce(browser, base, lib, { viewport = VIEWPORT } = {}) {
  const context = await browser.newContext({ viewport });
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
  };
}

/** The version of every library measured; the peers' come from bench/node_modules (npm --prefix bench ci). */
function versions() {
  const version = (pkg) => JSON.parse(readFileSync(join(ROOT, 'bench/node_modules', pkg, 'package.json'), 'utf8')).version;
  return {
    ...Object.fromEntries(LIBRARIES.map((lib) => [lib.name, lib.pkg ? version(lib.pkg) : JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version])),
    [LIT_FLOOR.name]: `lit ${JSON.parse(readFileSync(join(ROOT, 'node_modules/lit/package.json'), 'utf8')).version}`,
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

/**
 * One warm-up round that is not counted, then `rounds` rounds that each visit every item once, each
 * round starting one item further on, so that no item always runs first or after the same one.
 * `record` gets every counted result; a visit that fails is logged and listed, not counted.
 * Returns the failures by item name.
 */
async function interleaved(items, rounds, visit, record, label = '') {
  const failures = Object.fromEntries(items.map((item) => [item.name, []]));
  for (let round = 0; round <= rounds; round += 1) {
    const order = items.map((_, index) => items[(index + round) % items.length]);
    for (const item of order) {
      try {
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS)); // let the last context's teardown finish
        const result = await visit(item);
        if (round > 0) record(item, result, round);
      } catch (error) {
        failures[item.name].push(`round ${round}: ${error.message.split('\n')[0]}`);
        log(`${item.name}: ${error.message.split('\n')[0]}`);
      }
    }
    log(`${label}${round === 0 ? 'warm-up round done' : `round ${round}/${rounds} done`}`);
  }
  return failures;
}

/**
 * Issue 12: consent-banner's first visit per placement and viewport, by runOnce (the main rounds'
 * first visit: same probe, throttling and settling, so CLS means the same), in its own rounds.
 */
async function measurePlacements(browser, base, command) {
  const cells = PLACEMENTS.flatMap((placement) =>
    PLACEMENT_VIEWPORTS.map((viewport) => ({
      name: `${placement} at ${viewport.width}x${viewport.height}`,
      placement,
      viewport,
      page: { name: placementPageName(placement), visible: OURS.visible, firstVisitOnly: true },
    })),
  );
  const runs = Object.fromEntries(cells.map((cell) => [cell.name, []]));
  log(`placement: ${PLACEMENT_RUNS} runs per cell (+1 warm-up round), ${cells.map((cell) => cell.name).join(', ')}`);
  const failures = await interleaved(
    cells,
    PLACEMENT_RUNS,
    (cell) => runOnce(browser, base, cell.page, { viewport: cell.viewport }),
    (cell, { first }, round) => runs[cell.name].push({ round, cls: first.cls, shifts: first.shifts, visibleMs: first.visibleMs, analyticsBeforeConsent: first.analyticsBeforeConsent }),
    'placement: ',
  );
  return {
    machine: machine(browser.version()),
    settings: { command, runs: PLACEMENT_RUNS, warmupRounds: 1, cpuThrottling: CPU_THROTTLING, viewports: PLACEMENT_VIEWPORTS, settleMs: SETTLE_MS, pages: PLACEMENTS.map((placement) => `bench/pages/${placementPageName(placement)}.html`) },
    cells: cells.map(({ name, placement, viewport }) => {
      const list = runs[name];
      const pick = (key) => stats(list.map((run) => run[key]));
      return {
        placement,
        viewport,
        cls: pick('cls'),
        shifts: pick('shifts'),
        visibleMs: pick('visibleMs'),
        checks: { runs: list.length, failures: failures[name], analyticsBeforeConsent: list.filter((run) => run.analyticsBeforeConsent).length },
        runs: list,
      };
    }),
  };
}

/** --only placement: the placement scenario alone, into latest.json (the rest of it kept) or its own file. */
async function mainPlacementOnly() {
  const server = await startServer(ROOT);
  const browser = await chromium.launch({ executablePath, args: FLAGS });
  log(`Chromium ${browser.version()}, placement scenario only, CPU throttling ${CPU_THROTTLING}x`);
  try {
    const placement = await measurePlacements(browser, server.base, `node bench/run.mjs --only placement --placement-runs ${PLACEMENT_RUNS}`);
    let result = { placement, durationSeconds: Math.round((Date.now() - started) / 1000) };
    if (WRITE_DOCS) {
      // Keep the last full run and replace only its placement results: the report says when and at which commit these were measured.
      let full = null;
      try {
        full = JSON.parse(readFileSync(OUT, 'utf8'));
      } catch {
        full = null;
      }
      if (full?.libraries) result = { ...full, placement };
      else log(`${DEFAULT_OUT} has no full run to add to: only the placement results are written, no docs`);
    }
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
    log(`wrote ${relative(ROOT, OUT)}`);
    if (WRITE_DOCS && result.libraries) {
      writeReport(result, ROOT);
      log('wrote docs/benchmarks.md and docs/images/benchmarks.svg');
    }
  } finally {
    log('closing the browser and the server');
    await browser.close();
    await server.stop();
    log('done');
  }
}

async function main() {
  const server = await startServer(ROOT);
  const browser = await chromium.launch({ executablePath, args: FLAGS });
  await buildLitFloor(ROOT);
  const all = [...LIBRARIES, LIT_FLOOR, BASELINE];
  const runs = Object.fromEntries(all.map((lib) => [lib.name, []]));
  const firstResponses = {};
  const returningResponses = {};
  log(`Chromium ${browser.version()}, ${RUNS} runs per library (+1 warm-up round), CPU throttling ${CPU_THROTTLING}x`);
  try {
    const failures = await interleaved(
      all,
      RUNS,
      (lib) => runOnce(browser, server.base, lib),
      (lib, result, round) => {
        firstResponses[lib.name] ??= result.firstResponses;
        if (result.returning) returningResponses[lib.name] ??= result.returningResponses;
        const urls = (list) => list.map((r) => new URL(r.url).pathname).sort().join(' ');
        if (urls(result.firstResponses) !== urls(firstResponses[lib.name])) result.first.differentFiles = urls(result.firstResponses);
        runs[lib.name].push({ round, first: result.first, returning: result.returning });
      },
    );
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
    const command = 'npm run build && npm --prefix bench ci && node bench/run.mjs';
    const placement = await measurePlacements(browser, server.base, command);
    const result = {
      machine: { ...machine(browser.version()), versions: versions() },
      settings: {
        runs: RUNS,
        warmupRounds: 1,
        cpuThrottling: CPU_THROTTLING,
        viewport: VIEWPORT,
        flags: FLAGS,
        settleMs: SETTLE_MS,
        returningSettleMs: RETURNING_SETTLE_MS,
        command,
      },
      ours: { bundle, parts, partsTotal: sum(parts), everything: sum([bundle, ...parts]), breakdown: await breakdown(ROOT) },
      libraries,
      placement,
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
  (ONLY === 'placement' ? mainPlacementOnly() : main()).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
