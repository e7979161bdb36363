import { ConsentChangeEvent, ConsentReadyEvent, withdrawn } from './events.js';
import { loadLanguageFor, setSiteTexts, stringsForElement, type ConsentStrings } from './i18n/index.js';
import { defaultCategories, mergeCategories, resolveCategories, type ResolvedCategory } from './decision/categories.js';
import { ConsentController, type ControllerChange, type ControllerOptions } from './controller/ConsentController.js';
import { createIntegrations, type ConsentIntegration } from './effects/integrations/index.js';
import { decisionSettings } from './decision/stored-decision.js';
import { SERVICE_PREFIX } from './decision/cookie-codec.js';
import type { CategoryChoices, CategoryConfig, ConsentConfig, ConsentDecision } from './decision/types.js';
import { checkHttpUrl, loadPart, report, type Reporter } from './report.js';
import type { BannerHost, BannerUI } from './ui/banner-ui.js';

/** Where the page's active banner is kept: shared by every copy of the bundle on the page. */
const ACTIVE_BANNER = Symbol.for('consent-banner.active');
type ChoicesModule = typeof import('./ui/choices.js');

/** The properties that follow an attribute, with the attribute's name and how its text converts (as Lit's defaults do). */
const ATTRIBUTES: Record<string, [property: string, type?: typeof Number | typeof Boolean]> = {
  'policy-version': ['policyVersion'],
  'privacy-url': ['privacyUrl'],
  'site-name': ['siteName'],
  organisation: ['organisation'],
  'cookie-name': ['cookieName'],
  'cookie-domain': ['cookieDomain'],
  'max-age-days': ['maxAgeDays', Number],
  'heading-level': ['headingLevel', Number],
  placement: ['placement'],
  'region-label': ['regionLabel'],
  integrations: ['integrations'],
  'receipt-url': ['receiptUrl'],
  'cookie-url': ['cookieUrl'],
  'ignore-gpc': ['ignoreGpc', Boolean],
  'analytics-exempt': ['analyticsExempt', Boolean],
  'reload-on-withdrawal': ['reloadOnWithdrawal', Boolean],
};
const PROPERTIES = [...Object.values(ATTRIBUTES).map(([property]) => property), 'config'];

const STORE_OPTIONS = [
  'policyVersion',
  'cookieName',
  'cookieDomain',
  'maxAgeDays',
  'config',
  'ignoreGpc',
  'receiptUrl',
  'cookieUrl',
  'integrations',
  'analyticsExempt',
] as const;

