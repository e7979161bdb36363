import type { ConsentState } from '../events.js';
import { pauseGating, setGrantedCategories } from '../effects/gate.js';
import type { ConsentIntegration } from '../effects/integrations/types.js';
import { report } from '../report.js';
import type { MESSAGES } from '../messages.js';
import { ConsentStore, type ConsentStoreOptions } from '../decision/consent-store.js';
import { TRACKER_CONSENT_RECORDS, TRACKER_COOKIES } from '../decision/cookie-patterns.js';
import type { CategoryChoices, CategoryConfig, ConsentDecision, ConsentMethod } from '../decision/types.js';
import { serviceIdOf } from '../decision/categories.js';
import { SERVICE_PREFIX } from '../decision/cookie-codec.js';
import { deleteCookies } from '../effects/tracker-cookies.js';

/** Where a change came from: a decision on this page, another tab, `reset()`, or changed options. */
export type ChangeOrigin = 'page' | 'tab' | 'reset' | 'options';

/** The detail of the controller's `change` event. */
export interface ControllerChange {
  state: ConsentState;
  /** The state before the change. */
  previous: ConsentState;
  origin: ChangeOrigin;
  /** Settles once the requests of a decision made on this page (receipt, `cookie-url`) have started; at once when there are none. */
  sent: Promise<unknown>;
}

/** What the controller decides and acts with: the store's options, the categories, the receipt address. */
export interface ControllerOptions extends Omit<ConsentStoreOptions, 'categoryIds'> {
  /** Every configured category, `necessary` first (ids and cookie declarations are what count here). */
  categories: CategoryConfig[];
  /** Where a copy of each decision made on this page goes (a checked http(s) address), or `null`. */
  receiptUrl: string | null;
  /** Where the site's server sets the cookie of each decision made on this page too (`cookie-url`, checked when it is sent). */
  cookieUrl?: string;
  /** Told about each gated element that stays blocked and shows a placeholder (an iframe, or an embed that asks for one). */
  blocked?: (element: HTMLElement) => void;
  /**
   * The tools to tell (I3–I5). They hear the stored state before any gated element comes alive
   * (an adapter in a part passes it on once its part is there); a new list (other instances)
   * hears the current state as on a new page view.
   */
  integrations?: ConsentIntegration[];
}

/**
 * The page's consent, in plain TypeScript (I8): it decides (the store: cookie, expiry, GPC,
 * exempt categories, tab sync), acts on the decision and tells, always in this order:
 *
 * 1. the integrations hear the new state and the one they heard before (I3–I5),
 * 2. the gate brings granted elements to life and unloads withdrawn iframes (I2, L12),
 * 3. the refused categories' cookies are deleted (L12),
 * 4. a decision made on this page is sent to the receipt address (L13) and to `cookie-url`,
 * 5. `whenGranted` promises of granted categories settle (I1),
 * 6. `change` is dispatched with the state, the previous state, the origin and when step 4's
 *    requests have started (`sent`).
 *
 * Each of steps 1–5 is isolated: one that throws gets one console error, and the others, the
 * event and the UI go on. Nothing here renders.
 */
export class ConsentController extends EventTarget {
  #options: ControllerOptions;
  #store: ConsentStore;
  #integrations: ConsentIntegration[] = [];
  /** The state the integrations last heard (`null`: nothing yet on this page view). */
  #told: ConsentState | null = null;
  #waiting = new Map<string, (() => void)[]>();
  #syncing = false;
  /** Gating was paused by `stop()`: `start()` gates again. */
  #paused = false;
  /** The origin of the store's next change when it is not a decision here or another tab's. */
  #pendingOrigin: ChangeOrigin | null = null;
  /** The state the last act acted on: the `previous` of the next change. */
  #previous: ConsentState | null = null;
  #receipts?: Promise<typeof import('../effects/integrations/consent-receipt.js')>;

  constructor(options: ControllerOptions) {
    super();
    this.#options = options;
    this.#integrations = options.integrations ?? [];
    this.#store = this.#newStore(options);
    this.#act('options', false);
  }

  /** The current decision, or `null`. */
  get decision(): ConsentDecision | null {
    return this.#store.decision;
  }

