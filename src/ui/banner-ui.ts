// Lit's templates and style sheets only: the banner is no LitElement (no reactive element to download).
import { adoptStyles } from '@lit/reactive-element/css-tag.js';
import { html, nothing, render } from 'lit/html.js';
import type { ConsentBanner } from '../ConsentBanner.js';
import type { ChangeOrigin } from '../controller/ConsentController.js';
import { firstLayerFor } from '../i18n/first-layer.js';
import { format, type ConsentStrings } from '../i18n/index.js';
import type { ResolvedCategory } from '../decision/categories.js';
import { checkHttpUrl, report } from '../report.js';
import { confirmationText, renderHide, renderQuestion, renderStatus, type BannerStrings } from './banner-view.js';
import { PageSpace } from './page-space.js';
import { styles } from './styles.js';

type View = 'question' | 'confirmation' | 'hidden';
type ChoicesModule = typeof import('./choices.js');

/**
 * How long a live region just added to the page waits for its words: screen readers announce
 * changes to a region they already know, not the content it arrives with.
 */
const NEW_REGION_DELAY_MS = 150;

/** What the banner's view reads from its host beyond the element's public API. */
export interface BannerHost {
  /** The texts in the banner's language (its language part loaded when it has one). */
  strings(): ConsentStrings;
  /** Whether the first layer asks: no decision yet, not on the cookie page, something to ask. */
  asks(): boolean;
  /** The optional categories the first layer asks about (all but exempt ones, L17). */
  asked(): ResolvedCategory[];
  /** Opens the choices for "Zelf kiezen", with the busy feedback of a slow load. */
  openFrom(opener: HTMLElement): void;
  /** Starts loading the dialog's code (a pointer or focus reached "Zelf kiezen"). */
  prefetch(): void;
}

/**
 * The banner's views, loaded only when something must show: the first layer (question or
 * confirmation) and the choices dialog, rendered with Lit into the host's shadow root, with
 * what belongs to showing them: focus after a choice (A5), room at the end of the page (A7, A20),
 * the checked link and heading level.
 */
export class BannerUI {
  #view: View;
  /** The dialog's code, once loaded. */
  #choices?: ChoicesModule;
  /** The next render moves focus to the confirmation's "hide" button. */
  #focusConfirmation = false;
  /** The next render closes the dialog the decision came from, once the confirmation is there. */
  #closeDialog = false;
  /** The confirmation's live region is new (no question showed before it): its words follow later. */
  #wordsPending = false;
  #wordsTimer?: ReturnType<typeof setTimeout>;
  /** The categories the confirmed decision was about (`null`: all, as in the dialog). */
  #confirmed: string[] | null = null;
  /** The element outside the banner that opened the open dialog. */
  #opener: HTMLElement | null = null;
  /** Where focus goes when the confirmation hides: the opener of the dialog the decision came from. */
  #focusAfterHide: HTMLElement | null = null;
  #pageSpace = new PageSpace();
  /** The attributes the link, the heading and the placement were checked from, so that a mistake is reported once per value. */
  #checked?: { privacyUrl: unknown; headingLevel: unknown; placement: unknown };
  #privacyHref: string | null = null;
  #headingLevel = 2;
  /** In the page's flow at the top (`placement="top"`), else fixed to the bottom. */
  #inFlow = false;

  constructor(
    private readonly banner: ConsentBanner,
    private readonly root: ShadowRoot,
    private readonly host: BannerHost,
  ) {
    adoptStyles(root, [styles]);
    this.#view = host.asks() ? 'question' : 'hidden';
  }

