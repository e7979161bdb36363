// End-to-end check of the documentation: every ```html snippet in README.md, SECURITY.md and
// docs/*.md works as written under the README's own strict Content-Security-Policy with Trusted
// Types (STRICT_CSP). Each snippet becomes a page, served with that policy through
// playwright's routing (the package's files on jsDelivr and unpkg from the build); the test
// records CSP violations, page errors, console errors, failed
// script loads and requests that would leave the machine, accepts on the first layer, and checks
// that what the snippet promises happens (the tool's fake loaded and received its commands, the
// gated scripts ran). A new snippet is picked up automatically.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { NONCE, readSnippets, withoutPlaceholders } from './doc-snippets.mjs';
import { STRICT_CSP, startHarness, watchErrors } from './harness.mjs';

const DOCUMENTS = ['README.md', 'SECURITY.md', ...readdirSync('docs').filter((name) => name.endsWith('.md')).sort().map((name) => `docs/${name}`)];

/**
 * Snippets that are not a page or a part of one, by file and the heading above them. Keep this
 * list minimal: a snippet listed here is not checked at all.
 */
const NOT_A_PAGE = [
  // Shows only the `integrations` attribute; its `…` stands for the required attributes
  // (privacy-url, …) given elsewhere, so on its own it is not a page.
  { file: 'docs/integrations.md', heading: 'Analytics integrations: Matomo, Matomo Tag Manager, Piwik PRO, Google Consent Mode, Google Tag Manager' },
];

/** The documented asset paths, served from the build or the demo's fakes. */
const ASSETS = {
  'analytics.js': 'demo/fake-analytics.js',
  'google-consent-default.js': 'dist/google-consent-default.js',
};
// The bundle and its parts, next to it; a name with a content hash (the import-map snippet) is the file it was made from.
const assetFile = (name) => ASSETS[name] ?? `dist/${name.replace(/\.[0-9a-f]{8}\.js$/, '.js')}`;

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
/**
 * This version of the package on jsDelivr and unpkg, answered from the build. (Playwright's
 * fulfilled responses pass CORS checks, so this checks the integrity and the policy, not CORS.)
 */
const CDN = new RegExp(`^https://(?:cdn\\.jsdelivr\\.net/npm|unpkg\\.com)/consent-banner@${version.replaceAll('.', '\\.')}/dist/([\\w.-]+\\.js)$`);

/** Third-party scripts the snippets load, each answered by the project's fake; nothing else leaves. */
const EXTERNAL = [
  { pattern: /^https:\/\/[^/]+\/(?:.*\/)?matomo\.js(?:\?.*)?$/, file: 'demo/fake-matomo.js' },
  { pattern: /^https:\/\/[^/]+\/js\/container_[^/]+\.js(?:\?.*)?$/, file: 'demo/fake-matomo-tag-manager.js' },
  { pattern: /^https:\/\/www\.googletagmanager\.com\/gtag\/js\?/, file: 'demo/fake-gtag.js' },
  { pattern: /^https:\/\/[^/]+\.containers\.piwik\.pro\/[^/]+\.js(?:\?.*)?$/, file: 'demo/fake-piwik-pro.js' },
  { pattern: /^https:\/\/maps\.googleapis\.com\/maps\/api\/js\?/, file: 'demo/fake-maps-api.js' },
  { pattern: /^https:\/\/platform\.twitter\.com\/widgets\.js$/, file: 'demo/fake-social-embed.js' },
  // An embedded video's frame (YouTube's privacy-enhanced player): the demo's fake video page.
  { pattern: /^https:\/\/www\.youtube-nocookie\.com\/embed\/[\w-]+$/, file: 'demo/fake-video.html', contentType: 'text/html' },
  { pattern: /^https:\/\/siteimproveanalytics\.com\/js\/siteanalyze_\d+\.js$/, file: 'demo/fake-analytics.js' },
];

/**
 * What a snippet promises, by what it contains: on the first layer (`beforeChoice`) or once
 * everything is accepted. Each check runs in the page (page.waitForFunction, with `arg` of the
 * snippet's source) and must become true.
 */
