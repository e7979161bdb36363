import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { format, type ConsentStrings } from './i18n/index.js';
import type { ResolvedCategory } from './store/categories.js';
import type { CategoryChoices } from './store/types.js';

/** What the per-category choices show and do. */
export interface ChoicesView {
  strings: ConsentStrings;
  organisation: string;
  categories: ResolvedCategory[];
  isGranted(id: string): boolean;
  /** The current state comes from the browser's Global Privacy Control signal (I6). */
  gpc: boolean;
  save(choices: CategoryChoices): void;
  acceptAll(): void;
  rejectAll(): void;
}

/**
 * The choice per category (L5, L8, L10, A8): necessary shown as always on, one labelled
 * checkbox per optional category in a fieldset, every cookie listed, and save / accept all /
 * reject all. Shared by the banner's dialog and `<consent-preferences>`; the heading has the id
 * `title`.
 */
export function renderChoices(view: ChoicesView) {
  const s = view.strings;
  const necessary = view.categories.find(({ id }) => id === 'necessary');
  const optional = view.categories.filter(({ id }) => id !== 'necessary');
  const save = (event: Event) => {
    const root = (event.currentTarget as Element).getRootNode() as ParentNode;
    const choices: CategoryChoices = {};
    root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]').forEach((box) => {
      choices[box.name] = box.checked;
    });
    view.save(choices);
  };
  return html`<div class="message">
      <h2 id="title" class="title">${s.preferencesTitle}</h2>
      <p>${format(s.preferencesIntro, { organisation: view.organisation })}</p>
      ${view.gpc ? html`<p class="notice">${s.gpcNotice}</p>` : nothing}
      ${necessary
        ? html`<div class="category">
            <p class="always-on">${necessary.label}: ${s.alwaysActive}</p>
            <p>${necessary.description}</p>
            ${renderCookies(necessary, s)}
          </div>`
        : nothing}
      <fieldset>
        <legend>${s.preferencesLegend}</legend>
        ${optional.map(
          (category) => html`<div class="category">
            <label>
              <input
                type="checkbox"
                name=${category.id}
                aria-describedby="description-${category.id}"
                .checked=${live(view.isGranted(category.id))}
              />
              ${category.label}
            </label>
            <p id="description-${category.id}">${category.description}</p>
            ${renderCookies(category, s)}
          </div>`,
        )}
      </fieldset>
    </div>
    <div class="actions">
      <button type="button" class="secondary" part="button" @click=${save}>${s.save}</button>
      <button type="button" class="choice" part="button" @click=${() => view.acceptAll()}>${s.acceptAll}</button>
      <button type="button" class="choice" part="button" @click=${() => view.rejectAll()}>${s.rejectAll}</button>
    </div>`;
}

function renderCookies({ cookies }: ResolvedCategory, strings: ConsentStrings) {
  return html`<ul class="cookies">
    ${cookies.map(
      ({ name, purpose, lifetime }) =>
        html`<li><code>${name}</code>: ${purpose} ${format(strings.cookieLifetime, { lifetime })}</li>`,
    )}
  </ul>`;
}