/**
 * A cookie consent banner that keeps the visitor's choice in one first-party cookie and brings
 * gated scripts, templates and iframes to life once their category is granted.
 *
 * @summary Lawful, accessible cookie consent: a first layer with equal accept and reject, and a
 * dialog with a choice per category.
 *
 * @slot heading - Replaces the first layer's heading text ("Cookies op {site}").
 * @slot message - Replaces the first layer's explanation (organisation and purposes); the link
 *   to the statement, the note on changing the choice later and the buttons stay.
 *
 * @fires {ConsentReadyEvent} consent-ready - Once, after the stored state is read. `detail`: {@link ConsentState}.
 * @fires {ConsentChangeEvent} consent-change - On every change of the state: a choice, a withdrawal, `reset()`, another tab, or an attribute changed after load. `detail`: {@link ConsentState}.
 *
 * @csspart banner - The fixed first layer (question or confirmation).
 * @csspart heading - The heading of the first layer.
 * @csspart button - Every button.
 * @csspart accept - The accept button of the first layer.
 * @csspart reject - The reject button of the first layer.
 * @csspart dialog - The choices dialog.
 *
 * @cssprop [--consent-banner-font-family=system-ui, sans-serif] - Font of all text. Falls back to `--basis-text-font-family-default`, then `--utrecht-document-font-family`; headings to `--basis-heading-font-family`.
 * @cssprop [--consent-banner-font-size=1rem] - Base font size.
 * @cssprop [--consent-banner-color=#1a1a1a] - Text colour.
 * @cssprop [--consent-banner-background=#fff] - Background of the banner and dialog.
 * @cssprop [--consent-banner-accent-color=#154273] - Top border, dialog border and checkboxes. Falls back to the primary button colour of an NL Design System theme (`--nl-button-primary-background-color`, then `--utrecht-button-primary-action-background-color`), so that it matches the buttons.
 * @cssprop [--consent-banner-border-width=4px] - Width of the banner's top border.
 * @cssprop [--consent-banner-link-color=#154273] - Link colour. Falls back to `--nl-link-color`, then `--utrecht-link-color`.
 * @cssprop [--consent-banner-padding=1rem] - Inner spacing.
 * @cssprop [--consent-banner-max-width=60rem] - Width of the banner's content.
 * @cssprop [--consent-banner-z-index=2147483000] - Stacking order of the fixed banner.
 * @cssprop [--consent-banner-target-size=44px] - Minimum height and width of controls.
 * @cssprop [--consent-banner-button-color=#fff] - Text of accept and reject, both. Falls back to `--nl-button-primary-color`, then `--utrecht-button-primary-action-color`.
 * @cssprop [--consent-banner-button-background=#154273] - Background of accept and reject, both. Falls back to `--nl-button-primary-background-color`, then `--utrecht-button-primary-action-background-color`.
 * @cssprop [--consent-banner-button-border-color=#154273] - Border of accept and reject, both. Falls back to `--nl-button-primary-border-color`, then `--utrecht-button-primary-action-border-color`.
 * @cssprop [--consent-banner-button-border-radius=4px] - Corner radius of buttons. Falls back to `--nl-button-border-radius`, then `--utrecht-button-border-radius`.
 * @cssprop [--consent-banner-secondary-button-color=#154273] - Text and border of "choose settings", "save" and "hide". Falls back to `--nl-button-secondary-color`, then `--utrecht-button-secondary-action-color`.
 * @cssprop [--consent-banner-secondary-button-background=#fff] - Background of those buttons. Falls back to `--nl-button-secondary-background-color`, then `--utrecht-button-secondary-action-background-color`.
 * @cssprop [--consent-banner-focus-color=#000] - Focus outline colour. Falls back to `--utrecht-focus-outline-color`, then `--basis-focus-outline-color`.
 * @cssprop [--consent-banner-focus-width=3px] - Focus outline width. Falls back to `--basis-focus-outline-width`.
 */
export class ConsentBanner extends HTMLElement {
  static readonly observedAttributes = Object.keys(ATTRIBUTES);

  // Every property is an accessor: a change renders (when something shows) and reconfigures the
  // controller when it is one of its options.
  static {
    for (const name of PROPERTIES) {
      Object.defineProperty(this.prototype, name, {
        get(this: ConsentBanner) {
          return this.#values[name];
        },
        set(this: ConsentBanner, value: unknown) {
          this.#values[name] = value;
          this.requestUpdate();
        },
        configurable: true,
        enumerable: true,
      });
    }
  }

  /**
   * Version of the cookie/privacy policy; a stored decision for another version is asked again.
   * @attr policy-version
   * @default "1"
   */
  declare policyVersion?: string;

  /**
   * The cookie or privacy statement the first layer links to (http or https).
   * @attr privacy-url
   */
  declare privacyUrl?: string;

  /**
   * Name of the site in the heading; defaults to the host name.
   * @attr site-name
   */
  declare siteName?: string;

  /**
   * The organisation that sets the cookies, as it reads inside a sentence, with its article if it
   * takes one ("het ministerie van Voorbeelden", "the City of Utrecht"); defaults to the site name.
   * @attr organisation
   */
  declare organisation?: string;

  /**
   * Name of the consent cookie.
   * @attr cookie-name
   * @default "consent_banner"
   */
  declare cookieName?: string;

  /**
   * Domain for the consent cookie, to share it with subdomains (default: this host only).
   * @attr cookie-domain
   */
  declare cookieDomain?: string;

  /**
   * Days a decision lasts, acceptance and refusal alike (at most 395).
   * @attr max-age-days
   * @default 182
   */
  declare maxAgeDays?: number;

  /**
   * Level of the first layer's heading, 1 to 6.
   * @attr heading-level
   * @default 2
   */
  declare headingLevel: number;

