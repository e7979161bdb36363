import { css } from '@lit/reactive-element/css-tag.js';
import { html, nothing } from 'lit/html.js';
import { live } from 'lit/directives/live.js';
import { cookieRows } from '../i18n/cookie-texts.js';
import { detailsFor } from '../i18n/details.js';
export { reportSiteTexts } from '../i18n/details.js';
import { format, type ConsentStrings } from '../i18n/index.js';
import type { DetailStrings } from '../i18n/strings.js';
import type { ResolvedCategory } from '../decision/categories.js';
import type { CategoryChoices } from '../decision/types.js';
import { SERVICE_PREFIX } from '../decision/cookie-codec.js';
import type { ConsentBanner } from '../ConsentBanner.js';

/**
 * The choices' own styles, added to the shadow root that shows them (next to the banner's). At
 * 320 px with 200% text a line holds about nine characters: the categories and their cookie
 * tables break long words anywhere (`overflow-wrap: anywhere` also lowers their smallest width,
 * which a table, a fieldset and a flex label otherwise keep at their longest word), so that
 * nothing scrolls sideways (A10).
 */
export const choicesStyles = css`
  dialog[open] {
    display: flex;
    flex-direction: column;
  }
  dialog {
    container-type: inline-size;
    overflow-y: auto;
    overscroll-behavior: contain;
    box-sizing: border-box;
    width: min(40rem, calc(100vw - 1rem));
    max-height: calc(100dvh - 1rem);
    padding: var(--consent-banner-padding, 1rem) var(--consent-banner-padding, 1rem) 0;
    color: inherit;
    background: var(--consent-banner-background, #fff);
    border: 2px solid var(--_consent-banner-accent);
  }
  dialog .actions {
    --actions-column: 11rem;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  fieldset {
    min-inline-size: 0;
    margin: 0 0 1rem;
    padding: 0;
    border: 0;
  }
  fieldset,
  .category {
    overflow-wrap: anywhere;
  }
  legend {
    padding: 0;
    font-weight: 600;
  }
  .category {
    margin: 0 0 1rem;
  }
  .services {
    margin-inline-start: 2rem;
  }
  .category label,
  .always-on {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: var(--consent-banner-target-size, 44px);
    font-weight: 600;
  }
  input[type='checkbox'] {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    accent-color: var(--_consent-banner-accent);
  }
  .cookies {
    width: 100%;
    margin: 0 0 0.75rem;
    border-collapse: collapse;
    font-size: 0.9em;
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  caption {
    margin-bottom: 0.25rem;
    font-weight: 600;
    text-align: start;
  }
  th,
  td {
    padding: 0.25rem 0.5rem 0.25rem 0;
    text-align: start;
    vertical-align: top;
    border-bottom: 1px solid color-mix(in srgb, currentColor 40%, transparent);
  }
  thead th {
    border-bottom-width: 2px;
  }
  tbody th {
    font-weight: inherit;
  }
  code {
    overflow-wrap: anywhere;
  }
`;

/** What the per-category choices show and do. */
export interface ChoicesView {
  strings: ConsentStrings;
  organisation: string;
  categories: ResolvedCategory[];
  /** Whether a category, or a service of it, is granted now. */
  isGranted(id: string, service?: string): boolean;
  /** The current state comes from the browser's Global Privacy Control signal (I6). */
  gpc: boolean;
  /** Categories that run without consent until turned off (L17). */
  exempt: string[];
  save(choices: CategoryChoices): void;
  /** Closes without changing anything (the dialog; Esc does the same). None on the cookie page. */
  close?: () => void;
  acceptAll(): void;
  rejectAll(): void;
}

/**
 * The choices' view data for a banner, built in one place for its dialog and for
 * `<consent-preferences>`: its categories and state, with the actions the caller gives.
 */
export function choicesViewOf(
  banner: ConsentBanner,
  strings: ConsentStrings,
  actions: Pick<ChoicesView, 'save' | 'acceptAll' | 'rejectAll' | 'close'>,
): ChoicesView {
  const categories = banner.categories;
  return {
    strings,
    organisation: banner.organisationName,
    categories,
    isGranted: (id, service) => banner.hasConsent(id, service),
    gpc: banner.consent?.method === 'gpc',
    // The Dutch exempt-analytics mode (L17) exempts analytics, when it is configured.
    exempt: banner.analyticsExempt && categories.some(({ id }) => id === 'analytics') ? ['analytics'] : [],
    ...actions,
  };
}

/**
 * The choice per category (L5, L8, L10, A8): necessary shown as always on, one labelled
 * checkbox per optional category in a fieldset, each category's cookies in a table, and save /
 * accept all / reject all. Shared by the banner's dialog and `<consent-preferences>`; the
 * heading has the id `title`. A category with services has a box per service below its own, in
 * a group named by the category; the category's box is for all of them (mixed while some are
 * granted), docs/services.md.
 */
