import { report, warn } from '../report.js';
import { encodeDecision, SERVICE_PREFIX } from './cookie-codec.js';
import { checkCookieDomain, consentCookie, cookieScopes } from './cookie-patterns.js';
import { countCookies, decisionSettings, readStoredDecision } from './stored-decision.js';
import type { CategoryChoices, ConsentDecision, ConsentMethod } from './types.js';

export {
  DEFAULT_COOKIE_NAME,
  DEFAULT_MAX_AGE_DAYS,
  DEFAULT_POLICY_VERSION,
  MAX_MAX_AGE_DAYS,
} from './stored-decision.js';

/** Where the store reads and writes its cookie; `document.cookie` unless a test or server gives one. */
export interface CookieAccess {
  read(): string;
  write(cookie: string): void;
}

export interface ConsentStoreOptions {
  /** Optional category ids (`necessary` is implied). */
  categoryIds: string[];
  /** The configured services: service id → the id of its category (docs/services.md). */
  services?: Record<string, string>;
  policyVersion?: string;
  cookieName?: string;
  cookieDomain?: string;
  maxAgeDays?: number;
  cookies?: CookieAccess;
  /** The current time in ms; `Date.now` unless given. */
  now?: () => number;
  /** Honour Global Privacy Control when nothing is stored (I6, L19). Default `true`. */
  respectGpc?: boolean;
  /** Keep a random consent id in the cookie, for receipts (L13). Default `false`. */
  withConsentId?: boolean;
  /**
   * Categories that may run without consent under a legal exemption (the Dutch exempt-analytics
   * mode, L17): granted until the visitor turns them off. Default none.
   */
  exemptCategories?: string[];
}

const documentCookies: CookieAccess = {
  read: () => document.cookie,
  write: (cookie) => {
    document.cookie = cookie;
  },
};

/**
 * The visitor's decision and its one first-party cookie (I8, L13–L15). Plain TypeScript, no
 * rendering: it decides, expires and persists; it dispatches `change` after every change.
 * Nothing here throws: an unreadable cookie is no decision, a cookie the browser refuses keeps
 * the decision in memory for this page (one console message says why).
 *
 * The latest decision wins: every write first expires each copy of the cookie this page can
 * reach (another `Domain=`, another path, a sibling subdomain's), and a reader that still finds
 * several takes the newest.
 */
export class ConsentStore extends EventTarget {
  readonly categoryIds: string[];
  readonly services: Record<string, string>;
  readonly policyVersion: string;
  readonly cookieName: string;
  readonly cookieDomain: string | undefined;
  readonly maxAgeDays: number;
  readonly exemptCategories: string[];
  readonly #cookies: CookieAccess;
  readonly #now: () => number;
  readonly #respectGpc: boolean;
  readonly #withConsentId: boolean;
  #current: ConsentDecision | null = null;
  #storageFailed = false;
  /** The last write did not reach the cookie: the decision lives in memory, also across visibility changes. */
  #unsaved = false;
  #channel?: BroadcastChannel;

  constructor(options: ConsentStoreOptions) {
    super();
    this.categoryIds = options.categoryIds.filter((id) => id !== 'necessary');
    this.services = options.services ?? {};
    this.exemptCategories = (options.exemptCategories ?? []).filter((id) => this.categoryIds.includes(id));
    ({ policyVersion: this.policyVersion, cookieName: this.cookieName, maxAgeDays: this.maxAgeDays } =
      decisionSettings(options, report));
    this.cookieDomain = checkCookieDomain(options.cookieDomain, location.hostname);
    this.#cookies = options.cookies ?? documentCookies;
    this.#now = options.now ?? Date.now;
    this.#respectGpc = options.respectGpc ?? true;
    this.#withConsentId = options.withConsentId ?? false;
    this.#current = this.#readStored() ?? this.#gpcDecision();
    this.#warnOfCopies();
  }

  /** The current decision, or `null` when the visitor has not (validly) decided. */
  get decision(): ConsentDecision | null {
    return this.#current;
  }

  /**
   * Whether a category is granted now: `necessary` always; an exempt one until it is turned off;
   * a name that is not a configured category (`toString`, `__proto__`, a typo) never. A service
   * (`s--<id>`) is granted with its category, or on its own.
   */
  isGranted(id: string): boolean {
    if (id === 'necessary') return true;
    const service = id.slice(SERVICE_PREFIX.length);
    if (id.startsWith(SERVICE_PREFIX) && Object.hasOwn(this.services, service)) {
      return this.#current?.categories[id] === true || this.isGranted(this.services[service]);
    }
    if (!this.categoryIds.includes(id)) return false;
    return this.#current?.categories[id] ?? this.exemptCategories.includes(id);
  }

