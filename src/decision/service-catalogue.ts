import type { Reporter } from '../report.js';
import { isCookie, isText, serviceIdOf } from './categories.js';
import { cookieMatches } from './cookie-patterns.js';
import type { CategoryConfig, CookieDeclaration, LocalizedText, ServiceConfig } from './types.js';

/**
 * The ready-made services (docs/services.md): the tools Dutch government sites use, each with
 * the category it belongs in, its texts (nl, en; other languages show the English) and the
 * cookies it sets, so that a site names them (`"services": ["youtube", "vimeo"]`) instead of
 * writing them out. A part, fetched only by a configuration that names services.
 *
 * Cookies on the vendor's domain are listed (the visitor is told of them) but cannot be deleted
 * by the site; the first-party ones are deleted when the service is refused. The sources of each
 * entry are in docs/services.md.
 */
export interface CatalogueEntry {
  /** The category the service belongs in; the site's own category id may differ. */
  category: 'analytics' | 'media' | 'functional';
  label: LocalizedText;
  description: LocalizedText;
  cookies: CookieDeclaration[];
  /** Where its scripts and frames come from (for docs and the audit). */
  hosts: string[];
}

const session: LocalizedText = { nl: 'tot u de browser sluit', en: 'until you close the browser' };
const minutes = (n: number): LocalizedText => ({ nl: `${n} minuten`, en: `${n} minutes` });
const days = (n: number): LocalizedText => ({ nl: `${n} dagen`, en: `${n} days` });
const months = (n: number): LocalizedText => ({ nl: `${n} maanden`, en: `${n} months` });
const untilCleared: LocalizedText = { nl: 'tot u het wist', en: 'until you clear it' };
const cookie = (name: string, nl: string, en: string, lifetime: LocalizedText): CookieDeclaration => ({ name, purpose: { nl, en }, lifetime });
/** A cookie (or browser storage) on the vendor's own domain, in its frame: listed, never deletable by the site. */
const vendorCookie = (vendor: string, domain: string) => (name: string, nl: string, en: string, lifetime: LocalizedText) =>
  cookie(name, `${vendor}: ${nl} (op ${domain})`, `${vendor}: ${en} (on ${domain})`, lifetime);
/** Content shown on the page from another website. */
const media = (label: LocalizedText, nl: string, en: string, hosts: string[], cookies: CookieDeclaration[]): CatalogueEntry => ({
  category: 'media',
  label,
  description: { nl, en },
  cookies,
  hosts,
});

const visitor = (lifetime: LocalizedText) => cookie('_pk_id.*', 'Herkent uw browser bij een volgend bezoek', 'Recognises your browser on a later visit', lifetime);
const visit = cookie('_pk_ses.*', 'Koppelt wat u doet tijdens één bezoek', 'Links what you do during one visit', minutes(30));

const youtube = vendorCookie('YouTube', 'youtube.com');
const youtubeAfterPlay = [
  youtube('VISITOR_INFO1_LIVE', 'onthoudt voorkeuren en helpt storingen op te lossen', 'remembers preferences and helps fix problems', months(6)),
  youtube('YSC', 'beveiliging tijdens uw bezoek', 'security during your visit', session),
  youtube('PREF', 'onthoudt uw instellingen van de speler', 'remembers your player settings', months(8)),
  youtube('VISITOR_PRIVACY_METADATA', 'bewaart uw cookiekeuze bij YouTube', 'keeps your cookie choice at YouTube', months(6)),
];
const youtubeStorage = vendorCookie('YouTube', 'de opslag van uw browser');
const vimeo = vendorCookie('Vimeo', 'vimeo.com');
const google = vendorCookie('Google', 'google.com');
const x = vendorCookie('X', 'x.com');
const instagram = vendorCookie('Instagram', 'instagram.com');

