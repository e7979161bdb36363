import type { ConsentBanner } from '../ConsentBanner.js';
import { cookieMatches, TRACKER_COOKIES } from '../decision/cookie-patterns.js';
import { describeValue } from '../report.js';
import { ConsentAuditEvent, type AuditFinding, type AuditPhase } from './finding.js';
import { missingTool } from './tools.js';

/** What every audit message starts with. */
const PREFIX = '<consent-banner> audit: ';
/** How long a tool may take to load after the page or a decision before the audit calls it absent. */
const TOOL_WAIT_MS = 3000;
/** How often cookies are read where the browser has no `cookieStore` change events (http pages). */
const COOKIE_POLL_MS = 500;
/**
 * A grant brings gated scripts to life just before `consent-change` is dispatched, so the requests
 * they start count as made after the grant from this long before the event.
 */
const GRANT_SLACK_MS = 100;

/** Bad input to the audit itself: one console warning. */
function warn(message: string): void {
  console.warn(`${PREFIX}${message}`);
}

/** The http(s) origin of an address, or `null`. */
function originOf(address: string): string | null {
  try {
    const url = new URL(address, document.baseURI);
    return /^https?:$/.test(url.protocol) ? url.origin : null;
  } catch {
    return null;
  }
}

/** The names of the cookies this page can see (not HttpOnly ones). */
function cookieNames(): string[] {
  return [...new Set(document.cookie.split(';').map((pair) => pair.split('=')[0].trim()))].filter(Boolean);
}

/**
 * The audit mode: watches a page with a `<consent-banner>` and reports what it leaks, through the
 * element's public API and the DOM only. It observes; it never decides, blocks or deletes.
 *
 * It reports, once each (a console warning that says what to change, an entry in `findings`, a
 * `consent-audit` event on the document): cookies before any choice or of a refused category,
 * cookies no category declares, requests to other origins before any choice or after a refusal,
 * elements whose `data-consent-category` is no configured category, and tools that `integrations`
 * names but the page lacks. Cookies are checked once the banner is ready, after every
 * `consent-change` and whenever a cookie changes (`cookieStore` events, else a short poll);
 * requests from resource timing as they finish; elements as they are added; tools a moment after
 * the page has loaded and after each change (they load asynchronously).
 *
 * Its state for requests starts when the banner is ready: an audit loaded after the visitor chose
 * takes that choice as made before the page loaded.
 */
export class ConsentAudit {
  /** Every finding so far, in the order found. */
  readonly findings: AuditFinding[] = [];

