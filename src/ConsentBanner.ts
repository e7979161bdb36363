import { adoptStyles, html, LitElement, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ConsentChangeEvent, ConsentReadyEvent } from './events.js';
import { format, loadLanguageFor, stringsFor, stringsForElement, type ConsentStrings } from './i18n/index.js';
import { defaultCategories, mergeCategories, resolveCategories, type ResolvedCategory } from './store/categories.js';
import { ConsentController, type ControllerChange, type ControllerOptions } from './controller/ConsentController.js';
import { createIntegrations, type ConsentIntegration } from './integrations/index.js';
import { decisionSettings, describeValue } from './store/stored-decision.js';
import type { CategoryChoices, CategoryConfig, ConsentConfig, ConsentDecision, ConsentMethod } from './store/types.js';
import { PageSpace } from './ui/page-space.js';
import { report } from './report.js';
import { confirmationText, renderConfirmation, renderQuestion } from './ui/banner-view.js';
import { styles } from './ui/styles.js';

type View = 'question' | 'confirmation' | 'hidden';

/** Where the page's active banner is kept: shared by every copy of the bundle on the page. */
const ACTIVE_BANNER = Symbol.for('consent-banner.active');
type ChoicesModule = typeof import('./ui/choices.js');

const STORE_OPTIONS = [
  'policyVersion',
  'cookieName',
  'cookieDomain',
  'maxAgeDays',
  'config',
  'ignoreGpc',
  'receiptUrl',
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
 * @fires consent-ready - Once, after the stored state is read. `detail`: {@link ConsentState}.
 * @fires consent-change - On every change of the state: a choice, a withdrawal, `reset()`, another tab, or an attribute changed after load. `detail`: {@link ConsentState}.
 *
 * @csspart banner - The fixed first layer (question or confirmation).
 * @csspart heading - The heading of the first layer.
 * @csspart button - Every button.
 * @csspart accept - The accept button of the first layer.
 * @csspart reject - The reject button of the first layer.
 * @csspart dialog - The choices dialog.
 *
 * @cssprop --consent-banner-font-family - Font of all text. Falls back to `--basis-text-font-family-default`, then `--utrecht-document-font-family`.
 * @cssprop --consent-banner-font-size - Base font size (default `1rem`).
 * @cssprop --consent-banner-color - Text colour (default `#1a1a1a`).
 * @cssprop --consent-banner-background - Background of the banner and dialog (default `#fff`).
 * @cssprop --consent-banner-accent-color - Top border, dialog border and checkboxes (default `#154273`).
 * @cssprop --consent-banner-border-width - Width of the banner's top border (default `4px`).
 * @cssprop --consent-banner-link-color - Link colour (default `#154273`). Falls back to `--nl-link-color`, then `--utrecht-link-color`.
 * @cssprop --consent-banner-padding - Inner spacing (default `1rem`).
 * @cssprop --consent-banner-max-width - Width of the banner's content (default `60rem`).
 * @cssprop --consent-banner-z-index - Stacking order of the fixed banner (default `2147483000`).
 * @cssprop --consent-banner-target-size - Minimum height and width of controls (default `44px`).
 * @cssprop --consent-banner-button-color - Text of accept and reject, both (default `#fff`). Falls back to `--nl-button-primary-color`, then `--utrecht-button-primary-action-color`.
 * @cssprop --consent-banner-button-background - Background of accept and reject, both (default `#154273`). Falls back to `--nl-button-primary-background-color`, then `--utrecht-button-primary-action-background-color`.
 * @cssprop --consent-banner-button-border-color - Border of accept and reject, both. Falls back to `--nl-button-primary-border-color`, then `--utrecht-button-primary-action-border-color`.
 * @cssprop --consent-banner-button-border-radius - Corner radius of buttons (default `4px`). Falls back to `--nl-button-border-radius`, then `--utrecht-button-border-radius`.
 * @cssprop --consent-banner-secondary-button-color - Text and border of "choose settings", "save" and "hide" (default `#154273`). Falls back to `--nl-button-secondary-color`, then `--utrecht-button-secondary-action-color`.
 * @cssprop --consent-banner-secondary-button-background - Background of those buttons (default `#fff`). Falls back to `--nl-button-secondary-background-color`, then `--utrecht-button-secondary-action-background-color`.
 * @cssprop --consent-banner-focus-color - Focus outline colour (default `#000`). Falls back to `--utrecht-focus-outline-color`, then `--basis-focus-outline-color`.
 * @cssprop --consent-banner-focus-width - Focus outline width (default `3px`).
 */
export class ConsentBanner extends LitElement {
  static override properties: PropertyDeclarations = {
    policyVersion: { attribute: 'policy-version' },
    privacyUrl: { attribute: 'privacy-url' },
    siteName: { attribute: 'site-name' },
    organisation: {},
    cookieName: { attribute: 'cookie-name' },
    cookieDomain: { attribute: 'cookie-domain' },
    maxAgeDays: { attribute: 'max-age-days', type: Number },
    headingLevel: { attribute: 'heading-level', type: Number },
    regionLabel: { attribute: 'region-label' },
    integrations: {},
    receiptUrl: { attribute: 'receipt-url' },
    ignoreGpc: { attribute: 'ignore-gpc', type: Boolean },
    analyticsExempt: { attribute: 'analytics-exempt', type: Boolean },
    config: { attribute: false },
    view: { state: true, attribute: false },
  };

  static override styles = styles;

  /** Version of the cookie/privacy policy; a stored decision for another version is asked again. */
  policyVersion?: string;

  /** The cookie or privacy statement the first layer links to (http or https). */
  privacyUrl?: string;

  /** Name of the site in the heading; defaults to the host name. */
  siteName?: string;

  /** The organisation that sets the cookies; defaults to the site name. */
  organisation?: string;

  /** Name of the consent cookie (default `consent_banner`). */
  cookieName?: string;

  /** Domain for the consent cookie, to share it with subdomains (default: this host only). */
  cookieDomain?: string;

  /** Days a decision lasts, acceptance and refusal alike (default 182, at most 395). */
  maxAgeDays?: number;

  /** Level of the first layer's heading, 1 to 6 (default 2). */
  headingLevel = 2;

  /**
   * Analytics tools to tell about the decision, space-separated: `matomo`, `matomo-tag-manager`,
   * `google-consent-mode` (see docs/integrations.md).
   */
  integrations?: string;

  /** Where to send a copy of each decision (L13), same-origin recommended; off when not set. */
  receiptUrl?: string;

  /** Ignore the browser's Global Privacy Control signal (respected by default, I6). */
  ignoreGpc = false;

  /**
   * The Dutch exempt-analytics mode (Telecommunicatiewet 11.7a, L17): analytics runs without
   * asking, and visitors can turn it off in the choices. Only for first-party analytics that meets
   * the conditions in the README; off by default, which asks consent and is safe in every EU country.
   */
  analyticsExempt = false;

  /** The accessible name of the first layer's region (default "Cookiemelding" / "Cookie banner"). */
  regionLabel?: string;

  /** Categories beyond the defaults; read from a child `<script type="application/json">` when not set. */
  config?: ConsentConfig;

  /** @internal What the first layer shows. */
  private view: View = 'hidden';

  /** The page's consent: deciding, acting on the decision, telling (one per active banner). */
  #controller?: ConsentController;
  /** The configuration as given (property or JSON child), read once per store. */
  #config: ConsentConfig | null = null;
  /** The page's language is a part that is still loading: the first layer waits for it. */
  #languageLoading = false;
  /** The dialog's code, once loaded. */
  #choices?: ChoicesModule;
  #choicesLoading?: Promise<ChoicesModule>;
  #categoryConfig: CategoryConfig[] = [];
  #strings: ConsentStrings = stringsFor(null);
  #readySent = false;
  /** The inputs the controller's options were made from; a change to any of them reconfigures it. */
  #storeInputs: unknown[] = [];
  #focusConfirmation = false;
  /** The element outside the banner that opened the open dialog. */
  #opener: HTMLElement | null = null;
  /** Where focus goes when the confirmation hides: the opener of the dialog the decision came from. */
  #focusAfterHide: HTMLElement | null = null;
  /** Room at the end of the page while the banner shows (A7, A20). */
  #pageSpace = new PageSpace();
  #privacyHref: string | null = null;
  #integrationNames: unknown;
  #integrations: ConsentIntegration[] = [];
  /** Counts decisions: an open requested before the latest one does not happen. */
  #openRequest = 0;
  #resolveConnected!: (controller: ConsentController) => void;
  /** Settles with the controller once the element has connected (for `whenGranted` called before). */
  #connected = new Promise<ConsentController>((resolve) => (this.#resolveConnected = resolve));
  #headingLevel = 2;

  // No render root yet in the microtask between connecting and Lit's set-up.
  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector('dialog') ?? null;
  }

  get #confirmation(): HTMLElement | null {
    return this.renderRoot?.querySelector('.confirmation') ?? null;
  }

  override connectedCallback(): void {
    // One banner per page, also when the bundle is loaded twice: a second one stays inactive.
    const active = (window as { [ACTIVE_BANNER]?: ConsentBanner })[ACTIVE_BANNER];
    if (active && active !== this && active.isConnected) {
      super.connectedCallback();
      report('this page has more than one <consent-banner>; the extra one does nothing.');
      return;
    }
    (window as { [ACTIVE_BANNER]?: ConsentBanner })[ACTIVE_BANNER] = this;
    // Attributes a framework sets right after inserting the element (in the same task) count: the
    // stored decision is read and acted on a microtask later, still before Lit sets up the shadow
    // root and its styles, so a returning visitor's gated scripts wait for nothing that shows.
    // Anything that needs the decision sooner (a method, a property) starts it at once.
    queueMicrotask(() => {
      // Removed again in the same task, or the page's second banner: nothing to set up.
      if (!this.isConnected || !this.#start()) return;
      super.connectedCallback();
      if (this.hasUpdated && this.view !== 'hidden') this.#reserveSpace();
    });
    document.addEventListener('click', this.#onDocumentClick);
    document.addEventListener('pointerover', this.#prefetchForOpener);
    document.addEventListener('focusin', this.#prefetchForOpener);
  }

  /**
   * The page's controller, made from the attributes the first time (then `consent-ready`) and
   * kept in step with the other tabs while connected; none for an inactive (second) banner.
   */
  #start(): ConsentController | undefined {
    if (!this.isConnected || (window as { [ACTIVE_BANNER]?: ConsentBanner })[ACTIVE_BANNER] !== this) return this.#controller;
    if (!this.#controller) this.#configure();
    const controller = this.#controller!;
    controller.start();
    if (!this.#readySent) {
      this.#readySent = true;
      this.dispatchEvent(new ConsentReadyEvent(controller.state));
    }
    return controller;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('click', this.#onDocumentClick);
    document.removeEventListener('pointerover', this.#prefetchForOpener);
    document.removeEventListener('focusin', this.#prefetchForOpener);
    this.#controller?.stop();
    this.#pageSpace.release();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#start();
    // Object.is: a NaN from a non-numeric max-age-days is the same input, not a new one each render.
    if (this.#controller && STORE_OPTIONS.some((name, index) => !Object.is(this[name], this.#storeInputs[index]))) this.#configure();
    if (changed.has('privacyUrl') || !this.hasUpdated) this.#privacyHref = checkHttpUrl(this.privacyUrl, 'privacy-url', 'The link to the cookie statement (L9) is left out.');
    if (changed.has('headingLevel') || !this.hasUpdated) this.#headingLevel = checkHeadingLevel(this.headingLevel);
  }

  protected override updated(): void {
    if (this.view === 'hidden') this.#pageSpace.release();
    else this.#reserveSpace();
    if (this.#focusConfirmation && this.#confirmation) {
      this.#focusConfirmation = false;
      this.#confirmation.focus();
    }
  }

  /** The current decision, or `null` when the visitor has not decided (or it expired). */
  get consent(): ConsentDecision | null {
    return this.#start()?.decision ?? null;
  }

  /** The organisation as shown: `organisation`, else `site-name`, else the host name. */
  get organisationName(): string {
    return this.organisation || this.#siteLabel();
  }

  /** The configured categories, `necessary` first, with their texts in the banner's language. */
  get categories(): ResolvedCategory[] {
    return resolveCategories(this.#categoryConfig, this.#strings.lang);
  }

  /** Whether a configured category is granted now. `necessary` always is; any other name never. */
  hasConsent(category: string): boolean {
    return this.#start()?.isGranted(category) ?? category === 'necessary';
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
    this.#decide(this.#choicesForAll(true), 'accept-all');
  }

  /** Refuses every optional category and deletes their cookies. */
  rejectAll(): void {
    this.#decide(this.#choicesForAll(false), 'reject-all');
  }

  /** Stores a choice per category (`{ analytics: true }`); a category left out is refused. */
  save(choices: CategoryChoices): void {
    this.#decide(choices, 'custom');
  }

  /**
   * Opens the choices dialog, showing the current state. The dialog's code loads the first time
   * (a part next to the bundle); the promise settles once the dialog is open, or without opening
   * it when a decision was made meanwhile, and rejects when the part cannot load.
   */
  async showPreferences(): Promise<void> {
    if (!this.#start()) return;
    const request = this.#openRequest;
    await this.#loadChoices();
    await this.updateComplete;
    // Removed from the page, or decided (the first layer's buttons), while the code loaded: nothing to open.
    if (!this.isConnected || this.#dialog?.open || request !== this.#openRequest) return;
    // Render now, so the checkboxes show the current state as the dialog opens.
    this.requestUpdate();
    this.performUpdate();
    this.#dialog?.showModal();
  }

  /**
   * The dialog's code, one part (its texts fetched alongside, not after it), loaded once; tried
   * again on the next open when it failed. Also started ahead, when a pointer or focus reaches an
   * opener.
   */
  #loadChoices(): Promise<ChoicesModule> {
    this.#choicesLoading ??= loadPart(Promise.all([import('./ui/choices.js'), import('./i18n/details.js')])).then(
      ([choices]) => {
        // Lit's own way to add styles: constructable style sheets, or <style> where those are missing.
        adoptStyles(this.renderRoot as ShadowRoot, [...ConsentBanner.elementStyles, choices.choicesStyles]);
        return (this.#choices = choices);
      },
      (reason) => {
        this.#choicesLoading = undefined;
        throw reason;
      },
    );
    return this.#choicesLoading;
  }

  /**
   * Opens the choices for an opener (a `data-consent-open` element or "Zelf kiezen"): while the
   * code loads, the opener is `aria-busy` and says "Laden…"; when it cannot load, a link goes
   * where its `href` says (the cookie statement).
   */
  #openFrom(opener: HTMLElement): void {
    const opening = this.showPreferences();
    if (!this.#choices && !opener.hasAttribute('aria-busy')) {
      const note = document.createElement('span');
      note.textContent = ` ${this.#strings.loading}`;
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

  /** Forgets the decision, deletes the optional categories' cookies and shows the banner again. */
  reset(): void {
    this.#start()?.forget();
  }

  override render() {
    const s = this.#strings;
    const banner =
      this.view === 'hidden' || this.#languageLoading
        ? nothing
        : html`<section class="banner" part="banner" aria-label=${this.regionLabel || s.region} lang=${s.lang} dir=${s.dir} data-nosnippet>
            ${this.view === 'confirmation' ? this.#renderConfirmation() : this.#renderQuestion()}
          </section>`;
    return html`${banner}${this.#choices ? this.#renderDialog(this.#choices) : nothing}`;
  }

  #renderQuestion() {
    return renderQuestion({
      strings: this.#strings,
      heading: format(this.#strings.heading, { site: this.#siteLabel() }),
      headingLevel: this.#headingLevel,
      organisation: this.organisationName,
      privacyHref: this.#privacyHref,
      asked: this.#askedCategories(),
      accept: () => this.#fromQuestion(this.acceptAll),
      reject: () => this.#fromQuestion(this.rejectAll),
      choose: this.#onChoose,
      prefetch: this.#prefetch,
    });
  }

  #renderConfirmation() {
    return renderConfirmation(
      this.#strings,
      confirmationText(this.#strings, this.categories, (id) => this.hasConsent(id)),
      () => this.#hideConfirmation(),
    );
  }

  #renderDialog({ renderChoices, choicesViewOf }: ChoicesModule) {
    const s = this.#strings;
    return html`<dialog part="dialog" aria-labelledby="title" lang=${s.lang} dir=${s.dir} @close=${this.#onDialogClose}>
      ${renderChoices(
        choicesViewOf(this, s, {
          save: (choices) => this.save(choices),
          acceptAll: () => this.acceptAll(),
          rejectAll: () => this.rejectAll(),
          close: () => this.#dialog?.close(),
        }),
      )}
    </dialog>`;
  }

  /**
   * Reads the attributes and the configuration into the controller's options: creates the
   * page's controller, or gives it the new options when one changed after load (a change like any
   * other, L14, I3).
   */
  #configure(): void {
    this.#storeInputs = STORE_OPTIONS.map((name) => this[name]);
    this.#strings = stringsForElement(this);
    this.#config = this.config ?? this.#readConfigChild();
    this.#categoryConfig = this.#buildCategories(report);
    if (this.integrations !== undefined && typeof this.integrations !== 'string') {
      report(`integrations must be a string such as "matomo"; got ${describeValue(this.integrations)}. Ignored.`);
    }
    const languagePart = loadLanguageFor(this);
    this.#languageLoading = Boolean(languagePart);
    void languagePart?.then(() => {
      // Same categories, texts in the page's language; their mistakes were reported already.
      this.#languageLoading = false;
      this.#strings = stringsForElement(this);
      this.#categoryConfig = this.#buildCategories(() => {});
      this.requestUpdate();
    });
    const receiptUrl = this.receiptUrl === undefined ? null : checkHttpUrl(this.receiptUrl, 'receipt-url', 'No receipts are sent.');
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
      blockedIframe: this.#placeholdBlockedIframe,
      integrations: this.#integrationsFor(this.integrations),
    };
    const controller = this.#controller;
    if (controller) controller.configure(options);
    else {
      this.#controller = new ConsentController(options);
      this.#controller.addEventListener('change', this.#onChange);
      this.#resolveConnected(this.#controller);
    }
    if (document.querySelector('consent-preferences')) loadPart(import('./consent-preferences.js')).catch(() => {});
    if (this.view !== 'confirmation') this.view = this.#asks() ? 'question' : 'hidden';
  }

  /**
   * The adapters of the tools `integrations` names, in the bundle so that they hear the stored
   * state before any gated element comes alive (a tool's cached script must not run first);
   * the same adapters while the names stay the same.
   */
  #integrationsFor(names: unknown): ConsentIntegration[] {
    if (names !== this.#integrationNames) {
      this.#integrationNames = names;
      this.#integrations = createIntegrations(typeof names === 'string' ? names : undefined);
    }
    return this.#integrations;
  }

  /** The categories, their cookies listed as the store really writes them (the checked name and lifetime). */
  #buildCategories(reportMistake: (message: string) => void): CategoryConfig[] {
    // Quiet here: the store reports these settings' mistakes once.
    const { cookieName, maxAgeDays } = decisionSettings(this);
    return mergeCategories(this.#config, defaultCategories(this.#strings, cookieName, maxAgeDays), cookieName, reportMistake);
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
      report(`the JSON configuration cannot be parsed (${reason}); using the default categories.`);
      return null;
    }
  }

  #decide(choices: CategoryChoices, method: ConsentMethod): void {
    const controller = this.#start();
    if (!controller) return;
    if (this.view === 'question' || this.#dialog?.open) {
      this.view = 'confirmation';
      // Focus follows a choice made in the banner (its buttons, its dialog), not one made
      // elsewhere (a placeholder, the page's own code).
      if (this.#dialog?.open) this.#focusConfirmation = true;
      this.#focusAfterHide = this.#dialog?.open ? this.#opener : null;
    }
    this.#dialog?.close();
    // A dialog still loading for an opener does not open over the decision.
    this.#openRequest++;
    controller.decide(choices, method);
  }

  readonly #onChange = (event: Event): void => {
    const { state, origin } = (event as CustomEvent<ControllerChange>).detail;
    // A reset, or options under which the decision no longer counts, ask again; a decision made
    // in another tab answers the question here too.
    if (origin === 'reset' || origin === 'options') this.view = this.#asks() ? 'question' : 'hidden';
    else if (this.view !== 'confirmation') {
      const hadFocus = this.view === 'question' && this.matches(':focus-within');
      this.view = this.#asks() ? 'question' : 'hidden';
      if (hadFocus && this.view === 'hidden') this.#moveFocusOut();
    }
    this.dispatchEvent(new ConsentChangeEvent(state));
    this.requestUpdate();
  };

  /** Puts a click-to-load placeholder in place of a blocked iframe (L18), once. */
  readonly #placeholdBlockedIframe = (iframe: HTMLIFrameElement): void => {
    if (iframe.hasAttribute('data-consent-placeholder')) return;
    iframe.setAttribute('data-consent-placeholder', '');
    iframe.hidden = true;
    iframe.style.display = 'none';
    loadPart(import('./consent-placeholder.js')).then(({ ConsentPlaceholder }) => ConsentPlaceholder.standIn(iframe, this), () => {});
  };

  /**
   * Whether the first layer asks: no decision yet, not on the cookie page (A17), and a category
   * to ask about.
   */
  #asks(): boolean {
    return !this.consent && !document.querySelector('consent-preferences') && this.#askedCategories().length > 0;
  }

  /** The optional categories the first layer asks about: all but the exempt ones (L17). */
  #askedCategories(): ResolvedCategory[] {
    return this.categories.filter(({ id }) => id !== 'necessary' && !this.#controller?.store.exemptCategories.includes(id));
  }

  /** A first-layer button acts only while the question shows: a double click decides once. */
  #fromQuestion(decide: () => void): void {
    if (this.view !== 'question') return;
    this.#focusConfirmation = true;
    decide.call(this);
  }

  /** Every category granted or refused; the categories are read from the attributes first if need be. */
  #choicesForAll(granted: boolean): CategoryChoices {
    this.#start();
    return Object.fromEntries(this.#categoryConfig.map(({ id }) => [id, granted]));
  }

  readonly #onDocumentClick = (event: MouseEvent): void => {
    // Through shadow roots too: an opener in a site's own web component counts.
    const opener = event
      .composedPath()
      .find((target): target is HTMLElement => target instanceof HTMLElement && target.hasAttribute('data-consent-open'));
    if (!opener || event.defaultPrevented) return;
    event.preventDefault();
    this.#opener = opener;
    this.#openFrom(opener);
  };

  readonly #onChoose = (event: Event): void => this.#openFrom(event.currentTarget as HTMLElement);

  /** A pointer or focus on "Zelf kiezen": the dialog's code starts loading, so it opens at once on the click. */
  readonly #prefetch = (): void => {
    if (this.#controller) this.#loadChoices().catch(() => {});
  };

  /** The same for a pointer or focus anywhere on the page that reaches a `data-consent-open` element. */
  readonly #prefetchForOpener = (event: Event): void => {
    if (!this.#choicesLoading && event.composedPath().some((target) => target instanceof HTMLElement && target.hasAttribute('data-consent-open'))) {
      this.#prefetch();
    }
  };

  #onDialogClose(): void {
    this.#opener = null;
  }

  /** Hides the confirmation; focus goes back to the opener, else to the page's main content. */
  #hideConfirmation(): void {
    this.view = 'hidden';
    this.#moveFocusOut();
  }

  /** Focus leaves the banner for the opener of the choices, else the page's main content (A5). */
  #moveFocusOut(): void {
    const target =
      (this.#focusAfterHide?.isConnected ? this.#focusAfterHide : null) ??
      document.querySelector<HTMLElement>('main, [role="main"], h1') ??
      (this.nextElementSibling as HTMLElement | null);
    this.#focusAfterHide = null;
    if (!target) return;
    if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }

  #reserveSpace(): void {
    const banner = this.renderRoot.querySelector<HTMLElement>('.banner');
    if (banner && this.isConnected) this.#pageSpace.reserve(banner);
  }

  #siteLabel(): string {
    return this.siteName || location.hostname;
  }
}