export const SERVICE_CATALOGUE: Record<string, CatalogueEntry> = {
  matomo: {
    category: 'analytics',
    label: 'Matomo',
    description: { nl: 'Statistieken over het bezoek aan deze website, gemeten met Matomo.', en: 'Statistics about visits to this website, measured with Matomo.' },
    cookies: [visitor(months(13)), visit, cookie('_pk_ref.*', 'Onthoudt via welke website of campagne u kwam', 'Remembers which website or campaign you came from', months(6))],
    hosts: [],
  },
  'piwik-pro': {
    category: 'analytics',
    label: 'Piwik PRO',
    description: { nl: 'Statistieken over het bezoek aan deze website, gemeten met Piwik PRO.', en: 'Statistics about visits to this website, measured with Piwik PRO.' },
    cookies: [
      visitor(months(13)),
      visit,
      cookie('ppms_privacy_*', 'Bewaart uw keuze (alleen met de toestemmingsmodule van Piwik PRO)', "Keeps your choice (only with Piwik PRO's Consent Manager)", months(12)),
      cookie('stg_*', 'Tag Manager van Piwik PRO: onthoudt uw bezoek en waar het vandaan kwam', "Piwik PRO's Tag Manager: remembers your visit and where it came from", days(365)),
    ],
    hosts: ['*.containers.piwik.pro', '*.piwik.pro'],
  },
  siteimprove: {
    category: 'analytics',
    label: 'Siteimprove',
    description: { nl: 'Statistieken over het bezoek aan deze website, gemeten met Siteimprove.', en: 'Statistics about visits to this website, measured with Siteimprove.' },
    cookies: [
      cookie('nmstat', 'Herkent uw browser bij een volgend bezoek', 'Recognises your browser on a later visit', days(1000)),
      cookie('siteimproveses', "Houdt bij welke pagina's u in één bezoek ziet", 'Tracks the pages you see in one visit', session),
    ],
    hosts: ['siteimproveanalytics.com', '*.siteimproveanalytics.io'],
  },
  youtube: media('YouTube', "Video's van YouTube (Google), direct op deze pagina.", 'Videos from YouTube (Google), shown inside this page.', ['www.youtube.com', 'i.ytimg.com', '*.googlevideo.com'], [
    ...youtubeAfterPlay,
    youtubeStorage('yt-remote-*', 'apparaatnummer en instellingen van de speler', 'device id and player settings', untilCleared),
  ]),
  'youtube-nocookie': media(
    { nl: 'YouTube (met extra privacy)', en: 'YouTube (privacy-enhanced mode)' },
    "Video's van YouTube (Google) met extra privacy: cookies pas als u een video afspeelt.",
    'Videos from YouTube (Google) in privacy-enhanced mode: cookies only once you play a video.',
    ['www.youtube-nocookie.com', 'i.ytimg.com', '*.googlevideo.com'],
    [
      youtubeStorage('yt-remote-*', 'apparaatnummer en instellingen van de speler, al bij het laden', 'device id and player settings, already on loading', untilCleared),
      youtubeStorage('ytidb*', 'gegevens van de speler, al bij het laden', 'player data, already on loading', untilCleared),
      ...youtubeAfterPlay,
    ],
  ),
  vimeo: media('Vimeo', "Video's van Vimeo, direct op deze pagina.", 'Videos from Vimeo, shown inside this page.', ['player.vimeo.com', 'f.vimeocdn.com', 'i.vimeocdn.com'], [
    vimeo('vuid', 'nummer om het kijken te meten voor de eigenaar van de video', 'an id that measures viewing for the video\'s owner', months(24)),
    vimeo('player', 'onthoudt volume, kwaliteit en ondertitels', 'remembers volume, quality and captions', days(365)),
    vimeo('__cf_bm', 'beschermt tegen robots (Cloudflare)', 'keeps out bots (Cloudflare)', minutes(30)),
    vimeo('_cfuvid', 'beperkt te veel verzoeken (Cloudflare)', 'limits too many requests (Cloudflare)', session),
  ]),
  'google-maps': media('Google Maps', 'Kaarten van Google Maps, direct op deze pagina.', 'Maps from Google Maps, shown inside this page.', ['www.google.com', 'maps.googleapis.com', 'maps.gstatic.com'], [
    google('NID', 'onthoudt voorkeuren, ook voor advertenties', 'remembers preferences, also for advertising', months(6)),
    google('AEC', 'beveiliging', 'security', months(6)),
    google('SOCS', 'uw cookiekeuze bij Google', 'your cookie choice at Google', months(13)),
  ]),
  // No cookies known (its embed page is a cached static file); the visitor's IP address still goes to OpenStreetMap.
  openstreetmap: media(
    'OpenStreetMap',
    'Kaarten van OpenStreetMap, direct op deze pagina. Plaatst geen cookies; uw IP-adres gaat wel naar OpenStreetMap.',
    'Maps from OpenStreetMap, shown inside this page. Sets no cookies; your IP address does go to OpenStreetMap.',
    ['www.openstreetmap.org', 'tile.openstreetmap.org'],
    [],
  ),
  x: media({ nl: 'X (vroeger Twitter)', en: 'X (formerly Twitter)' }, 'Berichten van X, direct op deze pagina.', 'Posts from X, shown inside this page.', ['platform.twitter.com', 'platform.x.com', 'syndication.twitter.com', 'pbs.twimg.com'], [
    x('guest_id', 'herkent uw browser, ook zonder account', 'recognises your browser, also without an account', months(13)),
    x('personalization_id', 'past inhoud en advertenties op u aan', 'tailors content and ads to you', months(13)),
    x('muc_ads', 'meet advertenties', 'measures ads', months(13)),
    x('guest_id_*', 'herkent uw browser voor advertenties', 'recognises your browser for ads', months(13)),
    x('gt', 'laat het bericht laden zonder account', 'loads the post without an account', session),
  ]),
  instagram: media('Instagram', 'Berichten van Instagram (Meta), direct op deze pagina.', 'Posts from Instagram (Meta), shown inside this page.', ['www.instagram.com', 'static.cdninstagram.com', 'scontent.cdninstagram.com'], [
    instagram('csrftoken', 'beveiliging', 'security', months(12)),
    instagram('mid', 'herkent uw browser', 'recognises your browser', months(13)),
    instagram('ig_did', 'herkent uw apparaat', 'recognises your device', months(13)),
    instagram('ig_nrcb', 'uw cookiekeuze bij Instagram', 'your cookie choice at Instagram', months(12)),
    instagram('datr', 'herkent uw browser om misbruik tegen te gaan', 'recognises your browser against abuse', months(13)),
  ]),
  readspeaker: {
    category: 'functional',
    label: 'ReadSpeaker',
    description: { nl: 'Voorlezen: laat de tekst op deze pagina voorlezen (ReadSpeaker).', en: 'Read aloud: have the text on this page read out to you (ReadSpeaker).' },
    cookies: [
      cookie('_rspkrLoadCore', 'Zorgt dat de voorleesknop op de volgende pagina meteen werkt', 'Makes the read-aloud button work at once on the next page', session),
      cookie('ReadSpeakerSettings', 'Onthoudt uw instellingen van de voorleesfunctie', 'Remembers your read-aloud settings', days(4)),
    ],
    hosts: ['cdn-eu.readspeaker.com', 'app-eu.readspeaker.com'],
  },
};