  readonly #allowed = new Set<string>();
  readonly #reported = new Set<string>();
  #banner: ConsentBanner | null = null;
  readonly #ready: Promise<void>;
  #stopped = false;
  /** From when on (performance time) requests to other origins were a finding, and which. */
  readonly #timeline: { from: number; phase: AuditPhase | null }[] = [];
  /** Resource timing entries not judged yet (they wait for the banner). */
  readonly #requests: PerformanceResourceTiming[] = [];
  readonly #requestObserver = new PerformanceObserver((list) => {
    this.#requests.push(...(list.getEntries() as PerformanceResourceTiming[]));
    this.#safely(() => this.#checkRequests());
  });
  readonly #elementObserver = new MutationObserver((records) =>
    this.#safely(() => {
      for (const { addedNodes } of records) addedNodes.forEach((node) => node instanceof Element && this.#checkElements(node));
    }),
  );
  #cookiePoll?: ReturnType<typeof setInterval>;
  #toolTimer?: ReturnType<typeof setTimeout>;

  /** `allowedOrigins`: origins the site's own requests may go to (see {@link allowOrigins}). */
  constructor({ allowedOrigins = [] }: { allowedOrigins?: string | readonly string[] } = {}) {
    this.allowOrigins(allowedOrigins);
    this.#requestObserver.observe({ type: 'resource', buffered: true });
    this.#ready = this.#start();
  }

  /**
   * Requests to these origins are no finding: the site's own other hosts, its CDN. Origins as
   * `https://cdn.example.nl` (scheme, host, port when not the default), as a list or separated by
   * spaces; anything else gets one console warning and is ignored. Call it before the banner is
   * ready (at once after loading the audit), or requests made until then are judged without it.
   */
  allowOrigins(origins: string | readonly string[]): void {
    for (const value of typeof origins === 'string' ? origins.split(/\s+/).filter(Boolean) : origins) {
      const origin = typeof value === 'string' ? originOf(value) : null;
      if (origin && value.replace(/\/$/, '') === origin) this.#allowed.add(origin);
      else warn(`allowed origin ${describeValue(value)} is no origin such as "https://cdn.example.nl"; ignored.`);
    }
  }

  /**
   * Runs every check now (tools too, once the page has loaded) and resolves with the findings,
   * once the banner is ready. For tools that drive a browser: check before and after an action.
   */
  async check(): Promise<readonly AuditFinding[]> {
    await this.#ready;
    this.#safely(() => {
      this.#requests.push(...(this.#requestObserver.takeRecords() as PerformanceResourceTiming[]));
      this.#checkRequests();
      this.#checkCookies();
      this.#checkElements(document.documentElement);
      this.#checkTools();
    });
    return this.findings;
  }

  /** Stops watching; the findings stay. */
  stop(): void {
    this.#stopped = true;
    this.#requestObserver.disconnect();
    this.#elementObserver.disconnect();
    document.removeEventListener('consent-change', this.#onChange);
    window.removeEventListener('load', this.#scheduleTools);
    (window.cookieStore as CookieStore | undefined)?.removeEventListener('change', this.#onCookies);
    clearInterval(this.#cookiePoll);
    clearTimeout(this.#toolTimer);
  }

  /** Waits for the page's banner to be ready, then starts every watch and check. */
  async #start(): Promise<void> {
    if (document.readyState === 'loading') await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
    const banner = document.querySelector('consent-banner');
    if (!banner) {
      warn('no <consent-banner> on this page; nothing to audit.');
      return;
    }
    await customElements.whenDefined('consent-banner');
    await banner.updateComplete;
    if (this.#stopped) return;
    this.#banner = banner;
    this.#timeline.push({ from: 0, phase: this.#phase() });
    document.addEventListener('consent-change', this.#onChange);
    const cookieStore = window.cookieStore as CookieStore | undefined;
    if (cookieStore) cookieStore.addEventListener('change', this.#onCookies);
    else {
      let seen = document.cookie;
      this.#cookiePoll = setInterval(() => {
        if (document.cookie !== seen) this.#onCookies();
        seen = document.cookie;
      }, COOKIE_POLL_MS);
    }
    this.#elementObserver.observe(document.documentElement, { childList: true, subtree: true });
    if (document.readyState === 'complete') this.#scheduleTools();
    else window.addEventListener('load', this.#scheduleTools, { once: true });
    this.#safely(() => {
      this.#checkRequests();
      this.#checkCookies();
      this.#checkElements(document.documentElement);
    });
  }

  /**
   * Whether a request to another origin is a finding now, and which: before any choice, after a
   * refusal (nothing optional granted), or `null` once the visitor has granted something.
   */
  #phase(): AuditPhase | null {
    const consent = this.#banner!.consent;
    if (!consent) return 'before-choice';
    return Object.entries(consent.categories).some(([id, granted]) => granted && id !== 'necessary') ? null : 'after-refusal';
  }

  readonly #onChange = (): void => {
    const phase = this.#phase();
    this.#timeline.push({ from: performance.now() - (phase ? 0 : GRANT_SLACK_MS), phase });
    this.#safely(() => {
      this.#checkRequests();
      this.#checkCookies();
    });
    this.#scheduleTools();
  };

  readonly #onCookies = (): void => this.#safely(() => this.#checkCookies());

  readonly #scheduleTools = (): void => {
    clearTimeout(this.#toolTimer);
    this.#toolTimer = setTimeout(() => this.#safely(() => this.#checkTools()), TOOL_WAIT_MS);
  };

  /** Requests to other origins, judged by the phase they started in. */
  #checkRequests(): void {
    if (!this.#banner) return;
    for (const { name, startTime } of this.#requests.splice(0)) {
      const origin = originOf(name);
      if (!origin || origin === location.origin || this.#allowed.has(origin)) continue;
      const phase = this.#timeline.filter(({ from }) => from <= startTime).pop()!.phase;
      if (!phase) continue;
      const when = phase === 'before-choice' ? 'before any choice' : 'after a refusal';
      this.#found(
        { kind: 'third-party-request', subject: origin, phase, url: name },
        `a request to ${origin} was made ${when} (${name}); gate what makes it with data-consent-category, or allow the origin (data-allowed-origins) when it is the site's own.`,
      );
    }
  }

  /**
   * Every cookie the page can see: declared by a category or one of its services (else a
   * finding), and of a granted category or service (`necessary` always is: the consent cookie and
   * the site's own necessary ones), else a finding. Tracker cookies a refusal of analytics deletes (`_ga`,
   * `_pk_*`…) count as analytics' when no category declares them.
   */
  #checkCookies(): void {
    const banner = this.#banner;
    if (!banner) return;
    const categories = banner.categories;
    const ids = categories.map(({ id }) => id).join(', ');
    const consent = banner.consent;
    for (const name of cookieNames()) {
      // A service's declaration first: in a mixed category its service decides (docs/services.md).
      const declaration = categories
        .flatMap(({ id, cookies, services = [] }) => [...services.map(({ id: service, cookies }) => ({ id, service, cookies })), { id, service: undefined, cookies }])
        .find(({ cookies }) => cookies.some((cookie) => cookieMatches(name, cookie.name)));
      const declaredBy = declaration?.id;
      if (!declaredBy) {
        this.#found(
          { kind: 'undeclared-cookie', subject: name },
          `cookie "${name}" is declared by no category (${ids}); add its name, or a prefix ending in *, to the cookies of its category in config.categories, so that the choices list it and a refusal deletes it (L8).`,
        );
      }
      const category = declaredBy ?? (TRACKER_COOKIES.some((pattern) => cookieMatches(name, pattern)) ? 'analytics' : undefined);
      if (!category) {
        if (!consent) {
          this.#found(
            { kind: 'cookie-without-consent', subject: name, phase: 'before-choice' },
            `cookie "${name}" is set before any choice, and no category declares it; gate the script that sets it, or declare the cookie under necessary if the site cannot work without it.`,
          );
        }
      } else if (banner.hasConsent(category, declaration?.service)) {
        continue;
      } else if (consent?.categories[category] === false) {
        this.#found(
          { kind: 'cookie-without-consent', subject: name, phase: 'after-refusal' },
          `cookie "${name}" (${category}) is set after ${category} was refused; a script that sets it runs without consent or keeps running after a withdrawal: gate it with data-consent-category="${category}" and have the tool stop on a withdrawal (docs/integrations.md).`,
        );
      } else {
        this.#found(
          { kind: 'cookie-without-consent', subject: name, phase: 'before-choice' },
          `cookie "${name}" (${category}) is set before any choice; gate the script that sets it with data-consent-category="${category}", so that it runs only once ${category} is granted.`,
        );
      }
    }
  }

  /** `root` and the elements in it whose `data-consent-category` is no configured category. */
  #checkElements(root: Element): void {
    if (!this.#banner) return;
    const ids = this.#banner.categories.map(({ id }) => id);
    const elements = [...root.querySelectorAll('[data-consent-category]')];
    if (root.hasAttribute('data-consent-category')) elements.unshift(root);
    for (const element of elements) {
      const category = element.getAttribute('data-consent-category')!;
      if (ids.includes(category)) continue;
      this.#found(
        { kind: 'unknown-category', subject: category },
        `data-consent-category="${category}" names no configured category (${ids.join(', ')}); the banner never brings those elements to life. Use one of those ids, or add the category to config.categories.`,
      );
    }
  }

  /** The tools `integrations` names, once the page has loaded. */
  #checkTools(): void {
    const banner = this.#banner;
    if (!banner || document.readyState !== 'complete' || typeof banner.integrations !== 'string') return;
    for (const name of banner.integrations.split(/\s+/)) {
      const message = missingTool(name, (category) => banner.hasConsent(category));
      if (message) this.#found({ kind: 'missing-integration', subject: name }, message);
    }
  }

  /** Records, prints and dispatches a finding, once per kind, subject and phase. */
  #found(finding: Omit<AuditFinding, 'message'>, message: string): void {
    const key = `${finding.kind} ${finding.phase ?? ''} ${finding.subject}`;
    if (this.#reported.has(key)) return;
    this.#reported.add(key);
    const full: AuditFinding = { ...finding, message };
    this.findings.push(full);
    console.warn(`${PREFIX}${message}`);
    document.dispatchEvent(new ConsentAuditEvent(full));
  }

  /** Runs a check; a fault in it is reported once and stops none of the others, nor the page. */
  #safely(check: () => void): void {
    try {
      check();
    } catch (error) {
      if (this.#reported.has(`${error}`)) return;
      this.#reported.add(`${error}`);
      warn(`a check failed (${error}); the others go on.`);
    }
  }
}
