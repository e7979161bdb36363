// End-to-end harness: serves the project root (the built dist/ and test pages) on a free
// loopback port and drives Debian's Chromium (or $CHROME_PATH) with playwright-core.
//
// Several hosts: the browser resolves every name under `E2E_DOMAIN` (www.gemeente.test,
// forum.gemeente.test, …) to 127.0.0.1, so cookies with `Domain=` and sibling subdomains behave
// as on a real site. `urlFor(host, path)` gives such a URL.
// Policies: a page requested with `?csp=strict` is served with `STRICT_CSP`; the strict-CSP test
// page always is.
import { startDevServer } from '@web/dev-server';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';
import { BROWSER_FLAGS, findBrowser } from '../../scripts/find-browser.mjs';

/**
 * The strict policy of SECURITY.md: nonce + strict-dynamic scripts, same-origin styles, Trusted
 * Types with the component's policy and Lit's ('allow-duplicates': a second copy of the bundle
 * creates them again).
 */
export const STRICT_CSP = [
  "script-src 'nonce-e2e-nonce' 'strict-dynamic'",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types consent-banner lit-html 'allow-duplicates'",
].join('; ');

/** The site's registrable domain in the multi-host tests; `.test` is reserved, never on the network. */
export const E2E_DOMAIN = 'gemeente.test';
/** A host under a public suffix of the browser's list (co.uk), for cookie-domain mistakes; only ever 127.0.0.1 here. */
export const E2E_SUFFIX_HOST = 'www.voorbeeld.co.uk';

async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the server and the browser; returns them with the base URL and a stop(). */
export async function startHarness() {
  const port = await freePort();
  const server = await startDevServer({
    config: {
      rootDir: '.',
      port,
      hostname: '127.0.0.1',
      middleware: [
        async (context, next) => {
          await next();
          if (context.path === '/test/e2e/pages/strict-csp.html' || context.query.csp === 'strict') {
            context.set('Content-Security-Policy', STRICT_CSP);
          }
        },
      ],
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  const browser = await chromium.launch({
    executablePath: findBrowser() ?? undefined,
    args: [
      ...BROWSER_FLAGS,
      `--host-resolver-rules=MAP ${E2E_DOMAIN} 127.0.0.1, MAP *.${E2E_DOMAIN} 127.0.0.1, MAP ${E2E_SUFFIX_HOST} 127.0.0.1`,
    ],
  });
  return {
    browser,
    base: `http://127.0.0.1:${port}`,
    /** The URL of `path` on `host` (a name under E2E_DOMAIN, or E2E_DOMAIN itself), same server. */
    urlFor: (host, path) => `http://${host}:${port}${path}`,
    async stop() {
      await browser.close();
      await server.stop();
    },
  };
}

/** The component's console errors (of `watchErrors`) once there are `count` of them, or 5 s have passed. */
export async function componentErrors(errors, count) {
  const own = () => errors.filter((error) => error.includes('<consent-banner>'));
  for (let waited = 0; waited < 5000 && own().length < count; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  return own();
}

/** A console message of the component is on its way: its texts' part was asked for (it prints once that is there). */
export const MESSAGE_COMING = 'request: consent-banner-messages.js (a console message is coming)';

/**
 * Fails the test on any uncaught error or console error in the page, and on any message of the
 * component, also one still waiting for its text (`MESSAGE_COMING`, at the request of the
 * messages' part), so that a check made before it prints still sees it.
 */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('request', (request) => {
    // Also under a content-hashed name (consent-banner-messages.3f9a1c07.js).
    if (/\/consent-banner-messages(\.[\w-]+)?\.js(\?|$)/.test(request.url())) errors.push(MESSAGE_COMING);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  return errors;
}

/**
 * Sums the page's layout shifts that no input caused (CLS as Chromium reports it) into
 * `window.layoutShift`, from the start of every document the page loads after this call.
 */
export function watchLayoutShift(page) {
  return page.addInitScript(() => {
    window.layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.layoutShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** The axe tags of WCAG 2.x A and AA, 2.2 included. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

/** axe with the WCAG 2.x A/AA tags on the whole page, shadow DOM included; violation ids with their targets. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const results = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), WCAG_TAGS);
  return results.violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