const PROMISES = [
  {
    when: (html) => /\/assets\/analytics\.js/.test(html),
    what: 'the gated /assets/analytics.js ran once',
    holds: () => window.fakeAnalyticsRuns?.external === 1,
  },
  {
    when: (html) => /matomo\.js/.test(html),
    what: 'matomo.js loaded, got requireConsent, trackPageView and setConsentGiven, and counted one page view',
    holds: () => {
      const names = (window.fakeMatomo?.received ?? []).map(([name]) => name);
      return ['requireConsent', 'trackPageView', 'setConsentGiven'].every((name) => names.includes(name)) && window.fakeMatomo.state.pageViews === 1;
    },
  },
  {
    when: (html) => /container_[^/]*\.js/.test(html),
    what: 'the Tag Manager container loaded and got mtm.Start and consent_granted_analytics',
    holds: () => {
      const events = (window.fakeMatomoTagManager?.received ?? []).map((entry) => entry?.event);
      return events.includes('mtm.Start') && events.includes('consent_granted_analytics');
    },
  },
  {
    when: (html) => /googletagmanager\.com\/gtag\/js/.test(html),
    what: 'gtag.js loaded, got the denied default, js and config, and analytics_storage is granted',
    holds: () => {
      const commands = (window.fakeGtag?.received ?? []).map((entry) => Array.from(entry));
      const has = (command, action) => commands.some(([c, a]) => c === command && (action === undefined || a === action));
      return has('consent', 'default') && has('js') && has('config') && window.fakeGtag.signals.analytics_storage === 'granted';
    },
  },
  {
    when: (html) => /\.containers\.piwik\.pro\//.test(html),
    what: 'the Piwik PRO container loaded, Consent Manager saved the analytics grant, and the Piwik PRO tag counted one page view',
    holds: () => window.fakePiwikPro?.pageViews === 1 && document.cookie.includes('ppms_privacy_'),
  },
  {
    when: (html) => /"categories"\s*:/.test(html),
    what: 'the banner offers the configured categories and services',
    beforeChoice: true,
    arg: (html) => [...html.matchAll(/"id"\s*:\s*"([^"]+)"/g)].map(([, id]) => id),
    // Every id the snippet configures: a category's, or a service's once the catalogue part has resolved them.
    holds: (ids) => {
      const offered = (document.querySelector('consent-banner')?.categories ?? []).flatMap(({ id, services = [] }) => [id, ...services.map((service) => service.id)]);
      return ids.every((id) => offered.includes(id));
    },
  },
  {
    when: (html) => /data-consent-embed/.test(html),
    what: 'each gated element with data-consent-embed has its placeholder',
    beforeChoice: true,
    holds: () => document.querySelectorAll('consent-placeholder').length === document.querySelectorAll('[data-consent-embed]').length,
  },
  {
    when: (html) => /maps\.googleapis\.com/.test(html),
    what: 'the map drew into its element, which its placeholder left',
    holds: () => document.querySelector('.fake-map')?.parentElement.querySelector('consent-placeholder') === null,
  },
  {
    when: (html) => /platform\.twitter\.com\/widgets\.js/.test(html),
    what: 'the post replaced its blockquote',
    holds: () => document.querySelector('div.fake-post') !== null && document.querySelector('blockquote.twitter-tweet') === null,
  },
  {
    when: (html) => /\bslot="/.test(html),
    what: 'the first layer shows every slotted element in its slot',
    beforeChoice: true,
    holds: () => [...document.querySelectorAll('consent-banner > [slot]')].every((element) => element.assignedSlot && element.checkVisibility()),
  },
  {
    when: (html) => /google-consent-default\.js|gtag\('consent', 'default'/.test(html),
    what: "the Consent Mode default (all denied) is the first command in dataLayer",
    holds: () => {
      const first = window.dataLayer?.[0];
      return first?.[0] === 'consent' && first?.[1] === 'default' && first?.[2]?.analytics_storage === 'denied';
    },
  },
];

const isExcluded = (snippet) => NOT_A_PAGE.some(({ file, heading }) => file === snippet.file && heading === snippet.heading);
const nameOf = (snippet) => `${snippet.file} › ${snippet.section || snippet.heading} (line ${snippet.line})`;

/** Executable scripts that do not carry the page's nonce (the JSON configuration is data, not script). */
function scriptsWithoutNonce(source) {
  return [...source.matchAll(/<script\b[^>]*>/g)]
    .map(([tag]) => tag.replace(/\s+/g, ' '))
    .filter((tag) => !/type="application\/json"/.test(tag) && !/nonce="\{nonce\}"/.test(tag));
}

/**
 * The page for a snippet: a whole `<head>…<body>` as it is; a `<head>` alone gets a body; a
 * `<body>` alone gets the `<head>` snippet before it in the same section (the documented step
 * before it), else a head with the bundle; a fragment goes into a body. The bundle (with the
 * nonce) and a `<consent-banner>` are added only when the page has none; an added banner
 * switches on the integration for the tool the snippet sets up, as the docs tell the reader to.
 */
function pageFor(snippet, previousHead) {
  let source = withoutPlaceholders(snippet.source);
  let head = '';
  let body = '';
  const headMatch = /<head>([\s\S]*?)<\/head>/.exec(source);
  const bodyMatch = /<body>([\s\S]*?)<\/body>/.exec(source);
  if (headMatch || bodyMatch) {
    head = headMatch ? headMatch[1] : previousHead ? /<head>([\s\S]*?)<\/head>/.exec(withoutPlaceholders(previousHead.source))[1] : '';
    body = bodyMatch ? bodyMatch[1] : '';
  } else {
    body = source;
  }
  const everything = head + body;
  if (!/consent-banner\.bundle\.js/.test(everything)) {
    head += `\n<script type="module" nonce="${NONCE}" src="/assets/consent-banner.bundle.js"></script>`;
  }
  if (!/<consent-banner[\s>]/.test(everything)) {
    const integrations = [
      /_paq/.test(everything) && 'matomo',
      /_mtm/.test(everything) && 'matomo-tag-manager',
      /gtag\(/.test(everything) && 'google-consent-mode',
      /ppms/.test(everything) && 'piwik-pro',
    ].filter(Boolean);
    const attribute = integrations.length ? ` integrations="${integrations.join(' ')}"` : '';
    body = `\n<consent-banner privacy-url="/privacy"${attribute}></consent-banner>${body}`;
  }
  source = `<!doctype html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n<link rel="icon" href="data:,">\n<title>${snippet.file} line ${snippet.line}</title>${head}\n</head>\n<body>${body}\n</body>\n</html>\n`;
  return source;
}

/** Runs in the page before anything else: CSP violations and scripts that failed to load. */
function recordInPage() {
  window.cspViolations = [];
  window.failedScripts = [];
  window.loadedScripts = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`.trim());
  });
  document.addEventListener('load', (event) => event.target instanceof HTMLScriptElement && window.loadedScripts.push(event.target), true);
  document.addEventListener('error', (event) => event.target instanceof HTMLScriptElement && window.failedScripts.push(event.target.src || '(inline)'), true);
}

/** True once every external script has loaded or failed and, after a choice, every gated element came to life. */
function settled(afterChoice) {
  const pending = document.querySelectorAll(
    'script[type="text/plain"][data-consent-category]:not([data-consent-activated]),template[data-consent-category]:not([data-consent-activated])',
  );
  const waiting = [...document.scripts].filter(
    (script) => script.src && script.type !== 'text/plain' && !window.loadedScripts.includes(script) && !window.failedScripts.includes(script.src),
  );
  return (!afterChoice || pending.length === 0) && waiting.length === 0;
}

// ---------------------------------------------------------------------------------------------

const snippets = readSnippets(DOCUMENTS);
const checked = snippets.filter((snippet) => !isExcluded(snippet));

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.stop();
});

describe('documentation snippets under the strict CSP with Trusted Types', () => {
  it('finds the snippets, and every entry of the exclusion list names one', () => {
    assert.ok(snippets.some((snippet) => snippet.file === 'README.md'), 'no ```html snippet found in README.md');
    for (const entry of NOT_A_PAGE) {
      assert.ok(snippets.some((snippet) => isExcluded(snippet) && snippet.file === entry.file && snippet.heading === entry.heading), `NOT_A_PAGE names no snippet: ${entry.file} › ${entry.heading}`);
    }
  });

  checked.forEach((snippet) => {
    it(nameOf(snippet), async () => {
      const sameSection = snippets.filter((other) => other.file === snippet.file && other.section === snippet.section && other.line < snippet.line);
      const previousHead = sameSection.reverse().find((other) => /<head>/.test(other.source) && !/<body>/.test(other.source));
      const html = pageFor(snippet, previousHead);
      const promised = PROMISES.filter(({ when }) => when(snippet.source));
      const problems = scriptsWithoutNonce(snippet.source).map((tag) => `script without nonce="{nonce}": ${tag}`);

      const context = await harness.browser.newContext();
      context.setDefaultTimeout(5000);
      const origin = new URL(harness.base).origin;
      await context.addInitScript(recordInPage);
      await context.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        if (url.origin === origin && url.pathname === '/snippet.html') {
          return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': STRICT_CSP }, body: html });
        }
        if (url.origin === origin && url.pathname.startsWith('/assets/')) {
          const file = assetFile(url.pathname.slice('/assets/'.length));
          if (existsSync(file)) return route.fulfill({ path: file });
          problems.push(`no file for the documented asset ${url.pathname} (looked for ${file}; run npm run build)`);
          return route.fulfill({ status: 404, body: 'not found' });
        }
        if (url.origin === origin) return route.continue();
        const cdn = CDN.exec(url.href);
        if (cdn && existsSync(`dist/${cdn[1]}`)) {
          return route.fulfill({ path: `dist/${cdn[1]}`, contentType: 'text/javascript' });
        }
        const fake = EXTERNAL.find(({ pattern }) => pattern.test(url.href));
        if (fake) return route.fulfill({ path: fake.file, contentType: fake.contentType ?? 'text/javascript' });
        problems.push(`request that would leave the machine: ${url.href}`);
        return route.abort();
      });
      const page = await context.newPage();
      const errors = watchErrors(page);

      const seen = { violations: 0, failed: 0, errors: 0 };
      const found = [];
      /** Adds what happened since the last call to `found`, labelled with the stage. */
      const collect = async (stage) => {
        const violations = await page.evaluate(() => window.cspViolations).catch(() => ['(page gone)']);
        const failed = await page.evaluate(() => window.failedScripts).catch(() => []);
        found.push(
          ...violations.slice(seen.violations).map((violation) => `CSP violation ${stage}: ${violation}`),
          ...failed.slice(seen.failed).map((src) => `script failed to load ${stage}: ${src}`),
          ...errors.slice(seen.errors).map((error) => `${error} (${stage})`),
        );
        Object.assign(seen, { violations: violations.length, failed: failed.length, errors: errors.length });
      };
      // Once something did not happen the page is broken: later waits only look, briefly.
      const timeout = () => (problems.some((problem) => problem.startsWith('did not happen')) ? 300 : 3000);
      const waitFor = async (what, fn, arg) => {
        try {
          await page.waitForFunction(fn, arg, { timeout: timeout() });
        } catch {
          problems.push(`did not happen: ${what}`);
        }
      };

      try {
        await page.goto(`${harness.base}/snippet.html`);
        const accept = page.locator('consent-banner [part~="accept"]');
        try {
          await accept.waitFor({ state: 'visible', timeout: 3000 });
        } catch {
          problems.push("did not happen: the banner's first layer showed");
        }
        await waitFor('every script loaded before a choice', settled, false);
        for (const promise of promised.filter(({ beforeChoice }) => beforeChoice)) await waitFor(promise.what, promise.holds, promise.arg?.(snippet.source));
        await collect('before accepting');

        if (await accept.isVisible()) await accept.click();
        await waitFor('every optional category granted', () => {
          const consent = document.querySelector('consent-banner')?.consent;
          return consent && Object.values(consent.categories).every(Boolean);
        });
        await waitFor('every gated element came to life and every script loaded', settled, true);
        for (const promise of promised.filter(({ beforeChoice }) => !beforeChoice)) await waitFor(promise.what, promise.holds, promise.arg?.(snippet.source));
        if (/data-consent-open/.test(snippet.source)) {
          await page.locator('[data-consent-open]').first().click();
          await waitFor('the data-consent-open link opened the choices dialog', () =>
            document.querySelector('consent-banner')?.shadowRoot?.querySelector('dialog')?.open === true,
          );
        }
        await collect('after accepting');
        found.push(...problems);
        if (found.length) assert.fail(`${nameOf(snippet)}:\n  ${found.join('\n  ')}\n--- the page ---\n${html}`);
      } finally {
        await context.close();
      }
    });
  });
});
