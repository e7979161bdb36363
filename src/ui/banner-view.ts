import { html, nothing } from 'lit/html.js';
import { format, type ConsentStrings, type FirstLayerStrings } from '../i18n/index.js';
import type { ResolvedCategory } from '../decision/categories.js';

/** The texts the first layer and the confirmation show: the shared ones and their own. */
export type BannerStrings = ConsentStrings & FirstLayerStrings;

/** What the first layer's question shows and does. */
export interface QuestionView {
  strings: BannerStrings;
  /** The heading text, with the site filled in. */
  heading: string;
  /** 1 to 6; 2 is an `h2`, any other a `role="heading"` with that level. */
  headingLevel: number;
  organisation: string;
  /** The checked cookie statement address, or `null` (no link). */
  privacyHref: string | null;
  /** The optional categories the question asks about (all but exempt ones, L17). */
  asked: ResolvedCategory[];
  accept(): void;
  reject(): void;
  choose(event: Event): void;
  /** A pointer or focus reached "Zelf kiezen": start loading the dialog. */
  prefetch(): void;
}

/**
 * The first layer (L2–L4, L9, A1): heading, purposes, the link to the statement, and equal accept
 * and reject buttons next to "Zelf kiezen". Wording that names analytics when it is the only
 * optional category.
 */
export function renderQuestion(view: QuestionView) {
  const s = view.strings;
  const onlyAnalytics = view.asked.length === 1 && view.asked[0].id === 'analytics';
  return html`<div class="message">
      ${view.headingLevel === 2
        ? html`<h2 class="heading" part="heading"><slot name="heading">${view.heading}</slot></h2>`
        : html`<div class="heading" part="heading" role="heading" aria-level=${view.headingLevel}><slot name="heading">${view.heading}</slot></div>`}
      <slot name="message">
        <p>${format(s.intro, { organisation: view.organisation })}</p>
        <p>${s.ask}</p>
        ${view.asked.map(({ label, description }) => html`<p><strong>${label}.</strong> ${description}</p>`)}
      </slot>
      <p>
        ${s.changeLater}
        ${view.privacyHref ? html`<a href=${view.privacyHref}>${format(s.privacyLink, { organisation: view.organisation })}</a>` : nothing}
      </p></div>
    <div class="actions">
      <button type="button" class="choice" part="button accept" @click=${view.accept}>${onlyAnalytics ? s.acceptAnalytics : s.acceptAll}</button>
      <button type="button" class="choice" part="button reject" @click=${view.reject}>${onlyAnalytics ? s.rejectAnalytics : s.rejectAll}</button>
      <button type="button" class="secondary" part="button" @click=${view.choose} @pointerover=${view.prefetch} @focus=${view.prefetch}>${s.choose}</button>
    </div>`;
}

/**
 * The live region the confirmation is said in (A5), a polite `role="status"`: in the first layer
 * from its first render, empty while the question shows (`text` null), so that the confirmation
 * is announced once, as it arrives, and not again when focus moves (see docs/accessibility.md).
 * An empty `text` is the confirmation whose words come a moment later (a region just added).
 */
export function renderStatus(strings: BannerStrings, text: string | null) {
  return html`<div class=${text === null ? 'status' : 'message confirmation'} role="status">${text
    ? html`<p>${strings.confirmationSaved} ${text} ${strings.confirmationChangeLater}</p>`
    : nothing}</div>`;
}

/** The confirmation's "hide" button (A5), which takes focus after a choice in the banner. */
export function renderHide(strings: BannerStrings, hide: () => void) {
  return html`<div class="actions">
    <button type="button" class="secondary hide" part="button" @click=${hide}>${strings.hide}</button>
  </div>`;
}

/**
 * Says what was chosen about `decided`, the categories the decision was about (all of them from
 * the dialog; the ones the question asked; a placeholder's one): everything, nothing, or which
 * were granted and which refused.
 */
export function confirmationText(
  strings: BannerStrings,
  decided: ResolvedCategory[],
  all: ResolvedCategory[],
  isGranted: (id: string, service?: string) => boolean,
): string {
  const optional = decided.filter(({ id }) => id !== 'necessary');
  const granted = optional.filter(({ id }) => isGranted(id));
  const refused = optional.filter((category) => !granted.includes(category));
  // The services granted on their own in a refused category (docs/services.md) are named with what was accepted.
  const alone = refused.flatMap(({ id, services = [] }) => services.filter((service) => isGranted(id, service.id)));
  const accepted = [...granted, ...alone];
  const every = optional.length === all.filter(({ id }) => id !== 'necessary').length;
  const onlyAnalytics = optional.length === 1 && optional[0].id === 'analytics' && !alone.length;
  if (onlyAnalytics) return granted.length ? strings.confirmationAcceptedAnalytics : strings.confirmationRejectedAnalytics;
  if (every && !refused.length) return strings.confirmationAcceptedAll;
  if (every && !accepted.length) return strings.confirmationRejectedAll;
  const list = (chosen: { label: string }[]) => chosen.map(({ label }) => label).join(', ');
  return [
    accepted.length ? format(strings.confirmationGranted, { granted: list(accepted) }) : '',
    refused.length ? format(strings.confirmationRefused, { refused: list(refused) }) : '',
  ].filter(Boolean).join(' ');
}