  /**
   * Where the first layer sits: `bottom`, fixed to the bottom of the viewport over the page (the
   * default; no layout shift), or `top`, in the page's flow where the element is (the NL Design
   * System and GOV.UK pattern: it covers nothing, but pushes the page down as it appears). See
   * "How it looks and where it sits" in the README.
   * @attr placement
   * @default "bottom"
   */
  declare placement: 'bottom' | 'top';

  /**
   * Analytics tools to tell about the decision, space-separated: `matomo`, `matomo-tag-manager`,
   * `google-consent-mode`, `google-tag-manager`, `piwik-pro`, `piwik-pro-tag-manager` (see
   * docs/integrations.md).
   * @attr integrations
   */
  declare integrations?: string;

  /**
   * Where to send a copy of each decision (L13), same-origin recommended; off when not set.
   * @attr receipt-url
   */
  declare receiptUrl?: string;

  /**
   * Where the site's own server sets the consent cookie too (`consentCookieHandler` of
   * `consent-banner/server`): each decision is also sent there, same-origin only, so that the
   * cookie lasts `max-age-days` where one written by script lasts 7 days (Safari, iOS). The
   * browser writes its cookie as well; off when not set.
   * @attr cookie-url
   */
  declare cookieUrl?: string;

  /**
   * Ignore the browser's Global Privacy Control signal (respected by default, I6).
   * @attr ignore-gpc
   * @default false
   */
  declare ignoreGpc: boolean;

  /**
   * The Dutch exempt-analytics mode (Telecommunicatiewet 11.7a, L17): analytics runs without
   * asking, and visitors can turn it off in the choices. Only for first-party analytics that meets
   * the conditions in the README; off by default, which asks consent and is safe in every EU country.
   * @attr analytics-exempt
   * @default false
   */
  declare analyticsExempt: boolean;

  /**
   * Reload the page once after the visitor withdraws consent, for tools that cannot be told (no
   * consent API: what they started keeps running until the page goes). It reloads when a category
   * granted until then is no longer granted, by a choice on this page (the dialog, the cookie
   * page), `reset()` or in another tab, once the new decision is stored and every effect has run
   * (`consent-change` told, the receipt's and `cookie-url`'s requests started); never for a first
   * refusal, a grant, or a change of attributes. See docs/integrations.md, "Tools that cannot be told".
   * @attr reload-on-withdrawal
   * @default false
   */
  declare reloadOnWithdrawal: boolean;

  /**
   * The accessible name of the first layer's region (default "Cookiemelding" / "Cookie banner").
   * @attr region-label
   */
  declare regionLabel?: string;

  /** Categories beyond the defaults; read from a child `<script type="application/json">` when not set. */
  declare config?: ConsentConfig;

  /** The properties' values (the accessors above), with their defaults. */
  #values: Record<string, unknown> = { headingLevel: 2, placement: 'bottom', ignoreGpc: false, analyticsExempt: false, reloadOnWithdrawal: false };
  /** Properties set before the element was defined, until the upgrade has read the attributes. */
  #setBeforeUpgrade?: Set<string>;
  /** The page's consent: deciding, acting on the decision, telling (one per active banner). */
  #controller?: ConsentController;
  /** The configuration as given (property or JSON child), read once per store. */
  #config: ConsentConfig | null = null;
  /** The views (first layer, dialog), once something had to show. */
  #ui?: BannerUI;
  #uiLoading?: Promise<BannerUI>;
  /** The views' part failed to load: the next open tries it again. */
  #retryUI = false;
  #choicesLoading?: Promise<ChoicesModule>;
  #languageLoading?: Promise<void>;
  #categoryConfig: CategoryConfig[] = [];
  /** The controller's options as last configured. */
  #options?: ControllerOptions;
  /** The catalogue part's resolver, once it is there (only for a configuration with services). */
  #resolveServices?: typeof import('./decision/service-catalogue.js').resolveServices;
  #catalogueLoading?: Promise<unknown>;
  #strings: ConsentStrings = stringsForElement(document.documentElement);
  #readySent = false;
  /** The inputs the controller's options were made from; a change to any of them reconfigures it. */
  #storeInputs: unknown[] = [];
  #integrationNames: unknown;
  #integrations: ConsentIntegration[] = [];
  /** Counts decisions: an open requested before the latest one does not happen. */
  #openRequest = 0;
  /** The render in progress or waiting, if any (`updateComplete`). */
  #updating?: Promise<void>;
  #updateRequested = false;
  #resolveConnected!: (controller: ConsentController) => void;
  /** Settles with the controller once the element has connected (for `whenGranted` called before). */
  #connected = new Promise<ConsentController>((resolve) => (this.#resolveConnected = resolve));

