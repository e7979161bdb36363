import type { ConsentStrings } from '../i18n/index.js';
import { report as reportError, type Reporter } from '../report.js';
import { CATEGORY_ID_PATTERN, SERVICE_ID_PATTERN, SERVICE_PREFIX } from './cookie-codec.js';
import { cookieMatches } from './cookie-patterns.js';
import type { BuiltInCookie, CategoryConfig, ConsentConfig, CookieDeclaration, LocalizedText, ServiceConfig } from './types.js';

/** A category with every text resolved for one language: what the UI shows. */
export interface ResolvedCategory {
  id: string;
  label: string;
  description: string;
  cookies: ResolvedCookie[];
  /** Its services, once the catalogue part has resolved them (docs/services.md). */
  services?: { id: string; label: string; description: string; cookies: ResolvedCookie[] }[];
}

/** A cookie with its texts in one language. */
export interface ResolvedCookie {
  name: string;
  purpose: string;
  lifetime: string;
  builtIn?: BuiltInCookie;
}

const CATEGORY_KEYS = ['id', 'label', 'description', 'cookies', 'services'];

/**
 * The configured categories: the defaults (`necessary`, `analytics`) merged by id with the
 * configured ones, which may override a default's texts and cookies or add new categories.
 * Each mistake gets one console error that names the field; an invalid category is left out.
 * An optional category's cookie that would match the consent cookie (`consentCookie`) is left
 * out with an error: refusing the category must never delete the record of the refusal.
 * Only known fields are read. Never throws.
 */
export function mergeCategories(
  config: unknown,
  defaults: CategoryConfig[],
  consentCookie: string,
  report: Reporter = reportError,
): CategoryConfig[] {
  const merged = defaults.map((category) => ({ ...category }));
  if (config === null || config === undefined) return merged;
  if (typeof config !== 'object' || Array.isArray(config)) {
    report('config');
    return merged;
  }
  for (const key of Object.keys(config)) {
    if (key !== 'categories' && key !== 'texts') report('config-key', key);
  }
  const configured = (config as ConsentConfig).categories;
  if (configured === undefined) return merged;
  if (!Array.isArray(configured)) {
    report('categories');
    return merged;
  }
  const seen = new Set<string>();
  /** The service ids taken so far: each once on the page. */
  const serviceIds = new Set<string>();
  configured.forEach((entry: unknown, index) => {
    const given = (typeof entry === 'object' && entry !== null ? entry : {}) as Partial<CategoryConfig>;
    const id = given.id;
    if (typeof id !== 'string' || !CATEGORY_ID_PATTERN.test(id) || id.startsWith(SERVICE_PREFIX) || seen.has(id)) {
      report('category-id', index, id);
      return;
    }
    seen.add(id);
    for (const key of Object.keys(given)) {
      if (!CATEGORY_KEYS.includes(key)) report('category-key', index, key, CATEGORY_KEYS);
    }
    const existing = merged.find((category) => category.id === id);
    const category = {
      id,
      label: given.label ?? existing?.label,
      description: given.description ?? existing?.description,
      cookies: given.cookies ?? existing?.cookies,
      services: [] as (string | ServiceConfig)[],
    };
    // A default's own cookies stand when only other fields are given (`{ "id": "analytics", "services": [...] }`).
    if (!isText(category.label) || !isText(category.description) || !Array.isArray(category.cookies) || !(given.cookies ? category.cookies : []).every(isCookie)) {
      report('category-fields', index, id);
      return;
    }
    // Services are checked here for what the cookie needs (an id each, once on the page); their
    // texts and cookies come with the catalogue part.
    if (given.services !== undefined && !Array.isArray(given.services)) report('category-services', index, '', given.services);
    category.services = (Array.isArray(given.services) ? given.services : []).filter((entry: unknown, i) => {
      const service = serviceIdOf(entry as string | ServiceConfig);
      if (typeof service === 'string' && SERVICE_ID_PATTERN.test(service) && !serviceIds.has(service)) return serviceIds.add(service);
      report('category-services', index, `[${i}]`, service);
    });
    if (id !== 'necessary') {
      category.cookies = category.cookies.filter(({ name }) => {
        if (!cookieMatches(consentCookie, name)) return true;
        report('category-consent-cookie', index, name, consentCookie);
        return false;
      });
    }
    if (existing) Object.assign(existing, category);
    else merged.push(category as CategoryConfig);
  });
  return merged;
}

/**
 * The built-in categories, with texts from the given language. Their cookies' texts come with the
 * choices dialog (`builtIn`), which is the only place that shows them.
 */
export function defaultCategories(strings: ConsentStrings, cookieName: string, maxAgeDays: number): CategoryConfig[] {
  return [
    {
      id: 'necessary',
      label: strings.necessaryLabel,
      description: strings.necessaryDescription,
      cookies: [{ name: cookieName, purpose: '', lifetime: String(maxAgeDays), builtIn: 'consent' }],
    },
    {
      id: 'analytics',
      label: strings.analyticsLabel,
      description: strings.analyticsDescription,
      cookies: [
        { name: '_pk_id.*', purpose: '', lifetime: '', builtIn: 'matomoVisitor' },
        { name: '_pk_ses.*', purpose: '', lifetime: '', builtIn: 'matomoSession' },
        { name: '_pk_ref.*', purpose: '', lifetime: '', builtIn: 'matomoReferrer' },
      ],
    },
  ];
}

/** A service entry's id: the name itself, or the object's `id`. */
export function serviceIdOf(entry: string | ServiceConfig | null | undefined): unknown {
  return typeof entry === 'string' ? entry : entry?.id;
}

/** Resolves every text of the categories for one language; services only once the catalogue resolved them all. */
export function resolveCategories(categories: CategoryConfig[], lang: string): ResolvedCategory[] {
  const cookiesOf = (cookies: CookieDeclaration[]) =>
    cookies.map((cookie) => ({
      name: cookie.name,
      purpose: localize(cookie.purpose, lang),
      lifetime: localize(cookie.lifetime, lang),
      builtIn: cookie.builtIn,
    }));
  return categories.map(({ id, label, description, cookies, services }) => ({
    id,
    label: localize(label, lang),
    description: localize(description, lang),
    cookies: cookiesOf(cookies),
    // Until the catalogue resolves them (names become objects with texts), none shows.
    services: services?.every((service) => typeof service === 'object' && service.label)
      ? (services as ServiceConfig[]).map((service) => ({
          id: service.id,
          label: localize(service.label!, lang),
          description: localize(service.description ?? '', lang),
          cookies: cookiesOf(service.cookies ?? []),
        }))
      : [],
  }));
}

/** Text for `lang`, else English, else the first language given. */
export function localize(text: LocalizedText, lang: string): string {
  if (typeof text === 'string') return text;
  return text[lang] ?? text.en ?? Object.values(text)[0] ?? '';
}

export function isText(value: unknown): value is LocalizedText {
  if (typeof value === 'string') return value.trim() !== '';
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length > 0 &&
    Object.values(value).every((text) => typeof text === 'string')
  );
}

/**
 * A cookie declaration: a cookie name, or a prefix of at least two characters ending in `*`
 * (a bare `*` would delete every cookie of the site on withdrawal), with purpose and lifetime.
 */
export function isCookie(value: unknown): value is CookieDeclaration {
  const cookie = value as CookieDeclaration | null;
  return (
    typeof cookie?.name === 'string' &&
    /^[\w!#$%&'+.^`|~-]{2,}\*?$|^[\w!#$%&'+.^`|~-]$/.test(cookie.name) &&
    isText(cookie.purpose) &&
    isText(cookie.lifetime)
  );
}
