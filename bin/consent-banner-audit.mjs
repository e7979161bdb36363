#!/usr/bin/env node
// consent-banner-audit [--allow <origin>]… <url> [url…]: the audit mode for CI. For each page, in a
// fresh browser context with no cookies, it loads the page with the package's audit injected before
// the page's own scripts (dist/consent-banner.audit.classic.js, through Playwright's addInitScript,
// which a page's CSP does not apply to), collects the findings before any choice, clicks the first
// layer's reject button (part="reject"), gives the page a moment, and collects again: no cookie of
// a refused category and no request to another origin may appear after a refusal. It prints a
// report and exits 1 on any finding, 2 when a page could not be checked, 0 when every page is clean.
//
// It drives a Chrome or Chromium that is installed already ($CHROME_PATH, else the usual paths; it
// never downloads one) through playwright-core, an optional peer dependency. No shell: it runs the
// same on Windows.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BROWSER_FLAGS, findBrowser } from '../scripts/find-browser.mjs';

const USAGE = `Usage: consent-banner-audit [--allow <origin>]… <url> [url…]

Loads each page in a fresh Chromium (no cookies) with consent-banner's audit mode, clicks
"reject" on the banner's first layer, and reports what the page leaks before a choice and after
the refusal. Exits 1 on any finding, 2 when a page could not be checked, 0 when all are clean.

  --allow <origin>  an origin of the site's own (its CDN): requests to it are no finding; repeatable
  -h, --help        this text

Browser: $CHROME_PATH, else /usr/bin/chromium or an installed Chrome. Needs playwright-core.`;

/** What the audit's console messages start with: its findings, and what it says about itself. */
const PREFIX = '<consent-banner> audit: ';
/** How long the page has after the click on reject for what its scripts do next. */
const AFTER_REFUSAL_MS = 2000;
/** How long the network may stay busy after the load event before the audit looks anyway. */
const QUIET_WAIT_MS = 5000;
/** How long loading a page, and the banner's start, may take. */
const LOAD_TIMEOUT_MS = 30000;
const START_TIMEOUT_MS = 10000;

/** Says what is wrong with the call and stops: nothing was checked. */
function stop(message) {
  console.error(`consent-banner-audit: ${message}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { allow: { type: 'string', multiple: true, default: [] }, help: { type: 'boolean', short: 'h' } },
  });
} catch (error) {
  stop(`${error.message}\n\n${USAGE}`);
}
if (parsed.values.help) {
  console.log(USAGE);
  process.exit(0);
}
const urls = parsed.positionals;
if (!urls.length) stop(`no page to check.\n\n${USAGE}`);
for (const url of urls) {
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) stop(`${JSON.stringify(url)} is no http(s) address.`);
}

const playwright = await import('playwright-core').catch(() =>
  stop('needs playwright-core, to drive Chromium: npm install --save-dev playwright-core (it downloads no browser).'),
);
const executablePath = findBrowser();
if (!executablePath) {
  stop(`no Chrome or Chromium found${process.env.CHROME_PATH ? ` at CHROME_PATH (${process.env.CHROME_PATH})` : ''}: install one (Debian: apt-get install chromium), or set CHROME_PATH to it.`);
}
const audit = readFileSync(new URL('../dist/consent-banner.audit.classic.js', import.meta.url), 'utf8');
// In the top page only (not in its iframes), before the page's own scripts; with the allowed origins.
const injected = `if (window === window.top) {\n${audit}\nconsentBannerAudit.allowOrigins(${JSON.stringify(parsed.values.allow)});\n}`;

/**
 * The audit of one page: the findings before any choice and those after the refusal, notes on
 * what went otherwise than planned, or why it could not be checked (`problem`).
 */
async function auditPage(browser, url) {
  const context = await browser.newContext();
  try {
    await context.addInitScript({ content: injected });
    const page = await context.newPage();
    // The audit's messages that are no finding (a bad --allow, a check that failed) become notes.
    const said = [];
    page.on('console', (message) => message.type() === 'warning' && message.text().startsWith(PREFIX) && said.push(message.text().slice(PREFIX.length)));
    try {
      await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    } catch (error) {
      return { problem: `the page did not load (${error.message.split('\n')[0]}).` };
    }
    await page.waitForLoadState('networkidle', { timeout: QUIET_WAIT_MS }).catch(() => {});
    const check = () =>
      page.evaluate(
        // The page's one audit (this copy, or the page's own that it joined), where every copy keeps it.
        (timeout) => Promise.race([window[Symbol.for('consent-banner.audit')].check().then((found) => [...found]), new Promise((resolve) => setTimeout(() => resolve(null), timeout))]),
        START_TIMEOUT_MS,
      );
    if (!(await page.locator('consent-banner').count())) return { problem: 'the page has no <consent-banner>.' };
    const before = await check();
    if (!before) return { problem: `the banner did not start within ${START_TIMEOUT_MS / 1000} s: is its bundle on the page (see "No banner, and no message" in docs/troubleshooting.md)?` };
    const notes = [];
    const reject = page.locator('consent-banner [part~="reject"]');
    if (await reject.count()) await reject.first().click();
    else {
      notes.push('the first layer did not show (the cookie page, or nothing to ask): refused with rejectAll() instead of the reject button.');
      await page.evaluate(() => document.querySelector('consent-banner').rejectAll());
    }
    await page.waitForTimeout(AFTER_REFUSAL_MS);
    const after = await check();
    notes.push(...said.filter((text) => !after.some(({ message }) => message === text)));
    return { before, after: after.slice(before.length), notes };
  } finally {
    await context.close();
  }
}

/** The report of one page, as lines. */
function report(url, { problem, before = [], after = [], notes = [] }) {
  const count = before.length + after.length;
  const lines = [`${url}: ${problem ? 'could not be checked' : count ? `${count} ${count === 1 ? 'finding' : 'findings'}` : 'no findings'}`];
  if (problem) lines.push(`  ${problem}`);
  for (const note of notes) lines.push(`  note: ${note}`);
  for (const [title, findings] of [['before any choice', before], ['after the refusal', after]]) {
    if (!findings.length) continue;
    lines.push(`  ${title}:`);
    for (const { kind, message } of findings) lines.push(`    - [${kind}] ${message}`);
  }
  return lines.join('\n');
}

const browser = await playwright.chromium.launch({ executablePath, args: BROWSER_FLAGS });
let status = 0;
try {
  for (const url of urls) {
    const result = await auditPage(browser, url);
    console.log(report(url, result));
    if (result.problem) status = 2;
    else if (status === 0 && result.before.length + result.after.length) status = 1;
  }
} finally {
  await browser.close();
}
process.exit(status);
