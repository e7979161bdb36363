/** The cookie page's content without JavaScript, with the choices as a form for `consentCookieHandler`. */
import type { ResolvedCategory } from '../decision/categories.js';
import { SERVICE_PREFIX } from '../decision/cookie-codec.js';
import type { ConsentDecision } from '../decision/types.js';
import { cookieRows } from '../i18n/cookie-texts.js';
import { format } from '../i18n/strings.js';
import { describeValue, reportText } from '../report.js';
import { pageTexts } from './page-texts.js';

/** The page's banner configuration, as far as the cookie page's content shows it. */
export interface PreferencesFallbackOptions {
  /** The page's language: `nl`, `en`, `fy`, `de` or `fr` (`nl-BE` is `nl`); any other is English, as in the browser. */
  lang: string;
  /** The banner's `config` (what its JSON child holds): the same categories and cookies, checked with the same console errors. */
  config?: unknown;
  /** The banner's `cookie-name`; default `'consent_banner'`. */
  cookieName?: string;
  /** The banner's `max-age-days`; default 182, at most 395. */
  maxAgeDays?: number;
  /**
   * Where the choices' form posts to (`'/consent'`, served by `consentCookieHandler`): with it,
   * visitors without JavaScript can choose too; without it, the content says choosing needs JavaScript.
   */
  action?: string;
  /** With `action`: the banner's `policy-version`, which the form carries for the handler to check; default `'1'`. */
  policyVersion?: string;
  /** With `action`: the banner's `organisation` (or `site-name`), named in the form's introduction. */
  organisation?: string;
  /** With `action`: the visitor's decision (`readConsent(req.headers.cookie, …)`), whose granted categories are ticked. */
  decision?: ConsentDecision | null;
  /** With `action`: the path the handler sends the visitor back to (`'/cookies'`); default the page that posted. */
  returnTo?: string;
}

/**
 * The content to put inside `<consent-preferences>` on the cookie page, as HTML: what a visitor
 * without JavaScript sees (and everyone sees until the element's code has run). The choices'
 * title and each category with its description and its cookies as a table with a caption (and
 * each of its services, docs/services.md, with theirs): the same categories, texts and rows as the
 * choices show, from the same configuration. Without `action`, a note that choosing needs
 * JavaScript and that without it no optional script runs. With `action`, the choices as a form
 * that posts there (to `consentCookieHandler`): the same introduction, a labelled checkbox per
 * optional category in a fieldset (for a category with services, a group with a checkbox per
 * service instead), and the same save, accept all and reject all buttons. The element replaces it with the choices once it runs; about the
 * same height, so the page barely moves. Every text is escaped. Never throws: a mistake in the
 * options gets one console error and the default.
 *
 * ```js
 * const html = `<consent-preferences>${renderPreferencesFallback({ lang: 'nl', config })}</consent-preferences>`;
 * ```
 */