  /** What the views read from the element beyond its public API. */
  readonly #host: BannerHost = {
    strings: () => this.#strings,
    asks: () => this.#asks(),
    asked: () => this.#askedCategories(),
    openFrom: (opener) => this.#openFrom(opener, null),
    prefetch: () => this.#prefetch(),
  };

  constructor() {
    super();
    // A property set on the element before the bundle defined it goes through the accessor, and
    // wins over its attribute as with Lit: the upgrade reads the attributes right after this
    // constructor, in the same task, and skips those; later attribute changes count.
    for (const name of PROPERTIES) {
      if (Object.hasOwn(this, name)) {
        const value = (this as Record<string, unknown>)[name];
        delete (this as Record<string, unknown>)[name];
        this.#values[name] = value;
        (this.#setBeforeUpgrade ??= new Set()).add(name);
      }
    }
    if (this.#setBeforeUpgrade) queueMicrotask(() => (this.#setBeforeUpgrade = undefined));
    // The views render here; until then the slotted heading and message stay hidden too.
    if (!this.shadowRoot) this.attachShadow({ mode: 'open' });
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    const [property, type] = ATTRIBUTES[name];
    if (this.#setBeforeUpgrade?.delete(property)) return;
    (this as Record<string, unknown>)[property] =
      type === Boolean ? value !== null : type === Number && value !== null ? Number(value) : value;
  }

  connectedCallback(): void {
    // One banner per page, also when the bundle is loaded twice: a second one stays inactive.
    const active = (window as { [ACTIVE_BANNER]?: ConsentBanner })[ACTIVE_BANNER];
    if (active && active !== this && active.isConnected) {
      report('second-banner');
      return;
    }
    (window as { [ACTIVE_BANNER]?: ConsentBanner })[ACTIVE_BANNER] = this;
    // Attributes a framework sets right after inserting the element (in the same task) count: the
    // stored decision is read and acted on in the update a microtask later (a reconnected banner
    // renders again there). Anything that needs the decision sooner (a method, a property) starts
    // it at once; `updateComplete` waits for this first update.
    this.requestUpdate();
    document.addEventListener('click', this.#onDocumentClick);
    document.addEventListener('pointerover', this.#prefetchForOpener);
    document.addEventListener('focusin', this.#prefetchForOpener);
  }

  /**
   * The page's controller, made from the attributes the first time (then `consent-ready`) and
   * kept in step with the other tabs while connected; none for an inactive (second) banner.
   * A first visit starts loading the views here, as soon as it is clear that the banner asks.
   */
  #start(): ConsentController | undefined {
    if (!this.isConnected || (window as { [ACTIVE_BANNER]?: ConsentBanner })[ACTIVE_BANNER] !== this) return this.#controller;
    if (!this.#controller) {
      this.#configure();
      if (this.#asks()) this.#loadUI().catch(() => {});
    }
    const controller = this.#controller!;
    controller.start();
    if (!this.#readySent) {
      this.#readySent = true;
      /** @ignore The class's `@fires` describes it (the manifest would list it twice, nameless). */
      this.dispatchEvent(new ConsentReadyEvent(controller.state));
    }
    return controller;
  }

  disconnectedCallback(): void {
    document.removeEventListener('click', this.#onDocumentClick);
    document.removeEventListener('pointerover', this.#prefetchForOpener);
    document.removeEventListener('focusin', this.#prefetchForOpener);
    this.#controller?.stop();
    this.#ui?.disconnected();
  }

  /**
   * Asks for a render: a microtask later, after the views have loaded when something shows for
   * the first time. Properties and decisions ask by themselves.
   */
  requestUpdate(): void {
    this.#updateRequested = true;
    this.#updating ??= (async () => {
      await null;
      while (this.#updateRequested) {
        this.#updateRequested = false;
        try {
          await this.#update();
        } catch (reason) {
          report('render-failed', reason);
        }
      }
      this.#updating = undefined;
    })();
  }

  /**
   * Resolves once the pending render is done (the views loaded and rendered, when something
   * shows): `true`, or `false` when another render was asked for meanwhile. At once when nothing
   * is pending.
   */
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(this.#updating).then(() => !this.#updating);
  }

  async #update(): Promise<void> {
    // Removed again in the same task, or the page's second banner: nothing to set up.
    if (!this.#start()) return;
    // Object.is: a NaN from a non-numeric max-age-days is the same input, not a new one each render.
    if (STORE_OPTIONS.some((name, index) => !Object.is(this[name], this.#storeInputs[index]))) this.#configure();
    if (!this.#ui && !this.#asks()) return;
    // A part that did not load was reported; nothing optional runs without a choice.
    const ui = await this.#loadUI().catch(() => null);
    ui?.render();
    // The first layer shows: the dialog's code comes next (once), so that "Zelf kiezen" opens at once.
    if (ui && !this.#choicesLoading && this.#asks()) this.#prefetch();
  }

  /** The current decision, or `null` when the visitor has not decided (or it expired). */
  get consent(): ConsentDecision | null {
    return this.#start()?.decision ?? null;
  }

  /** The organisation as shown: `organisation`, else `site-name`, else the host name. */
  get organisationName(): string {
    return this.organisation || this.siteName || location.hostname;
  }

  /** The configured categories, `necessary` first, with their texts in the banner's language. */
  get categories(): ResolvedCategory[] {
    return resolveCategories(this.#categoryConfig, this.#strings.lang);
  }

  /**
   * Whether a configured category is granted now, or with `service`, that service of the category
   * (granted with its category or on its own, docs/services.md). `necessary` always is; any other
   * name never.
   */
  hasConsent(category: string, service?: string): boolean {
    const id = service === undefined ? category : this.#serviceKey(category, service);
    return this.#start()?.isGranted(id) ?? id === 'necessary';
  }

  /**
   * Resolves once the category is granted: at once when it already is, else on a later decision.
   * For a name that is not a configured category it never resolves (one console error).
   */
  whenGranted(category: string): Promise<void> {
    // Before the element connects there is no controller yet: ask it once there is one.
    return this.#start()?.whenGranted(category) ?? this.#connected.then((controller) => controller.whenGranted(category));
  }

  /** Grants every optional category. */
  acceptAll(): void {
    this.#decide(null, (controller) => controller.decide(this.#choicesForAll(controller, true), 'accept-all'));
  }

  /** Refuses every optional category and deletes their cookies. */
  rejectAll(): void {
    this.#decide(null, (controller) => controller.decide(this.#choicesForAll(controller, false), 'reject-all'));
  }

  /**
   * Stores a choice per category (`{ analytics: true }`); a category left out is refused. A service
   * of a refused category is granted with `"s--<id>": true` and refused with `false`; one left out
   * keeps its stored choice (docs/services.md).
   */
  save(choices: CategoryChoices): void {
    this.#decide(null, (controller) => controller.decide(choices, 'custom'));
  }

  /**
   * Grants one optional category and leaves the others as they are: decided ones keep their
   * choice, undecided ones stay undecided and the first layer still asks about them (what a
   * placeholder's "Altijd accepteren" does). A name that is no optional configured category gets
   * one console error and changes nothing. With `service`, grants that service of the category
   * only (docs/services.md).
   */
  grant(category: string, service?: string): void {
    const controller = this.#start();
    if (!controller) return;
    const id = service === undefined ? category : this.#serviceKey(category, service);
    if (id === 'necessary' || !controller.store.categoryIds.includes(category) || !id) {
      report('grant', category, service);
      return;
    }
    this.#decide([id], () => controller.grant(id));
  }

  /** The store's id of a service of the category (`s--<id>`), or `''` when it is not one of it. */
  #serviceKey(category: string, service: string): string {
    return this.#start()?.store.services[service] === category ? SERVICE_PREFIX + service : '';
  }

  /**
   * Opens the choices dialog, showing the current state. The dialog's code loads the first time
   * (parts next to the bundle); the promise settles once the dialog is open, or without opening
   * it when a decision was made meanwhile, and rejects when a part cannot load.
   */
  showPreferences(): Promise<void> {
    return this.#show(null);
  }

  /** Forgets the decision, deletes the optional categories' cookies and shows the banner again. */
  reset(): void {
    this.#start()?.forget();
  }

  /** Opens the dialog; focus goes back to `opener` (an element outside the banner) after a choice in it. */
  async #show(opener: HTMLElement | null): Promise<void> {
    if (!this.#start()) return;
    const request = this.#openRequest;
    const ui = await this.#loadDialog();
    await this.updateComplete;
    // Removed from the page, or decided (the first layer's buttons), while the code loaded: nothing to open.
    if (this.isConnected && request === this.#openRequest) ui.openDialog(opener);
  }

  /**
   * The views (their Lit and texts), loaded once, with the page's language when it comes as a
   * part. A load that failed stays failed for renders (its error was reported once); an opener
   * tries again.
   */
  #loadUI(): Promise<BannerUI> {
    if (!this.#uiLoading) {
      this.#uiLoading = loadPart(Promise.all([import('./ui/banner-ui.js'), this.#loadLanguage(), this.#catalogueLoading])).then(
        ([{ BannerUI }]) => (this.#ui ??= new BannerUI(this, this.shadowRoot!, this.#host)),
      );
      // Only a failure of this load is tried again (by the next open, #loadDialog), not one of a part loaded beside it.
      this.#uiLoading.catch(() => (this.#retryUI = true));
    }
    return this.#uiLoading;
  }

  /**
   * The views and the dialog's code (one part, with its texts), both requested at once; tried
   * again on the next open when something failed. Also started ahead, when a pointer or focus
   * reaches an opener, and once the first layer shows.
   */
  #loadDialog(): Promise<BannerUI> {
    if (this.#retryUI) {
      this.#retryUI = false;
      this.#uiLoading = undefined;
    }
    this.#choicesLoading ??= loadPart(import('./ui/choices.js'));
    const loading = Promise.all([this.#loadUI(), this.#choicesLoading]).then(([ui, choices]) => {
      ui.addChoices(choices);
      return ui;
    });
    loading.catch(() => {
      if (!this.#ui?.choicesLoaded) this.#choicesLoading = undefined;
    });
    return loading;
  }

  /**
   * The page's language, when it comes as a part (Frisian, German, French): loaded with the first
   * thing that shows texts; the categories' texts follow it.
   */
  #loadLanguage(): Promise<void> {
    this.#languageLoading ??= (loadLanguageFor(this) ?? Promise.resolve()).then(() => {
      const strings = stringsForElement(this);
      if (strings === this.#strings) return;
      // Same categories, texts in the page's language; their mistakes were reported already.
      this.#strings = strings;
      this.#categoryConfig = this.#buildCategories(() => {});
    });
    return this.#languageLoading;
  }

  /**
   * Opens the choices for an opener (a `data-consent-open` element, or "Zelf kiezen" without
   * `focusBack`): while the code loads, the opener is `aria-busy` and says "Laden…"; when it
   * cannot load, a link goes where its `href` says (the cookie statement).
   */
  #openFrom(opener: HTMLElement, focusBack: HTMLElement | null): void {
    const opening = this.#show(focusBack);
    if (!this.#ui?.choicesLoaded && !opener.hasAttribute('aria-busy')) {
      const note = document.createElement('span');
      // Said in the page's language and marked with it; on a Frisian, German or French page that is
      // English until the language's part has loaded, then its own words.
      const say = () => {
        note.textContent = ` ${this.#strings.loading}`;
        note.lang = this.#strings.lang;
      };
      say();
      void this.#loadLanguage().then(say);
      opener.setAttribute('aria-busy', 'true');
      opener.append(note);
      const done = () => {
        note.remove();
        opener.removeAttribute('aria-busy');
      };
      opening.then(done, done);
    }
    opening.catch(() => {
      if (opener instanceof HTMLAnchorElement && opener.href) location.assign(opener.href);
    });
  }

  /**
   * Reads the attributes and the configuration into the controller's options: creates the
   * page's controller, or gives it the new options when one changed after load (a change like any
   * other, L14, I3).
   */
  #configure(): void {
    this.#storeInputs = STORE_OPTIONS.map((name) => this[name]);
    this.#config = this.config ?? this.#readConfigChild();
    setSiteTexts(this.#config?.texts);
    this.#strings = stringsForElement(this);
    this.#categoryConfig = this.#buildCategories(report);
    if (this.integrations !== undefined && typeof this.integrations !== 'string') {
      report('integrations-type', this.integrations);
    }
    const receiptUrl = this.receiptUrl === undefined ? null : checkHttpUrl(this.receiptUrl, 'receipt-url');
    const options: ControllerOptions = {
      categories: this.#categoryConfig,
      policyVersion: this.policyVersion,
      cookieName: this.cookieName,
      cookieDomain: this.cookieDomain,
      maxAgeDays: this.maxAgeDays,
      respectGpc: !this.ignoreGpc,
      withConsentId: Boolean(receiptUrl),
      exemptCategories: this.analyticsExempt ? ['analytics'] : [],
      receiptUrl,
      cookieUrl: this.cookieUrl,
      blocked: this.#placehold,
      integrations: this.#integrationsFor(this.integrations),
    };
    this.#options = options;
    // Services get their texts and cookies from the catalogue, a part fetched only when the
    // configuration names any; meanwhile they follow their category's choice, and the views, the
    // cookie page and placeholders wait for it (it loads beside them), so that none shows a
    // category without its services. A catalogue that cannot load was reported; they show then without.
    if (!this.#catalogueLoading && this.#categoryConfig.some(({ services }) => services?.length)) {
      this.#catalogueLoading = loadPart(import('./decision/service-catalogue.js')).then(({ resolveServices }) => {
        this.#resolveServices = resolveServices;
        this.#categoryConfig = this.#buildCategories(() => {}, report);
        this.#controller?.configure({ ...this.#options!, categories: this.#categoryConfig });
        this.requestUpdate();
      }, () => {});
    }
    const controller = this.#controller;
    if (controller) controller.configure(options);
    else {
      this.#controller = new ConsentController(options);
      this.#controller.addEventListener('change', this.#onChange);
      this.#resolveConnected(this.#controller);
    }
    // The cookie page's element, once the page's language is there (it renders at once).
    if (document.querySelector('consent-preferences')) {
      void Promise.all([this.#loadLanguage(), this.#catalogueLoading]).then(() => loadPart(import('./consent-preferences.js')).catch(() => {}));
    }
    this.#ui?.reconsider();
  }

  /**
   * The adapters of the tools `integrations` names (Matomo's in the bundle, the others parts
   * fetched here); the same adapters while the names stay the same.
   */
  #integrationsFor(names: unknown): ConsentIntegration[] {
    if (names !== this.#integrationNames) {
      this.#integrationNames = names;
      this.#integrations = createIntegrations(typeof names === 'string' ? names : undefined);
    }
    return this.#integrations;
  }

  /** The categories, their cookies listed as the store really writes them (the checked name and lifetime). */
  #buildCategories(reportMistake: Reporter, reportService = reportMistake): CategoryConfig[] {
    // Quiet here: the store reports these settings' mistakes once.
    const { cookieName, maxAgeDays } = decisionSettings(this);
    const categories = mergeCategories(this.#config, defaultCategories(this.#strings, cookieName, maxAgeDays), cookieName, reportMistake);
    return this.#resolveServices?.(categories, cookieName, reportService) ?? categories;
  }

  /**
   * The JSON configuration child: the first `<script>` inside the element whose type is
   * `application/json` (parameters such as `; charset=utf-8` allowed), also when a CMS wrapped it
   * in another element or its text in `<!-- -->` or `<![CDATA[ ]]>`.
   */
  #readConfigChild(): ConsentConfig | null {
    const child = [...this.querySelectorAll('script')].find(
      (script) => script.type.split(';')[0].trim().toLowerCase() === 'application/json',
    );
    if (!child) return null;
    const text = (child.textContent ?? '').trim().replace(/^(<!--|<!\[CDATA\[)|(-->|\]\]>)$/g, '');
    try {
      return JSON.parse(text) as ConsentConfig;
    } catch (reason) {
      report('json-config', reason);
      return null;
    }
  }

  /** Records a decision about `decided` (`null`: every category); the first layer turns into its confirmation. */
  #decide(decided: string[] | null, record: (controller: ConsentController) => void): void {
    const controller = this.#start();
    if (!controller) return;
    this.#ui?.deciding(decided);
    // A dialog still loading for an opener does not open over the decision.
    this.#openRequest++;
    record(controller);
  }

  readonly #onChange = (event: Event): void => {
    const { state, previous, origin, sent } = (event as CustomEvent<ControllerChange>).detail;
    this.#ui?.changed(origin);
    this.dispatchEvent(new ConsentChangeEvent(state));
    this.requestUpdate();
    // A tool without a consent API stops only with the page (L12); the reloaded page reads the
    // stored decision, which withdraws nothing, so it does not reload again.
    if (this.reloadOnWithdrawal && origin !== 'options' && withdrawn(previous, state)) void sent.then(() => location.reload());
  };

  /**
   * Puts a click-to-load placeholder in place of a blocked iframe or embed (L18), once. An iframe is
   * hidden at once (its empty box would show until the placeholder's part is there); a template or
   * script shows nothing, and gets no style attribute, which its runnable copy would carry into a
   * strict CSP.
   */
  readonly #placehold = (element: HTMLElement): void => {
    if (element.hasAttribute('data-consent-placeholder')) return;
    element.setAttribute('data-consent-placeholder', '');
    if (element instanceof HTMLIFrameElement) {
      element.hidden = true;
      element.style.display = 'none';
    }
    loadPart(Promise.all([import('./consent-placeholder.js'), this.#loadLanguage(), this.#catalogueLoading])).then(
      ([{ ConsentPlaceholder }]) => ConsentPlaceholder.standIn(element, this),
      () => {},
    );
  };

  /**
   * Whether the first layer asks: not on the cookie page (A17), and a category left to ask about.
   */
  #asks(): boolean {
    return !document.querySelector('consent-preferences') && this.#askedCategories().length > 0;
  }

  /**
   * The optional categories the first layer asks about: the undecided ones (all without a
   * decision) but the exempt ones (L17).
   */
  #askedCategories(): ResolvedCategory[] {
    const undecided = this.#start()?.undecided ?? [];
    return this.categories.filter(({ id }) => undecided.includes(id));
  }

  /** Every category (and so every service) granted or refused. */
  #choicesForAll({ store }: ConsentController, granted: boolean): CategoryChoices {
    return Object.fromEntries([...this.#categoryConfig.map(({ id }) => id), ...Object.keys(store.services).map((id) => SERVICE_PREFIX + id)].map((id) => [id, granted]));
  }

  readonly #onDocumentClick = (event: MouseEvent): void => {
    // Through shadow roots too: an opener in a site's own web component counts.
    const opener = event
      .composedPath()
      .find((target): target is HTMLElement => target instanceof HTMLElement && target.hasAttribute('data-consent-open'));
    if (!opener || event.defaultPrevented) return;
    event.preventDefault();
    this.#openFrom(opener, opener);
  };

  /** A pointer or focus on an opener: the dialog's code starts loading, so it opens at once on the click. */
  #prefetch(): void {
    if (this.#controller) this.#loadDialog().catch(() => {});
  }

  /** The same for a pointer or focus anywhere on the page that reaches a `data-consent-open` element. */
  readonly #prefetchForOpener = (event: Event): void => {
    if (!this.#choicesLoading && event.composedPath().some((target) => target instanceof HTMLElement && target.hasAttribute('data-consent-open'))) {
      this.#prefetch();
    }
  };
}

