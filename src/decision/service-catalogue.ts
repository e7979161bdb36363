import { describeValue } from '../report.js';
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
const cookie = (name: string, nl: string, en: string, lifetime: LocalizedText): CookieDeclaration => ({ name, purpose: { nl, en }, lifetime });

const visitor = (name: string, lifetime: LocalizedText) =>
  cookie(name, 'Herkent uw browser bij een volgend bezoek', 'Recognises your browser on a later visit', lifetime);
const visit = (name: string) => cookie(name, 'Houdt bij welke pagina’s u in dit bezoek bekijkt', 'Tracks the pages you view in this visit', minutes(30));
const referrer = (name: string) => cookie(name, 'Onthoudt via welke website u kwam', 'Remembers which website you came from', months(6));

const youtubeCookies = [
  cookie('VISITOR_INFO1_LIVE', 'YouTube: herkent uw browser en meet de verbinding (op youtube.com)', 'YouTube: recognises your browser and measures the connection (on youtube.com)', days(180)),
  cookie('YSC', 'YouTube: telt het afspelen (op youtube.com)', 'YouTube: counts plays (on youtube.com)', session),
  cookie('yt-remote-*', 'YouTube: onthoudt uw speler en apparaten (opslag in de browser)', 'YouTube: remembers your player and devices (browser storage)', { nl: 'tot u het wist', en: 'until you clear it' }),
];

export const SERVICE_CATALOGUE: Record<string, CatalogueEntry> = {
  matomo: {
    category: 'analytics',
    label: 'Matomo',
    description: { nl: 'Statistieken over het gebruik van de website, bij de organisatie zelf bewaard.', en: 'Statistics on how the website is used, kept by the organisation itself.' },
    cookies: [visitor('_pk_id.*', months(13)), visit('_pk_ses.*'), referrer('_pk_ref.*')],
    hosts: [],
  },
  'piwik-pro': {
    category: 'analytics',
    label: 'Piwik PRO',
    description: { nl: 'Statistieken over het gebruik van de website, met Piwik PRO.', en: 'Statistics on how the website is used, with Piwik PRO.' },
    cookies: [
      visitor('_pk_id.*', months(13)),
      visit('_pk_ses.*'),
      referrer('_pk_ref.*'),
      cookie('ppms_privacy_*', 'Onthoudt uw keuze voor Piwik PRO', 'Remembers your choice for Piwik PRO', months(12)),
      cookie('stg_*', 'Tag Manager van Piwik PRO: onthoudt uw bezoek', 'Piwik PRO Tag Manager: remembers your visit', days(365)),
    ],
    hosts: ['*.piwik.pro', '*.containers.piwik.pro'],
  },
  siteimprove: {
    category: 'analytics',
    label: 'Siteimprove',
    description: { nl: 'Statistieken en controle van de kwaliteit van de website, met Siteimprove.', en: 'Statistics and quality checks of the website, with Siteimprove.' },
    cookies: [
      visitor('nmstat', days(1000)),
      cookie('siteimproveses', 'Houdt bij welke pagina’s u in dit bezoek bekijkt', 'Tracks the pages you view in this visit', session),
    ],
    hosts: ['siteimproveanalytics.com', 'siteimproveanalytics.io'],
  },
  youtube: {
    category: 'media',
    label: 'YouTube',
    description: { nl: "Video's van YouTube (Google) op deze website.", en: 'Videos from YouTube (Google) on this website.' },
    cookies: youtubeCookies,
    hosts: ['www.youtube.com', 'i.ytimg.com', 'www.google.com'],
  },
  'youtube-nocookie': {
    category: 'media',
    label: { nl: 'YouTube (privacyvriendelijke modus)', en: 'YouTube (privacy-enhanced mode)' },
    description: {
      nl: "Video's van YouTube (Google), zonder cookies tot u een video afspeelt.",
      en: 'Videos from YouTube (Google), without cookies until you play a video.',
    },
    cookies: youtubeCookies,
    hosts: ['www.youtube-nocookie.com', 'i.ytimg.com'],
  },
  vimeo: {
    category: 'media',
    label: 'Vimeo',
    description: { nl: "Video's van Vimeo op deze website.", en: 'Videos from Vimeo on this website.' },
    cookies: [
      cookie('vuid', 'Vimeo: herkent uw browser (op vimeo.com)', 'Vimeo: recognises your browser (on vimeo.com)', months(24)),
      cookie('__cf_bm', 'Vimeo (Cloudflare): weert robots (op vimeo.com)', 'Vimeo (Cloudflare): keeps out bots (on vimeo.com)', minutes(30)),
    ],
    hosts: ['player.vimeo.com', 'i.vimeocdn.com', 'f.vimeocdn.com'],
  },
  'google-maps': {
    category: 'media',
    label: 'Google Maps',
    description: { nl: 'Kaarten van Google Maps op deze website.', en: 'Maps from Google Maps on this website.' },
    cookies: [
      cookie('NID', 'Google: onthoudt uw voorkeuren en herkent uw browser (op google.com)', 'Google: remembers your preferences and recognises your browser (on google.com)', months(6)),
      cookie('AEC', 'Google: weert misbruik (op google.com)', 'Google: prevents abuse (on google.com)', months(6)),
    ],
    hosts: ['www.google.com', 'maps.googleapis.com', 'maps.gstatic.com'],
  },
  openstreetmap: {
    category: 'media',
    label: 'OpenStreetMap',
    description: { nl: 'Kaarten van OpenStreetMap op deze website.', en: 'Maps from OpenStreetMap on this website.' },
    cookies: [cookie('_osm_session', 'OpenStreetMap: houdt de kaart bij (op openstreetmap.org)', 'OpenStreetMap: keeps the map session (on openstreetmap.org)', session)],
    hosts: ['www.openstreetmap.org', 'tile.openstreetmap.org'],
  },
  x: {
    category: 'media',
    label: 'X (Twitter)',
    description: { nl: 'Berichten van X (voorheen Twitter) op deze website.', en: 'Posts from X (formerly Twitter) on this website.' },
    cookies: [
      cookie('guest_id', 'X: herkent uw browser (op x.com)', 'X: recognises your browser (on x.com)', months(13)),
      cookie('personalization_id', 'X: volgt u voor advertenties (op x.com)', 'X: tracks you for advertising (on x.com)', months(13)),
    ],
    hosts: ['platform.twitter.com', 'syndication.twitter.com', 'pbs.twimg.com'],
  },
  instagram: {
    category: 'media',
    label: 'Instagram',
    description: { nl: 'Berichten van Instagram (Meta) op deze website.', en: 'Posts from Instagram (Meta) on this website.' },
    cookies: [
      cookie('ig_did', 'Instagram: herkent uw browser (op instagram.com)', 'Instagram: recognises your browser (on instagram.com)', months(13)),
      cookie('csrftoken', 'Instagram: beveiligt formulieren (op instagram.com)', 'Instagram: secures forms (on instagram.com)', months(12)),
      cookie('mid', 'Instagram: herkent uw browser (op instagram.com)', 'Instagram: recognises your browser (on instagram.com)', months(13)),
    ],
    hosts: ['www.instagram.com', 'scontent.cdninstagram.com'],
  },
  readspeaker: {
    category: 'functional',
    label: 'ReadSpeaker',
    description: { nl: 'Leest de tekst van de pagina voor, met ReadSpeaker.', en: 'Reads the page aloud, with ReadSpeaker.' },
    cookies: [
      cookie('_rspkrLoadCore', 'Onthoudt dat de voorleesfunctie geladen is', 'Remembers that the read-aloud tool is loaded', session),
      cookie('ReadSpeakerSettings', 'Onthoudt uw instellingen voor het voorlezen', 'Remembers your read-aloud settings', { nl: 'tot u ze wist', en: 'until you clear them' }),
    ],
    hosts: ['cdn-eu.readspeaker.com', 'app-eu.readspeaker.com'],
  },
};

