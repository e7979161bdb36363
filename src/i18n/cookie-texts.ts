import type { ResolvedCategory } from '../decision/categories.js';
import { format, type DetailStrings } from './strings.js';

/** One row of a category's cookie table: the cookie's name, what it is for and how long it is kept. */
export interface CookieRow {
  name: string;
  purpose: string;
  lifetime: string;
}

/**
 * The rows of a category's cookie table in the language of `d`, for the choices (Lit) and for
 * `consent-banner/server` (HTML text) alike, so that both show the same words: a built-in
 * cookie's purpose and lifetime come from the detail texts, a configured one's as given.
 */
export function cookieRows({ cookies }: Pick<ResolvedCategory, 'cookies'>, d: DetailStrings): CookieRow[] {
  return cookies.map(({ name, purpose, lifetime, builtIn }) => {
    if (builtIn === 'consent') return { name, purpose: d.consentCookiePurpose, lifetime: format(d.days, { days: lifetime }) };
    if (builtIn) return { name, purpose: d[`${builtIn}Purpose`], lifetime: d[`${builtIn}Lifetime`] };
    return { name, purpose, lifetime };
  });
}