  get #dialog(): HTMLDialogElement | null {
    return this.root.querySelector('dialog');
  }

  /** Whether the dialog is there (its code loaded) and open. */
  get dialogOpen(): boolean {
    return Boolean(this.#dialog?.open);
  }

  /** Renders the current view; room for the banner and focus on a new confirmation follow. */
  render(): void {
    const { privacyUrl, headingLevel, placement } = this.banner;
    if (!this.#checked || this.#checked.privacyUrl !== privacyUrl) {
      this.#privacyHref = checkHttpUrl(privacyUrl, 'privacy-url');
    }
    // Object.is: a NaN from a non-numeric heading-level is the same value, not a new one each render.
    if (!this.#checked || !Object.is(this.#checked.headingLevel, headingLevel)) this.#headingLevel = checkHeadingLevel(headingLevel);
    if (!this.#checked || this.#checked.placement !== placement) this.#inFlow = checkPlacement(placement) === 'top';
    this.#checked = { privacyUrl, headingLevel, placement };
    render(this.#template(), this.root, { host: this.banner });
    // In the flow the banner covers nothing: no room to keep for it at the end of the page.
    if (this.#view === 'hidden' || this.#inFlow) this.#pageSpace.release();
    else this.#reserveSpace();
    // Closed only now, with the confirmation in place: the browser's own focus return to the
    // opener and the move to "hide" below happen in one task, so focus never rests on the opener.
    if (this.#closeDialog) {
      this.#closeDialog = false;
      this.#dialog?.close();
    }
    const hide = this.root.querySelector<HTMLElement>('.hide');
    if (this.#focusConfirmation && hide) {
      this.#focusConfirmation = false;
      hide.focus();
    }
    if (this.#wordsPending && this.#view === 'confirmation' && !this.#wordsTimer) {
      this.#wordsTimer = setTimeout(() => {
        this.#wordsPending = false;
        this.#wordsTimer = undefined;
        this.render();
      }, NEW_REGION_DELAY_MS);
    }
  }

  disconnected(): void {
    this.#pageSpace.release();
  }

  /** The dialog's code has loaded: its styles join the banner's, and the dialog renders from now on. */
  addChoices(choices: ChoicesModule): void {
    if (this.#choices) return;
    // Lit's own way to add styles: constructable style sheets, or <style> where those are missing.
    adoptStyles(this.root, [styles, choices.choicesStyles]);
    this.#choices = choices;
    // The site's texts are checked here, where every text is known: as soon as the first layer shows.
    choices.reportSiteTexts();
  }

  /** Whether the dialog's code is there. */
  get choicesLoaded(): boolean {
    return Boolean(this.#choices);
  }

  /** Opens the rendered dialog; `opener` (outside the banner) gets focus back after a choice in it. */
  openDialog(opener: HTMLElement | null): void {
    if (this.dialogOpen) return;
    this.#opener = opener;
    // Render now, so the checkboxes show the current state as the dialog opens.
    this.render();
    const dialog = this.#dialog;
    dialog?.showModal();
    // First focus is the title in every layout: the dialog reads from its start, and nothing
    // (the title, the intro) scrolls out of view as a checkbox further down takes focus. Left to
    // the browser, it is the first checkbox at one size and the scrolling text at another.
    dialog?.querySelector<HTMLElement>('#title')?.focus();
  }

  /**
   * A decision about `decided` (`null`: every category) is being made. One made while the
   * question or the dialog shows turns the first layer into the confirmation, which names only
   * those categories; focus follows it there only from the banner's own controls, not from
   * elsewhere (a placeholder, the page's own code). When the decision leaves a category
   * undecided, the question stays (see `changed`).
   */
  deciding(decided: string[] | null): void {
    const dialogOpen = this.dialogOpen;
    if (this.#view === 'question' || dialogOpen) {
      // Without a first layer on show, the confirmation's live region is new: its words follow.
      this.#wordsPending = this.#view === 'hidden';
      this.#view = 'confirmation';
      this.#confirmed = decided;
      if (dialogOpen) this.#focusConfirmation = true;
      this.#focusAfterHide = dialogOpen ? this.#opener : null;
    }
    this.#closeDialog = dialogOpen;
  }

  /**
   * The state changed. A reset, or options under which the decision no longer counts, ask again;
   * a decision made in another tab answers the question here too (focus leaves the banner).
   */
  changed(origin: ChangeOrigin): void {
    if (origin === 'reset' || origin === 'options') this.#view = this.host.asks() ? 'question' : 'hidden';
    // A partial decision (a placeholder's "Altijd accepteren"): the question asks about the rest.
    else if (this.#view === 'confirmation' && this.host.asks()) this.#view = 'question';
    else if (this.#view !== 'confirmation') {
      const hadFocus = this.#view === 'question' && this.banner.matches(':focus-within');
      this.#view = this.host.asks() ? 'question' : 'hidden';
      if (hadFocus && this.#view === 'hidden') this.#moveFocusOut();
    }
  }

  /** The options changed without changing the state: ask when there is now something to ask. */
  reconsider(): void {
    if (this.#view !== 'confirmation') this.#view = this.host.asks() ? 'question' : 'hidden';
  }

  #template() {
    const strings = this.host.strings();
    const s: BannerStrings = { ...strings, ...firstLayerFor(strings) };
    const banner =
      this.#view === 'hidden'
        ? nothing
        : html`<section class=${this.#inFlow ? 'banner in-flow' : 'banner'} part="banner" aria-label=${this.banner.regionLabel || s.region} lang=${s.lang} dir=${s.dir} data-nosnippet>
            ${this.#view === 'question' ? this.#renderQuestion(s) : nothing}
            ${renderStatus(s, this.#view === 'question' ? null : this.#wordsPending ? '' : this.#confirmationText(s))}
            ${this.#view === 'confirmation' ? renderHide(s, () => this.#hideConfirmation()) : nothing}
          </section>`;
    return html`${banner}${this.#choices ? this.#renderDialog(this.#choices, s) : nothing}`;
  }

  #renderQuestion(s: BannerStrings) {
    return renderQuestion({
      strings: s,
      heading: format(s.heading, { site: this.banner.siteName || location.hostname }),
      headingLevel: this.#headingLevel,
      organisation: this.banner.organisationName,
      privacyHref: this.#privacyHref,
      asked: this.host.asked(),
      accept: () => this.#answer(true),
      reject: () => this.#answer(false),
      choose: (event) => this.host.openFrom(event.currentTarget as HTMLElement),
      prefetch: () => this.host.prefetch(),
    });
  }

  #confirmationText(s: BannerStrings): string {
    const all = this.banner.categories;
    const decided = this.#confirmed ? all.filter(({ id }) => this.#confirmed!.includes(id)) : all;
    return confirmationText(s, decided, all, (id, service) => this.banner.hasConsent(id, service));
  }

  #renderDialog({ renderChoices, choicesViewOf }: ChoicesModule, s: BannerStrings) {
    return html`<dialog part="dialog" aria-labelledby="title" lang=${s.lang} dir=${s.dir} @close=${() => (this.#opener = null)}>
      ${renderChoices(
        choicesViewOf(this.banner, s, {
          save: (choices) => this.#fromDialog(() => this.banner.save(choices)),
          acceptAll: () => this.#fromDialog(() => this.banner.acceptAll()),
          rejectAll: () => this.#fromDialog(() => this.banner.rejectAll()),
          close: () => this.#dialog?.close(),
        }),
      )}
    </dialog>`;
  }

  /** A dialog button decides once: the dialog stays open until the confirmation is there, a double click does nothing more. */
  #fromDialog(decide: () => void): void {
    if (!this.#closeDialog) decide();
  }

  /**
   * The question's accept (`true`) or reject, only while it shows (a double click decides once):
   * the categories it asks about all granted or all refused; ones decided before (a placeholder's
   * "Altijd accepteren") stay as they are, and the decision is then `custom`.
   */
  #answer(granted: boolean): void {
    if (this.#view !== 'question') return;
    const { banner } = this;
    const decided = banner.consent?.categories;
    const asked = this.host.asked().map(({ id }) => id);
    this.#focusConfirmation = true;
    if (!decided) {
      if (granted) banner.acceptAll();
      else banner.rejectAll();
    } else banner.save({ ...Object.fromEntries(banner.categories.map(({ id }) => [id, granted])), ...decided });
    // The confirmation names what the question asked about.
    this.#confirmed = asked;
  }

  /** Hides the confirmation; focus goes back to the opener, else to the page's main content. */
  #hideConfirmation(): void {
    this.#view = 'hidden';
    this.#moveFocusOut();
    this.render();
  }

  /** Focus leaves the banner for the opener of the choices, else the page's main content (A5). */
  #moveFocusOut(): void {
    const target =
      (this.#focusAfterHide?.isConnected ? this.#focusAfterHide : null) ??
      document.querySelector<HTMLElement>('main, [role="main"], h1') ??
      (this.banner.nextElementSibling as HTMLElement | null);
    this.#focusAfterHide = null;
    if (!target) return;
    if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }

  #reserveSpace(): void {
    const banner = this.root.querySelector<HTMLElement>('.banner');
    if (banner && this.banner.isConnected) this.#pageSpace.reserve(banner);
  }
}

/** The placement, `bottom` or `top` (none, as after removing the attribute: `bottom`); anything else gets one console error and `bottom`. */
function checkPlacement(placement: unknown): 'bottom' | 'top' {
  if (placement === 'top') return placement;
  if (placement === 'bottom' || placement === null || placement === undefined) return 'bottom';
  report('placement', placement);
  return 'bottom';
}

/** The heading level, 1 to 6; anything else gets one console error and 2. */
function checkHeadingLevel(level: unknown): number {
  if (Number.isInteger(level) && (level as number) >= 1 && (level as number) <= 6) return level as number;
  report('heading-level', level);
  return 2;
}