const SERVICE_KEYS = ['id', 'label', 'description', 'cookies'];

/**
 * The categories with their services resolved: a name from the catalogue, or the site's own
 * `{ id, label, description?, cookies? }`, which may also override a catalogue entry's fields.
 * Each mistake gets one console error; a service that is not in the catalogue and has no valid
 * label and cookies is shown by its id, with no cookies of its own, and follows the category's
 * choice as any other. A cookie that would match the consent cookie is left out. Never throws.
 */
export function resolveServices(categories: CategoryConfig[], consentCookie: string, report: (message: string) => void): CategoryConfig[] {
  return categories.map((category) =>
    category.services?.length ? { ...category, services: category.services.map((entry) => resolve(entry, category.id, consentCookie, report)) } : category,
  );
}

function resolve(entry: string | ServiceConfig, category: string, consentCookie: string, report: (message: string) => void): ServiceConfig {
  const id = serviceIdOf(entry) as string;
  const where = `config.categories ("${category}"): service "${id}"`;
  const given: Partial<ServiceConfig> = typeof entry === 'object' ? entry : {};
  for (const key of Object.keys(given)) {
    if (!SERVICE_KEYS.includes(key)) report(`${where}: ${key} is not a field (expected ${SERVICE_KEYS.join(', ')}); ignored.`);
  }
  const known = Object.hasOwn(SERVICE_CATALOGUE, id) ? SERVICE_CATALOGUE[id] : undefined;
  const label = given.label ?? known?.label;
  const description = given.description ?? known?.description ?? '';
  const cookies = given.cookies ?? known?.cookies ?? [];
  if (!isText(label) || (description !== '' && !isText(description)) || !Array.isArray(cookies) || !cookies.every(isCookie)) {
    report(
      `${where} is ${known ? 'given an invalid label, description or cookies' : `not in the catalogue (${Object.keys(SERVICE_CATALOGUE).join(', ')})`}; give { "id", "label", "cookies": [{ name, purpose, lifetime }] } (docs/services.md). Shown as ${describeValue(id)}, with no cookies of its own.`,
    );
    return { id, label: id, description: '', cookies: [] };
  }
  return {
    id,
    label,
    description,
    cookies: cookies.filter(({ name }) => {
      if (!cookieMatches(consentCookie, name)) return true;
      report(`${where}: cookie "${name}" matches the consent cookie "${consentCookie}"; a refusal would delete it. Cookie left out.`);
      return false;
    }),
  };
}