export function renderChoices(view: ChoicesView) {
  const s = view.strings;
  const d = detailsFor(s);
  const necessary = view.categories.find(({ id }) => id === 'necessary');
  const optional = view.categories.filter(({ id }) => id !== 'necessary');
  // In a dialog, a button acts only while it is open: a double click decides once.
  const act = (decide: (root: ParentNode) => void) => (event: Event) => {
    const button = event.currentTarget as Element;
    if (button.closest('dialog:not([open])')) return;
    decide(button.getRootNode() as ParentNode);
  };
  const serviceBoxes = (root: Node, category: string) =>
    (root.getRootNode() as ParentNode).querySelectorAll<HTMLInputElement>(`input[data-category="${category}"]`);
  // The category's box sets all its services; a service's box makes the category's all, none or mixed.
  const forAll = (event: Event) => {
    const box = event.currentTarget as HTMLInputElement;
    serviceBoxes(box, box.name).forEach((service) => (service.checked = box.checked));
  };
  const fromService = (event: Event) => {
    const box = event.currentTarget as HTMLInputElement;
    const category = box.dataset.category!;
    const services = [...serviceBoxes(box, category)];
    const all = (box.getRootNode() as ParentNode).querySelector<HTMLInputElement>(`input[name="${category}"]`)!;
    all.checked = services.every(({ checked }) => checked);
    all.indeterminate = !all.checked && services.some(({ checked }) => checked);
  };
  const save = act((root) => {
    const choices: CategoryChoices = {};
    root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]').forEach((box) => {
      choices[box.name] = box.checked;
    });
    view.save(choices);
  });
  return html`<div class="message">
      <h2 id="title" class="title" tabindex=${view.close ? '-1' : nothing}>${d.preferencesTitle}</h2>
      <p>${format(d.preferencesIntro, { organisation: view.organisation })}</p>
      ${view.gpc ? html`<p class="notice">${d.gpcNotice}</p>` : nothing}
      ${necessary
        ? html`<div class="category">
            <p class="always-on">${necessary.label}${d.colon}${d.alwaysActive}</p>
            <p>${necessary.description}</p>
            ${renderCookies(necessary, d)}
          </div>`
        : nothing}
      <fieldset>
        <legend>${d.preferencesLegend}</legend>
        ${optional.map((category) => {
          const services = category.services ?? [];
          const granted = view.isGranted(category.id);
          return html`<div class="category">
            <label id="label-${category.id}">
              <input
                type="checkbox"
                name=${category.id}
                aria-describedby="description-${category.id}"
                .checked=${live(granted)}
                .indeterminate=${live(!granted && services.some(({ id }) => view.isGranted(category.id, id)))}
                @change=${services.length ? forAll : nothing}
              />
              ${category.label}
            </label>
            <p id="description-${category.id}">
              ${category.description} ${view.exempt.includes(category.id) ? d.exemptNotice : nothing}
            </p>
            ${renderCookies(category, d)}
            ${services.length
              ? html`<div class="services" role="group" aria-labelledby="label-${category.id}">
                  ${services.map(
                    (service) => html`<div class="category">
                      <label>
                        <input
                          type="checkbox"
                          name=${SERVICE_PREFIX + service.id}
                          data-category=${category.id}
                          aria-describedby="description-${category.id}.${service.id}"
                          .checked=${live(view.isGranted(category.id, service.id))}
                          @change=${fromService}
                        />
                        ${service.label}
                      </label>
                      <p id="description-${category.id}.${service.id}">${service.description}</p>
                      ${service.cookies.length ? renderCookies(service, d) : nothing}
                    </div>`,
                  )}
                </div>`
              : nothing}
          </div>`;
        })}
      </fieldset>
    </div>
    <div class="actions">
      <button type="button" class="secondary" part="button" @click=${save}>${d.save}</button>
      <button type="button" class="choice" part="button" @click=${act(() => view.acceptAll())}>${s.acceptAll}</button>
      <button type="button" class="choice" part="button" @click=${act(() => view.rejectAll())}>${s.rejectAll}</button>
      ${view.close ? html`<button type="button" class="secondary" part="button" @click=${view.close}>${d.close}</button>` : nothing}
    </div>`;
}

/**
 * A category's cookies as a table with a caption (L8): one row per cookie, its name as the row's
 * header. `consent-banner/server` writes the same table as HTML for pages without JavaScript.
 */
function renderCookies(category: Pick<ResolvedCategory, 'label' | 'cookies'>, d: DetailStrings) {
  return html`<table class="cookies">
    <caption>${format(d.cookieTableCaption, { label: category.label })}</caption>
    <thead>
      <tr><th scope="col">${d.cookieNameHeader}</th><th scope="col">${d.cookiePurposeHeader}</th><th scope="col">${d.cookieLifetimeHeader}</th></tr>
    </thead>
    <tbody>
      ${cookieRows(category, d).map(
        ({ name, purpose, lifetime }) => html`<tr><th scope="row"><code>${name}</code></th><td>${purpose}</td><td>${lifetime}</td></tr>`,
      )}
    </tbody>
  </table>`;
}