  /** The store's checked settings (cookie name, policy version, lifetime, exempt categories…). */
  get store(): ConsentStore {
    return this.#store;
  }

  /** The state as events carry it. */
  get state(): ConsentState {
    const decision = this.decision;
    return {
      decided: decision !== null && this.undecided.length === 0,
      categories: Object.fromEntries(this.#options.categories.map(({ id }) => [id, this.isGranted(id)])),
      services: Object.fromEntries(Object.keys(this.#store.services).map((id) => [id, this.isGranted(SERVICE_PREFIX + id)])),
      method: decision?.method ?? null,
      policyVersion: this.#store.policyVersion,
      decidedAt: decision?.decidedAt ?? null,
    };
  }

  /**
   * The optional categories the visitor has yet to decide (the first layer asks about them): all
   * but exempt ones without a decision, and after a partial one (`grant`) the rest.
   */
  get undecided(): string[] {
    const { categoryIds, exemptCategories } = this.#store;
    const decided = this.decision?.categories ?? {};
    return categoryIds.filter((id) => !Object.hasOwn(decided, id) && !exemptCategories.includes(id));
  }

  /** Whether a configured category (or service, `s--<id>`) is granted now; `necessary` always is, any other name never. */
  isGranted(category: string): boolean {
    return this.#store.isGranted(category);
  }

  /** Resolves once the category is granted; for a name that is not configured, never (one console error). */
  whenGranted(category: string): Promise<void> {
    if (this.isGranted(category)) return Promise.resolve();
    if (!this.#options.categories.some(({ id }) => id === category)) {
      report('when-granted', category);
    }
    return new Promise((resolve) => this.#waiting.set(category, [...(this.#waiting.get(category) ?? []), resolve]));
  }

  /** Records a decision made on this page (a category left out is refused). */
  decide(choices: CategoryChoices, method: ConsentMethod): void {
    this.#store.decide(choices, method);
  }

  /** Grants one configured category or service (`s--<id>`), every other staying as it is (decided or not). */
  grant(category: string): void {
    this.#store.grant(category);
  }

  /** Forgets the decision and deletes every optional category's cookies. */
  forget(): void {
    this.#pendingOrigin = 'reset';
    this.#store.forget();
  }

  /**
   * New options (an attribute changed, the page's language loaded): the stored decision is read
   * again under them, and when the state differs that is a change like any other (integrations
   * told, gate updated, `change` with origin `options`).
   */
  configure(options: ControllerOptions): void {
    this.#options = options;
    const integrations = options.integrations ?? [];
    if (integrations.length !== this.#integrations.length || integrations.some((integration, i) => integration !== this.#integrations[i])) {
      this.#integrations = integrations;
      this.#told = null;
    }
    this.#store.removeEventListener('change', this.#onStoreChange);
    this.#store.stopSync();
    this.#store = this.#newStore(options);
    if (this.#syncing) this.#store.startSync();
    this.#act('options');
  }

  /** Keeps this page in step with the site's other tabs, and gates, while started. */
  start(): void {
    if (this.#syncing) return;
    this.#syncing = true;
    this.#store.startSync();
    if (this.#paused) this.#isolated('gate', () => this.#gate());
    this.#paused = false;
  }

  /** Stops syncing and gating (the banner left the page); `start()` takes both up again. */
  stop(): void {
    this.#syncing = false;
    this.#paused = true;
    this.#store.stopSync();
    pauseGating();
  }

  #newStore({ categories, ...options }: ControllerOptions): ConsentStore {
    // Receipts are a part, only for sites that set receipt-url, fetched ahead so that a decision
    // made just before the visitor leaves still goes out.
    if (options.receiptUrl) this.#receipts ??= import('../effects/integrations/consent-receipt.js');
    const store = new ConsentStore({
      ...options,
      categoryIds: categories.map(({ id }) => id),
      services: Object.fromEntries(categories.flatMap(({ id, services = [] }) => services.map((service) => [serviceIdOf(service), id]))),
    });
    store.addEventListener('change', this.#onStoreChange);
    return store;
  }

  readonly #onStoreChange = (event: Event): void => {
    const origin = this.#pendingOrigin ?? ((event as CustomEvent<{ here: boolean }>).detail.here ? 'page' : 'tab');
    this.#pendingOrigin = null;
    this.#act(origin);
  };

  /** Acts on the current state in the documented order; dispatches `change` unless `announce` is false. */
  #act(origin: ChangeOrigin, announce = true): void {
    const previous = this.#previous ?? this.state;
    const state = this.state;
    this.#previous = state;
    this.#isolated('tell', () => this.#tell());
    this.#isolated('gate', () => this.#gate());
    this.#isolated('delete', () => this.#deleteRefusedCookies(origin === 'reset'));
    const decision = this.decision;
    const { receiptUrl, cookieUrl } = this.#options;
    const sent = [];
    if (origin === 'page' && decision) {
      // A receipt that cannot go never reaches the page.
      if (receiptUrl) sent.push(this.#receipts?.then(({ sendReceipt }) => sendReceipt(receiptUrl, decision), () => {}));
      // Its part loads with the first decision on a page, so that a page view without one never fetches it.
      if (cookieUrl) sent.push(import('../effects/server-cookie.js').then(({ sendToCookieUrl }) => sendToCookieUrl(cookieUrl, decision), () => {}));
    }
    this.#isolated('settle', () => {
      for (const [id, resolvers] of this.#waiting) {
        if (!this.isGranted(id)) continue;
        this.#waiting.delete(id);
        resolvers.forEach((resolve) => resolve());
      }
    });
    if (announce && (origin !== 'options' || JSON.stringify(state) !== JSON.stringify(previous))) {
      this.dispatchEvent(new CustomEvent<ControllerChange>('change', { detail: { state, previous, origin, sent: Promise.all(sent) } }));
    }
  }

  #gate(): void {
    // The gate's keys: a category's id, and `<category>/<service>` for each service of it
    // (data-consent-service), granted as the service is.
    const keys = [
      ...this.#options.categories.map(({ id }) => [id, id]),
      ...Object.entries(this.#store.services).map(([service, category]) => [`${category}/${service}`, SERVICE_PREFIX + service]),
    ];
    setGrantedCategories(
      keys.flatMap(([key, id]) => (this.isGranted(id) ? [key] : [])),
      keys.map(([key]) => key),
      this.#options.blocked,
    );
  }

  /** Tells each integration the state, and what it was when they last heard. */
  #tell(): void {
    if (!this.#integrations.length) return;
    const state = this.state;
    for (const integration of this.#integrations) integration.update(state, this.#told, this.#store.services);
    this.#told = state;
  }

  /**
   * Deletes the refused categories' cookies (L12), after a decision or a withdrawal; with no
   * decision (before a choice) only Matomo's own consent records, which would make Matomo track
   * without asking (the banner's cookie is the record). Never the consent cookie itself. In a
   * refused category, the refused services' cookies go too, but none that a service granted
   * alone declares (docs/services.md).
   */
  #deleteRefusedCookies(withdrawn: boolean): void {
    const refused = this.#options.categories.filter(({ id }) => !this.isGranted(id));
    const { cookieName } = this.#store;
    if (!this.decision && !withdrawn) {
      if (refused.some(({ id }) => id === 'analytics')) deleteCookies(TRACKER_CONSENT_RECORDS, [cookieName]);
      return;
    }
    for (const { id, cookies, services = [] } of refused) {
      const granted = (service: (typeof services)[number]) => this.isGranted(SERVICE_PREFIX + serviceIdOf(service));
      const declared = (service: (typeof services)[number]) => (typeof service === 'object' ? service.cookies ?? [] : []).map(({ name }) => name);
      const kept = services.filter(granted);
      // Until the catalogue has told what a service granted alone declares, only the refused services' cookies go.
      const own = kept.some((service) => typeof service !== 'object') ? [] : [...cookies.map(({ name }) => name), ...(id === 'analytics' ? TRACKER_COOKIES : [])];
      // What a service granted alone declares in this category stays, by name or prefix.
      deleteCookies([...own, ...services.filter((service) => !granted(service)).flatMap(declared)], [cookieName, ...kept.flatMap(declared)]);
    }
  }

  /** Runs one step; a step that throws gets one console error and stops nothing else. */
  #isolated(step: Parameters<(typeof MESSAGES)['step-failed']>[0], run: () => void): void {
    try {
      run();
    } catch (error) {
      report('step-failed', step, error);
    }
  }
}
