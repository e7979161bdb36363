/** How a decision was made. Recorded in the cookie so consent can be demonstrated (L13). */
export type ConsentMethod = 'accept-all' | 'reject-all' | 'custom' | 'gpc';

/** Per-category choice: category id → granted. `necessary` is always `true`. */
export type CategoryChoices = Record<string, boolean>;

/** A decision the visitor made, as stored in the consent cookie. */
export interface ConsentDecision {
  /** The `policy-version` the visitor decided on. */
  policyVersion: string;
  /** When the decision was made, ISO 8601 (UTC, whole seconds). */
  decidedAt: string;
  method: ConsentMethod;
  /**
   * The categories decided, `necessary` included: every configured one, but after `grant()`
   * alone, or when a category was configured since, the undecided ones are missing.
   */
  categories: CategoryChoices;
  /** A random id for consent receipts (L13), kept in the cookie only when `receipt-url` is set. */
  consentId?: string;
}

/** Text in one language, or a map of language code → text (`{ "nl": …, "en": … }`). */
export type LocalizedText = string | Record<string, string>;

/** A cookie a category sets. A name ending in `*` is a prefix (`_pk_id.*`). */
export interface CookieDeclaration {
  name: string;
  purpose: LocalizedText;
  lifetime: LocalizedText;
  /**
   * @internal A cookie of the built-in categories, whose texts come with the choices dialog;
   * for `consent`, `lifetime` holds the number of days.
   */
  builtIn?: BuiltInCookie;
}

/** @internal */
export type BuiltInCookie = 'consent' | 'matomoVisitor' | 'matomoSession' | 'matomoReferrer';

/** A consent category as configured (L8). */
export interface CategoryConfig {
  /** Lower-case id: letters, digits, `-` and `_`, starting with a letter. */
  id: string;
  label: LocalizedText;
  /** One plain sentence that says what the category is for (L9). */
  description: LocalizedText;
  cookies: CookieDeclaration[];
  /**
   * The tools in this category, each with its own choice inside the category's (docs/services.md):
   * a name from the catalogue (`"youtube"`), or a service of the site's own, which may also
   * override a catalogue entry's texts or cookies by its `id`.
   */
  services?: (string | ServiceConfig)[];
}

/** A service: one tool inside a category, chosen on its own (docs/services.md). */
export interface ServiceConfig {
  /** Lower-case id: letters, digits, `-` and `_`, starting with a letter, at most 29 characters. */
  id: string;
  label?: LocalizedText;
  /** One plain sentence: what the visitor gets from it and who provides it. */
  description?: LocalizedText;
  /** The cookies it sets on the site's own domain (deleted when it is refused), and others it sets (listed). */
  cookies?: CookieDeclaration[];
}

/** The `config` property, or the JSON child `<script type="application/json">`. */
export interface ConsentConfig {
  categories?: Partial<CategoryConfig>[];
  /**
   * The site's own wording, by language code (`nl`, `en`, `fy`, `de`, `fr`), each an object of
   * texts by key (docs/texts.md lists them): `{ "nl": { "intro": "…" } }`. A text may leave out
   * the built-in text's placeholders, not add others.
   */
  texts?: Record<string, Record<string, string>>;
}
