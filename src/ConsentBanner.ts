import { adoptStyles, html, LitElement, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ConsentChangeEvent, ConsentReadyEvent, type ConsentState } from './events.js';
import { setGrantedCategories } from './gating/gate.js';
import { format, loadLanguageFor, stringsFor, stringsForElement, type ConsentStrings } from './i18n/index.js';
import { defaultCategories, mergeCategories, resolveCategories, type ResolvedCategory } from './store/categories.js';
import { checkReceiptUrl, sendReceipt } from './integrations/consent-receipt.js';
import type { ConsentIntegration } from './integrations/types.js';
import { ConsentStore } from './store/consent-store.js';
import { TRACKER_CONSENT_RECORDS, TRACKER_COOKIES } from './store/cookie-patterns.js';
import { decisionSettings, describeValue } from './store/stored-decision.js';
import type { CategoryChoices, CategoryConfig, ConsentConfig, ConsentDecision, ConsentMethod } from './store/types.js';
import { PageSpace } from './page-space.js';
import { report } from './report.js';
import { styles } from './styles.js';
import { deleteCookies } from './withdrawal/tracker-cookies.js';

type View = 'question' | 'confirmation' | 'hidden';

/** Where the page's active banner is kept: shared by every copy of the bundle on the page. */
const ACTIVE_BANNER = Symbol.for('consent-banner.active');
type ChoicesModule = typeof import('./choices.js');

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
 * @fires consent-change - On every change of the decision. `detail`: {@link ConsentState}.
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

  #store?: ConsentStore;
  /** The configuration as given (property or JSON child), read once per store. */
  #config: ConsentConfig | null = null;
  /** The page's language is a part that is still loading: the first layer waits for it. */
  #languageLoading = false;
  /** The dialog's code, once loaded. */
  #choices?: ChoicesModule;
  #choicesLoading?: Promise<ChoicesModule>;
  #categoryConfig: CategoryConfig[] = [];
  #integrationAdapters: ConsentIntegration[] = [];
  /** The state the integrations were last told, to tell them what changed. */
  #lastState: ConsentState | null = null;
  #strings: ConsentStrings = stringsFor(null);
  #readySent = false;
  /** The inputs the current store was made from; a change to any of them makes a new store. */
  #storeInputs: unknown[] = [];
  #focusConfirmation = false;
  /** The element outside the banner that opened the open dialog. */
  #opener: HTMLElement | null = null;
  /** Where focus goes when the confirmation hides: the opener of the dialog the decision came from. */
  #focusAfterHide: HTMLElement | null = null;
  #waiting = new Map<string, (() => void)[]>();
  /** Room at the end of the page while the banner shows (A7, A20). */
  #pageSpace = new PageSpace();
  #privacyHref: string | null = null;
  #headingLevel = 2;
  /** Where receipts go, when `receipt-url` is a valid http(s) address. */
  #receiptHref: string | null = null;

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  get #confirmation(): HTMLElement | null {
    return this.renderRoot.querySelector('.confirmation');
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
    // The stored decision is read and acted on before Lit sets up the shadow root and its styles:
    // a returning visitor's gated scripts do not wait for what only a shown banner needs.
    if (!this.#store) this.#createStore();
    else this.#store.startSync();
    super.connectedCallback();
    document.addEventListener('click', this.#onDocumentClick);
    if (this.hasUpdated && this.view !== 'hidden') this.#reserveSpace();
    if (!this.#readySent) {
      this.#readySent = true;
      this.dispatchEvent(new ConsentReadyEvent(this.#state()));
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('click', this.#onDocumentClick);
    this.#store?.stopSync();
    this.#pageSpace.release();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Object.is: a NaN from a non-numeric max-age-days is the same input, not a new one each render.
    if (this.#store && STORE_OPTIONS.some((name, index) => !Object.is(this[name], this.#storeInputs[index]))) this.#createStore();
    if (changed.has('privacyUrl') || !this.hasUpdated) this.#privacyHref = checkPrivacyUrl(this.privacyUrl);
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
    return this.#store?.decision ?? null;
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
    return this.#store?.isGranted(category) ?? category === 'necessary';
  }

  /**
   * Resolves once the category is granted: at once when it already is, else on a later decision.
   * For a name that is not a configured category it never resolves (one console error).
   */
  whenGranted(category: string): Promise<void> {
    if (this.hasConsent(category)) return Promise.resolve();
    if (this.#store && !this.#categoryConfig.some(({ id }) => id === category)) {
      report(`whenGranted: ${describeValue(category)} is no configured category; never resolves.`);
    }
    return new Promise((resolve) => this.#waiting.set(category, [...(this.#waiting.get(category) ?? []), resolve]));
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
   * (a part next to the bundle); the promise settles once the dialog is open.
   */
  async showPreferences(): Promise<void> {
    if (!this.#store) return;
    this.#choicesLoading ??= loadPart(import('./choices.js')).then((choices) => {
      // Lit's own way to add styles: constructable style sheets, or <style> where those are missing.
      adoptStyles(this.renderRoot as ShadowRoot, [...ConsentBanner.elementStyles, choices.choicesStyles]);
      return (this.#choices = choices);
    });
    await this.#choicesLoading;
    await this.updateComplete;
    // Removed from the page while the dialog's code loaded: nothing to open.
    if (!this.isConnected || this.#dialog?.open) return;
    // Render now, so the checkboxes show the current state as the dialog opens.
    this.requestUpdate();
    this.performUpdate();
    this.#dialog?.showModal();
  }

  /** Forgets the decision, deletes the optional categories' cookies and shows the banner again. */
  reset(): void {
    if (!this.#store) return;
    this.#store.forget();
    this.view = this.#asks() ? 'question' : 'hidden';
    this.#deleteRefusedCookies(true);
  }

  override render() {
    const s = this.#strings;
    const banner =
      this.view === 'hidden' || this.#languageLoading
        ? nothing
        : html`<section class="banner" part="banner" aria-label=${this.regionLabel || s.region} lang=${s.lang} dir=${s.dir} data-nosnippet>
            ${this.view === 'confirmation' ? this.#renderConfirmation() : this.#renderQuestion()}
          </section>`;
    return html`${banner}${this.#choices ? this.#renderDialog(this.#choices.renderChoices) : nothing}`;
  }

  #renderQuestion() {
    const s = this.#strings;
    const optional = this.#askedCategories();
    const onlyAnalytics = optional.length === 1 && optional[0].id === 'analytics';
    const heading = format(s.heading, { site: this.#siteLabel() });
    const privacyUrl = this.#privacyHref;
    const level = this.#headingLevel;
    return html`<div class="message">
        ${level === 2
          ? html`<h2 class="heading" part="heading"><slot name="heading">${heading}</slot></h2>`
          : html`<div class="heading" part="heading" role="heading" aria-level=${level}><slot name="heading">${heading}</slot></div>`}
        <slot name="message">
          <p>${format(s.intro, { organisation: this.organisationName })}</p>
          ${optional.map(({ label, description }) => html`<p><strong>${label}.</strong> ${description}</p>`)}
        </slot>
      <p>
        ${s.changeLater}
        ${privacyUrl
          ? html`<a href=${privacyUrl}>${format(s.privacyLink, { organisation: this.organisationName })}</a>`
          : nothing}
      </p></div>
      <div class="actions">
        <button type="button" class="choice" part="button accept" @click=${() => this.#fromQuestion(this.acceptAll)}>
          ${onlyAnalytics ? s.acceptAnalytics : s.acceptAll}
        </button>
        <button type="button" class="choice" part="button reject" @click=${() => this.#fromQuestion(this.rejectAll)}>
          ${onlyAnalytics ? s.rejectAnalytics : s.rejectAll}
        </button>
        <button type="button" class="secondary" part="button" @click=${this.showPreferences}>${s.choose}</button>
      </div>`;
  }

  #renderConfirmation() {
    const s = this.#strings;
    return html`<div class="message confirmation" role="alert" tabindex="-1">
        <p>${s.confirmationSaved} ${this.#confirmationText()} ${s.confirmationChangeLater}</p>
      </div>
      <div class="actions">
        <button type="button" class="secondary" part="button" @click=${this.#hideConfirmation}>${s.hide}</button>
      </div>`;
  }

  #renderDialog(renderChoices: ChoicesModule['renderChoices']) {
    const s = this.#strings;
    return html`<dialog part="dialog" aria-labelledby="title" lang=${s.lang} dir=${s.dir} @close=${this.#onDialogClose}>
      ${renderChoices({
        strings: s,
        organisation: this.organisationName,
        categories: this.categories,
        isGranted: (id) => this.hasConsent(id),
        gpc: this.consent?.method === 'gpc',
        exempt: this.#store?.exemptCategories ?? [],
        save: (choices) => this.save(choices),
        acceptAll: () => this.acceptAll(),
        rejectAll: () => this.rejectAll(),
        close: () => this.#dialog?.close(),
      })}
    </dialog>`;
  }

  #createStore(): void {
    this.#storeInputs = STORE_OPTIONS.map((name) => this[name]);
    this.#strings = stringsForElement(this);
    this.#config = this.config ?? this.#readConfigChild();
    this.#categoryConfig = this.#buildCategories(report);
    this.#receiptHref = this.receiptUrl === undefined ? null : checkReceiptUrl(this.receiptUrl);
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
    this.#store?.removeEventListener('change', this.#onStoreChange);
    this.#store?.stopSync();
    this.#store = new ConsentStore({
      categoryIds: this.#categoryConfig.map(({ id }) => id),
      policyVersion: this.policyVersion,
      cookieName: this.cookieName,
      cookieDomain: this.cookieDomain,
      maxAgeDays: this.maxAgeDays,
      respectGpc: !this.ignoreGpc,
      withConsentId: Boolean(this.#receiptHref),
      exemptCategories: this.analyticsExempt ? ['analytics'] : [],
    });
    this.#store.addEventListener('change', this.#onStoreChange);
    if (document.querySelector('consent-preferences')) loadPart(import('./consent-preferences.js'));
    this.view = this.#asks() ? 'question' : 'hidden';
    this.#integrationAdapters = [];
    this.#lastState = null;
    const integrations = this.integrations;
    if (integrations && typeof integrations === 'string') {
      // The adapters load as a part, only on sites that name them; they hear the state they find.
      const store = this.#store;
      void loadPart(import('./integrations/index.js')).then(({ createIntegrations }) => {
        if (store !== this.#store) return;
        this.#integrationAdapters = createIntegrations(integrations);
        this.#tellIntegrations();
      });
    }
    // Gated scripts first: a returning visitor's analytics should not wait for the tab sync.
    this.#actOnDecision();
    if (this.isConnected) this.#store.startSync();
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
    if (!this.#store) return;
    if (this.view === 'question' || this.#dialog?.open) {
      this.view = 'confirmation';
      // Focus follows a choice made in the banner (its buttons, its dialog), not one made
      // elsewhere (a placeholder, the page's own code).
      if (this.#dialog?.open) this.#focusConfirmation = true;
      this.#focusAfterHide = this.#dialog?.open ? this.#opener : null;
    }
    this.#dialog?.close();
    const decision = this.#store.decide(choices, method);
    if (this.#receiptHref) sendReceipt(this.#receiptHref, decision);
  }

  readonly #onStoreChange = (): void => {
    // A decision made in another tab answers the question here too; a reset there asks again.
    if (this.view !== 'confirmation') {
      const hadFocus = this.view === 'question' && this.matches(':focus-within');
      this.view = this.#asks() ? 'question' : 'hidden';
      if (hadFocus && this.view === 'hidden') this.#moveFocusOut();
    }
    this.#actOnDecision();
    this.dispatchEvent(new ConsentChangeEvent(this.#state()));
    this.requestUpdate();
  };

  /** Tells each integration the state, and what it was when they last heard. */
  #tellIntegrations(): void {
    if (!this.#integrationAdapters.length) return;
    const state = this.#state();
    for (const integration of this.#integrationAdapters) integration.update(state, this.#lastState);
    this.#lastState = state;
  }

  /** Tells the integrations, brings granted gated elements to life, removes refused categories' cookies, settles `whenGranted`. */
  #actOnDecision(): void {
    // The tools hear first, so that a tool's own snippet, once it runs, finds the update queued.
    this.#tellIntegrations();
    const configured = this.#categoryConfig.map(({ id }) => id);
    const granted = configured.filter((id) => this.hasConsent(id));
    setGrantedCategories(granted, configured, this.#placeholdBlockedIframe);
    this.#deleteRefusedCookies();
    for (const id of granted) {
      this.#waiting.get(id)?.forEach((resolve) => resolve());
      this.#waiting.delete(id);
    }
  }

  /** Puts a click-to-load placeholder in place of a blocked iframe (L18), once. */
  readonly #placeholdBlockedIframe = (iframe: HTMLIFrameElement): void => {
    if (iframe.hasAttribute('data-consent-placeholder')) return;
    iframe.setAttribute('data-consent-placeholder', '');
    iframe.hidden = true;
    iframe.style.display = 'none';
    loadPart(import('./consent-placeholder.js')).then(({ ConsentPlaceholder }) => ConsentPlaceholder.standIn(iframe, this));
  };

  /**
   * Deletes the refused categories' cookies (L12), after a decision or a withdrawal; with no
   * decision (before a choice) only Matomo's own consent records, which would make Matomo track
   * without asking (the banner's cookie is the record). Never the consent cookie itself.
   */
  #deleteRefusedCookies(withdrawn = false): void {
    const store = this.#store;
    if (!store) return;
    const refused = this.#categoryConfig.filter(({ id }) => !this.hasConsent(id));
    const patterns = store.decision || withdrawn
      ? refused.flatMap(({ id, cookies }) => [...cookies.map(({ name }) => name), ...(id === 'analytics' ? TRACKER_COOKIES : [])])
      : refused.some(({ id }) => id === 'analytics')
        ? TRACKER_CONSENT_RECORDS
        : [];
    if (patterns.length) deleteCookies(patterns, store.cookieName);
  }

  #state(): ConsentState {
    const decision = this.consent;
    return {
      decided: decision !== null,
      categories: Object.fromEntries(this.#categoryConfig.map(({ id }) => [id, this.hasConsent(id)])),
      method: decision?.method ?? null,
      policyVersion: this.#store?.policyVersion ?? '',
      decidedAt: decision?.decidedAt ?? null,
    };
  }

  /**
   * Whether the first layer asks: no decision yet, not on the cookie page (A17), and a category
   * to ask about.
   */
  #asks(): boolean {
    return !this.consent && !document.querySelector('consent-preferences') && this.#askedCategories().length > 0;
  }

  /** The optional categories the first layer asks about: all but the exempt ones (L17). */
  #askedCategories(): ResolvedCategory[] {
    return this.categories.filter(({ id }) => id !== 'necessary' && !this.#store?.exemptCategories.includes(id));
  }

  /** A first-layer button acts only while the question shows: a double click decides once. */
  #fromQuestion(decide: () => void): void {
    if (this.view !== 'question') return;
    this.#focusConfirmation = true;
    decide.call(this);
  }

  #choicesForAll(granted: boolean): CategoryChoices {
    return Object.fromEntries(this.#categoryConfig.map(({ id }) => [id, granted]));
  }

  /** Says what was chosen: everything, nothing, or which categories were granted and refused. */
  #confirmationText(): string {
    const s = this.#strings;
    const optional = this.categories.filter(({ id }) => id !== 'necessary');
    const granted = optional.filter(({ id }) => this.hasConsent(id));
    const onlyAnalytics = optional.length === 1 && optional[0].id === 'analytics';
    if (granted.length === optional.length) return onlyAnalytics ? s.confirmationAcceptedAnalytics : s.confirmationAcceptedAll;
    if (granted.length === 0) return onlyAnalytics ? s.confirmationRejectedAnalytics : s.confirmationRejectedAll;
    const list = (categories: ResolvedCategory[]) => categories.map(({ label }) => label).join(', ');
    return format(s.confirmationCustom, {
      granted: list(granted),
      refused: list(optional.filter((category) => !granted.includes(category))),
    });
  }

  readonly #onDocumentClick = (event: MouseEvent): void => {
    // Through shadow roots too: an opener in a site's own web component counts.
    const opener = event
      .composedPath()
      .find((target): target is HTMLElement => target instanceof HTMLElement && target.hasAttribute('data-consent-open'));
    if (!opener || event.defaultPrevented) return;
    event.preventDefault();
    this.#opener = opener;
    void this.showPreferences();
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

/** The privacy URL when it is http(s); anything else, or none, gets one console error (L9). */
function checkPrivacyUrl(value: string | undefined): string | null {
  try {
    const url = new URL(value ?? '', document.baseURI);
    if (value && (url.protocol === 'https:' || url.protocol === 'http:')) return url.href;
  } catch {
    // reported below
  }
  report(`privacy-url must be an http(s) link to the cookie statement (L9); got ${JSON.stringify(value ?? null)}. Link left out.`);
  return null;
}

/**
 * Waits for a part the bundle loads only on pages that need it (a file next to the bundle);
 * when it cannot load, says so once and leaves blocked content blocked.
 */
function loadPart<T>(part: Promise<T>): Promise<T> {
  return part.catch((reason) => {
    report(`a part did not load (${reason}); copy every dist/consent-banner*.js next to the bundle.`);
    return new Promise<T>(() => {});
  });
}