export function renderPreferencesFallback(options: PreferencesFallbackOptions): string {
  const given = (typeof options === 'object' && options !== null ? options : {}) as Partial<PreferencesFallbackOptions>;
  const { strings, d, categories, policyVersion } = pageTexts(given, 'renderPreferencesFallback');
  const table = (category: Pick<ResolvedCategory, 'label' | 'cookies'>) => {
    const rows = cookieRows(category, d)
      .map(({ name, purpose, lifetime }) => `<tr><th scope="row"><code>${escape(name)}</code></th><td>${escape(purpose)}</td><td>${escape(lifetime)}</td></tr>`)
      .join('');
    return [
      `<table><caption>${escape(format(d.cookieTableCaption, { label: category.label }))}</caption>`,
      `<thead><tr><th scope="col">${escape(d.cookieNameHeader)}</th><th scope="col">${escape(d.cookiePurposeHeader)}</th><th scope="col">${escape(d.cookieLifetimeHeader)}</th></tr></thead>`,
      `<tbody>${rows}</tbody></table>`,
    ].join('\n');
  };
  const section = (category: ResolvedCategory) => {
    const heading = category.id === 'necessary' ? `${category.label}${d.colon}${d.alwaysActive}` : category.label;
    const services = (category.services ?? []).flatMap((service) => [`<h4>${escape(service.label)}</h4>`, `<p>${escape(service.description)}</p>`, ...cookiesOf(service)]);
    return [`<h3>${escape(heading)}</h3>`, `<p>${escape(category.description)}</p>`, table(category), ...services].join('\n');
  };
  /** A service's cookie table, when it sets any (as the choices show it). */
  const cookiesOf = (service: Pick<ResolvedCategory, 'label' | 'cookies'>) => (service.cookies.length ? [table(service)] : []);
  const checkbox = (value: string, describedBy: string, label: string, checked: boolean) =>
    `<p><label><input type="checkbox" name="granted" value="${escape(value)}" aria-describedby="${describedBy}"${checked ? ' checked' : ''}> ${escape(label)}</label></p>`;
  const granted = (id: string) => given.decision?.categories?.[id] === true;
  /**
   * An optional category in the form: its box; or, with services, a group named by the category
   * with a box per service (`s--<id>`, as in the choices) and none for the category: each ticked
   * box grants its service alone (docs/services.md), never the category, so a form from an older
   * page (other services) or a changed one can never grant what was not ticked. Without script no
   * box can stand for the others.
   */
  const choice = (category: ResolvedCategory) => {
    const describedBy = `consent-description-${escape(category.id)}`;
    const services = category.services ?? [];
    if (!services.length) {
      return [checkbox(category.id, describedBy, category.label, granted(category.id)), `<p id="${describedBy}">${escape(category.description)}</p>`, table(category)].join('\n');
    }
    return [
      `<fieldset class="consent-preferences-services" aria-describedby="${describedBy}">`,
      `<legend>${escape(category.label)}</legend>`,
      `<p id="${describedBy}">${escape(category.description)}</p>`,
      table(category),
      ...services.flatMap((service) => {
        const serviceDescribedBy = `consent-description-${escape(category.id)}.${escape(service.id)}`;
        return [
          checkbox(SERVICE_PREFIX + service.id, serviceDescribedBy, service.label, granted(category.id) || granted(SERVICE_PREFIX + service.id)),
          `<p id="${serviceDescribedBy}">${escape(service.description)}</p>`,
          ...cookiesOf(service),
        ];
      }),
      '</fieldset>',
    ].join('\n');
  };
  const action = formAction(given);
  const content =
    action === null
      ? [`<p class="consent-preferences-notice">${escape(d.noScriptNotice)}</p>`, ...categories.map(section)]
      : [
          // The choices as the element shows them (L5, L10, A8), in HTML that works without script.
          `<form class="consent-preferences-form" method="post" action="${escape(action)}">`,
          ...(typeof given.organisation === 'string' && given.organisation.trim()
            ? [`<p>${escape(format(d.preferencesIntro, { organisation: given.organisation }))}</p>`]
            : []),
          ...categories.filter(({ id }) => id === 'necessary').map(section),
          '<fieldset>',
          `<legend>${escape(d.preferencesLegend)}</legend>`,
          ...categories.filter(({ id }) => id !== 'necessary').map(choice),
          '</fieldset>',
          `<p class="consent-preferences-actions">${[
            ['custom', d.save],
            ['accept-all', strings.acceptAll],
            ['reject-all', strings.rejectAll],
          ]
            .map(([method, label]) => `<button type="submit" name="method" value="${method}">${escape(label)}</button>`)
            .join(' ')}</p>`,
          `<input type="hidden" name="policy-version" value="${escape(policyVersion)}">`,
          ...(typeof given.returnTo === 'string' ? [`<input type="hidden" name="return" value="${escape(given.returnTo)}">`] : []),
          '</form>',
        ];
  return [
    `<div class="consent-preferences-fallback" lang="${escape(strings.lang)}" dir="${strings.dir}">`,
    `<h2>${escape(d.preferencesTitle)}</h2>`,
    ...content,
    '</div>',
  ].join('\n');
}

/**
 * The form's address when one is asked for (`action`), or `null` for the content without a form;
 * with a form, an `organisation` to name in its introduction (without one, one console error and no introduction).
 */
function formAction({ action, organisation }: Partial<PreferencesFallbackOptions>): string | null {
  if (action === undefined) return null;
  if (typeof action !== 'string' || action.trim() === '') {
    reportText(`renderPreferencesFallback: action must be the address of consentCookieHandler, such as "/consent"; got ${describeValue(action)}. No form: choosing needs JavaScript.`);
    return null;
  }
  if (typeof organisation !== 'string' || organisation.trim() === '') {
    reportText(`renderPreferencesFallback: organisation must name who sets the cookies ("het ministerie van Voorbeelden"); got ${describeValue(organisation)}. The form has no introduction.`);
  }
  return action;
}

/** Text as HTML text or attribute value. */
function escape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