const SERVICE_KEYS = ['id', 'label', 'description', 'cookies'];

/**
 * The categories with their services resolved: a name from the catalogue, or the site's own
 * `{ id, label, description?, cookies? }`, which may also override a catalogue entry's fields.
 * Each mistake gets one console error and a safe default: an invalid field of a catalogue entry
 * falls back to the catalogue's; a service the catalogue lacks without a valid label is shown by
 * its id, without a valid cookie list with none. Every service follows its category's choice
 * unless chosen on its own. A cookie that would match the consent cookie is left out. Never throws.
 */
export function resolveServices(categories: CategoryConfig[], consentCookie: string, report: Reporter): CategoryConfig[] {
  return categories.map((category) =>
    category.services?.length ? { ...category, services: category.services.map((entry) => resolve(entry, category.id, consentCookie, report)) } : category,
  );
}

function resolve(entry: string | ServiceConfig, category: string, consentCookie: string, report: Reporter): ServiceConfig {
  const id = serviceIdOf(entry) as string;
  const given: Partial<ServiceConfig> = typeof entry === 'object' ? entry : {};
  for (const key of Object.keys(given)) {
    if (!SERVICE_KEYS.includes(key)) report('service-key', category, id, key, SERVICE_KEYS);
  }
  const known = Object.hasOwn(SERVICE_CATALOGUE, id) ? SERVICE_CATALOGUE[id] : undefined;
  if (!known && given.label === undefined) {
    report('service-unknown', category, id, Object.keys(SERVICE_CATALOGUE));
  }
  /** The given field when valid, else (with one console error when one was given) the catalogue's, else `fallback`. */
  const field = <K extends 'label' | 'description' | 'cookies'>(key: K, valid: (value: unknown) => boolean, fallback: NonNullable<ServiceConfig[K]>) => {
    const value = given[key];
    if (value !== undefined && valid(value)) return value as NonNullable<ServiceConfig[K]>;
    if (value !== undefined) report('service-field', category, id, key, value, Boolean(known));
    return (known?.[key] as NonNullable<ServiceConfig[K]> | undefined) ?? fallback;
  };
  return {
    id,
    label: field('label', isText, id),
    description: field('description', isText, ''),
    cookies: field('cookies', (cookies) => Array.isArray(cookies) && cookies.every(isCookie), []).filter(({ name }) => {
      if (!cookieMatches(consentCookie, name)) return true;
      report('service-consent-cookie', category, id, name, consentCookie);
      return false;
    }),
  };
}