/** The heading level, 1 to 6; anything else gets one console error and 2. */
function checkHeadingLevel(level: unknown): number {
  if (Number.isInteger(level) && (level as number) >= 1 && (level as number) <= 6) return level as number;
  report(`heading-level must be a whole number from 1 to 6; got ${describeValue(level)}. Using 2.`);
  return 2;
}

/**
 * The address an attribute gives when it is http(s) (relative ones resolved against the page);
 * anything else, or none, gets one console error that names the attribute and what follows.
 */
function checkHttpUrl(value: unknown, attribute: string, consequence: string): string | null {
  try {
    const url = new URL(String(value), document.baseURI);
    if (typeof value === 'string' && value && /^https?:$/.test(url.protocol)) return url.href;
  } catch {
    // reported below
  }
  report(`${attribute} must be an http(s) address; got ${describeValue(value ?? null)}. ${consequence}`);
  return null;
}

/**
 * A part the bundle loads only on pages that need it (a file next to the bundle); when it cannot
 * load, one console error names the file (the browser's message has its URL) and the promise
 * rejects, so that the caller falls back (blocked content stays blocked, an opener link follows
 * its href).
 */
function loadPart<T>(part: Promise<T>): Promise<T> {
  return part.catch((reason) => {
    report(`a part did not load (${reason instanceof Error ? reason.message : reason}); copy every dist/consent-banner*.js next to the bundle, or use consent-banner.single.js.`);
    throw reason;
  });
}
