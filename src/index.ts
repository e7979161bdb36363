/** The package's entry: no side effects. Import `consent-banner/consent-banner.js` to register the tag. */
export { ConsentBanner } from './ConsentBanner.js';
export type { ConsentPlaceholder } from './ui/ConsentPlaceholder.js';
export type { ConsentPreferences } from './ui/ConsentPreferences.js';
export { ConsentChangeEvent, ConsentReadyEvent, type ConsentState } from './events.js';
export { ConsentStore, type ConsentStoreOptions, type CookieAccess } from './decision/consent-store.js';
export { decodeDecision, encodeDecision } from './decision/cookie-codec.js';
export type {
  CategoryChoices,
  CategoryConfig,
  ConsentConfig,
  ConsentDecision,
  ConsentMethod,
  CookieDeclaration,
  LocalizedText,
  ServiceConfig,
} from './decision/types.js';
export { languages, stringsFor, type ConsentStrings, type FirstLayerStrings } from './i18n/index.js';