  /**
   * Records a decision. Categories missing from `choices` are refused; unknown ids are ignored. A
   * service of a refused category (`s--<id>`) is granted when `choices` grants it, and keeps its
   * stored grant when `choices` does not name it (a view that did not offer it).
   */
  decide(choices: CategoryChoices, method: ConsentMethod): ConsentDecision {
    const categories: CategoryChoices = { necessary: true };
    for (const id of this.categoryIds) categories[id] = choices[id] === true;
    for (const [service, category] of Object.entries(this.services)) {
      const id = SERVICE_PREFIX + service;
      if (!categories[category] && (choices[id] ?? this.#current?.categories[id])) categories[id] = true;
    }
    return this.#record(method, categories);
  }

  /**
   * Grants one configured category or service (`s--<id>`) and leaves every other as it is:
   * decided ones keep their choice, undecided ones stay undecided (a partial decision, method
   * `custom`).
   */
  grant(id: string): ConsentDecision {
    return this.#record('custom', { ...this.#current?.categories, necessary: true, [id]: true });
  }

  #record(method: ConsentMethod, categories: CategoryChoices): ConsentDecision {
    const decision = this.#newDecision(method, categories);
    if (this.#withConsentId) decision.consentId = this.#current?.consentId ?? randomId();
    this.#current = decision;
    this.#store(encodeDecision(decision));
    this.#changed(true);
    return decision;
  }

  /** Forgets the decision and deletes every copy of the consent cookie. Global Privacy Control applies again. */
  forget(): void {
    this.#current = this.#gpcDecision();
    this.#store(null);
    this.#changed(true);
  }

  /**
   * Keeps this page in step with other tabs and windows of the site (I8): a decision made
   * elsewhere arrives by BroadcastChannel, and the cookie is read again whenever the page
   * becomes visible (for browsers or cases where the message does not arrive).
   */
  startSync(): void {
    if (this.#channel) return;
    if (typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel(`consent-banner:${this.cookieName}`);
      this.#channel.onmessage = (event: MessageEvent) => this.#adopt(`${this.cookieName}=${event.data}`);
    }
    document.addEventListener('visibilitychange', this.#onVisible);
  }

  stopSync(): void {
    this.#channel?.close();
    this.#channel = undefined;
    document.removeEventListener('visibilitychange', this.#onVisible);
  }

  readonly #onVisible = (): void => {
    // A decision the browser would not store stays as it is: the cookie does not have it.
    if (document.visibilityState === 'visible' && !this.#unsaved) this.#adopt();
  };

  /**
   * Takes the decision another tab sent (its cookie value, so no race with the cookie store) or,
   * without one, the cookie as it is now; dispatches `change` when it differs from this page's.
   */
  #adopt(header?: string): void {
    const next = this.#readStored(header) ?? this.#gpcDecision();
    // A GPC decision is made anew on each read; only its being there counts.
    const key = (decision: ConsentDecision | null) => decision && (decision.method === 'gpc' ? 'gpc' : encodeDecision(decision));
    if (key(next) === key(this.#current)) return;
    this.#current = next;
    this.#changed(false);
  }

  #changed(here: boolean): void {
    if (here) this.#channel?.postMessage(this.#current && this.#current.method !== 'gpc' ? encodeDecision(this.#current) : '');
    // `detail.here`: decided or forgotten on this page (else another tab's decision, or the cookie read again).
    this.dispatchEvent(new CustomEvent('change', { detail: { here } }));
  }

  /** With Global Privacy Control on, every optional category is off, in memory only (I6, L19). */
  #gpcDecision(): ConsentDecision | null {
    if (!this.#respectGpc) return null;
    let signal: unknown;
    try {
      signal = (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl;
    } catch {
      // A broken signal (a getter that throws) is no signal; GPC can only take consent away.
    }
    if (signal !== true) return null;
    return this.#newDecision('gpc', Object.fromEntries([['necessary', true], ...this.categoryIds.map((id) => [id, false])]));
  }

  #newDecision(method: ConsentMethod, categories: CategoryChoices): ConsentDecision {
    const decidedAt = new Date(Math.floor(this.#now() / 1000) * 1000).toISOString();
    return { policyVersion: this.policyVersion, decidedAt, method, categories };
  }

  /** The stored decision in the cookie, or in the header given (another tab's cookie value). */
  #readStored(header?: string): ConsentDecision | null {
    try {
      // The store's own settings are the rules (cookieName, policyVersion, categoryIds, maxAgeDays).
      return readStoredDecision(header ?? this.#cookies.read(), { ...this, serviceIds: Object.keys(this.services), now: this.#now() });
    } catch {
      this.#reportStorageFailure();
      return this.#current;
    }
  }

  /**
   * Expires every copy of the consent cookie this page can reach (when it sees any), then writes
   * `value` (none for `null`) and reads it back. A refused write gets one console message that
   * says what to change.
   */
  #store(value: string | null): void {
    const { cookieName } = this;
    try {
      if (countCookies(this.#cookies.read(), cookieName)) {
        for (const scope of cookieScopes(location.hostname, location.pathname)) {
          this.#cookies.write(`${cookieName}=; Max-Age=0${scope}`);
        }
      }
      this.#unsaved = false;
      if (value === null) return;
      this.#cookies.write(consentCookie(cookieName, value, this.maxAgeDays, this.cookieDomain, location.protocol === 'https:'));
      if (this.#cookies.read().split(/;\s*/).includes(`${cookieName}=${value}`)) return;
      this.#unsaved = true;
      report('cookie-refused', new TextEncoder().encode(cookieName + value).length, cookieName, location.protocol === 'https:', this.cookieDomain);
    } catch {
      this.#unsaved = true;
      this.#reportStorageFailure();
    }
  }

  /** One warning when the cookie is there more than once: a leftover of another domain, path or subdomain. */
  #warnOfCopies(): void {
    try {
      const copies = countCookies(this.#cookies.read(), this.cookieName);
      if (copies > 1) {
        warn('cookie-copies', copies, this.cookieName);
      }
    } catch {
      // Cookies blocked: reported when the store reads or writes.
    }
  }

  #reportStorageFailure(): void {
    if (this.#storageFailed) return;
    this.#storageFailed = true;
    warn('no-cookies');
  }
}

/** 16 random base-36 characters: no personal data, only a way to match a receipt. */
function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => (byte % 36).toString(36)).join('');
}

