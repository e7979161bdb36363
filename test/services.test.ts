import './fail-on-errors.js';
// Ready-made services and per-service choices (issue 14, item 4; docs/services.md): a category's
// services each have their own choice inside the category's, kept in the one cookie as
// `s--<id>:1` entries; the gate, the dialog, placeholders and the clean-up follow them.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../src/consent-banner.js';
import type { ConsentBanner } from '../src/ConsentBanner.js';
import type { ConsentState } from '../src/events.js';
import type { ConsentPlaceholder } from '../src/ui/ConsentPlaceholder.js';
import { checkbox, dialogOpens, region } from './banner-harness.js';
import { loadFakeContainer, removeFakePiwikPro, savedStatus } from './effects/integrations/fake-piwik-pro.js';
import { captureConsole, clearCookies, cookieNames, newPageView } from './helpers.js';

const MEDIA = { id: 'media', label: { nl: 'Video’s en kaarten', en: 'Videos and maps' }, description: 'Inhoud van andere websites.', cookies: [], services: ['youtube', 'vimeo'] };
const ANALYTICS = { id: 'analytics', services: ['matomo', 'siteimprove'] };
const config = (...categories: object[]) => `<script type="application/json">${JSON.stringify({ categories })}</script>`;

const VIDEOS = `
  <iframe data-consent-category="media" data-consent-service="youtube" data-src="/test/fixtures/consent-cookies.json?youtube" title="Video op YouTube" width="320" height="180"></iframe>
  <iframe data-consent-category="media" data-consent-service="vimeo" data-src="/test/fixtures/consent-cookies.json?vimeo" title="Video op Vimeo" width="320" height="180"></iframe>`;

/** A page view with a banner of these categories and the two videos; resolves once the catalogue part has resolved the services. */
async function page(categories: object[] = [MEDIA], extra = VIDEOS): Promise<{ banner: ConsentBanner; root: HTMLElement }> {
  newPageView();
  const root = await fixture<HTMLElement>(`<div><consent-banner lang="nl" privacy-url="/privacy">${config(...categories)}</consent-banner>${extra}</div>`);
  const banner = root.querySelector('consent-banner')!;
  await banner.updateComplete;
  await waitUntil(() => banner.categories.some(({ services }) => services?.length), 'the catalogue resolves the services');
  return { banner, root };
}

const loaded = (root: HTMLElement, service: string) => root.querySelector<HTMLIFrameElement>(`iframe[data-consent-service="${service}"]`)!.getAttribute('src') !== null && root.querySelector<HTMLIFrameElement>(`iframe[data-consent-service="${service}"]`)!.src.includes(`?${service}`);
const consentCookie = () => decodeURIComponent(document.cookie.split('; ').find((pair) => pair.startsWith('consent_banner='))?.slice('consent_banner='.length) ?? '');

describe('services: per-service choices inside a category (docs/services.md)', () => {
  beforeEach(() => clearCookies());

  it('the Matomo integration hears the matomo service of its category, and not the one under necessary (stubbed _paq)', async () => {
    const stubPaq: unknown[][] = [];
    window._paq = stubPaq;
    try {
      const { banner } = await page([ANALYTICS]);
      banner.integrations = 'matomo';
      await banner.updateComplete;
      expect(stubPaq, 'nothing before a choice').to.deep.equal([]);
      banner.save({ analytics: false, 's--matomo': true });
      expect(stubPaq).to.deep.equal([['setConsentGiven']]);

      clearCookies();
      stubPaq.length = 0;
      const necessary = await page([{ id: 'necessary', services: ['matomo'] }]);
      necessary.banner.integrations = 'matomo';
      await necessary.banner.updateComplete;
      necessary.banner.rejectAll();
      expect(stubPaq.filter(([command]) => command === 'setConsentGiven'), 'matomo under necessary is no consent to analytics').to.deep.equal([]);
    } finally {
      delete window._paq;
    }
  });

  it('the Piwik PRO integration hears the category, not Piwik PRO\'s box alone: its consent type would fire every tag of that type (the fake container)', async () => {
    const fake = await loadFakeContainer();
    try {
      const { banner } = await page([{ id: 'analytics', services: ['piwik-pro', 'siteimprove'] }]);
      banner.integrations = 'piwik-pro';
      await banner.updateComplete;
      banner.save({ analytics: false, 's--piwik-pro': true });
      await waitUntil(() => fake.commands.length > 0, 'Piwik PRO hears the page view once the integration\'s part is there');
      await fake.idle;
      expect(savedStatus(), 'no analytics consent in Consent Manager').to.not.equal(1);
      banner.save({ analytics: true });
      await waitUntil(() => savedStatus() === 1, 'the category grants it');
    } finally {
      await removeFakePiwikPro();
      clearCookies();
    }
  });

  it('takes the texts and cookies of a service from the catalogue by its name', async () => {
    const { banner } = await page();
    const media = banner.categories.find(({ id }) => id === 'media')!;
    expect(media.services!.map(({ id, label }) => [id, label])).to.deep.equal([['youtube', 'YouTube'], ['vimeo', 'Vimeo']]);
    expect(media.services![0].description).to.equal("Video's van YouTube (Google), direct op deze pagina.");
    expect(media.services![1].cookies.map(({ name }) => name)).to.include('vuid');
  });

  it('keeps a service granted alone in the cookie as s--<id>:1, gates only its elements, and tells it in the state', async () => {
    const { banner, root } = await page();
    const states: ConsentState[] = [];
    banner.addEventListener('consent-change', (event) => states.push(event.detail));
    expect(loaded(root, 'youtube') || loaded(root, 'vimeo'), 'nothing loads before a choice').to.equal(false);
    banner.save({ media: false, 's--youtube': true });
    await waitUntil(() => loaded(root, 'youtube'), 'the YouTube video loads');
    expect(loaded(root, 'vimeo'), 'the Vimeo video stays blocked').to.equal(false);
    expect(consentCookie()).to.match(/\|analytics:0\.media:0\.s--youtube:1$/);
    expect(states.at(-1)!.services).to.deep.equal({ youtube: true, vimeo: false });
    expect(states.at(-1)!.categories.media).to.equal(false);
    expect([banner.hasConsent('media', 'youtube'), banner.hasConsent('media', 'vimeo'), banner.hasConsent('media')]).to.deep.equal([true, false, false]);
  });

  it('grants every service with its category, and stores no entries for them', async () => {
    const { banner, root } = await page();
    banner.acceptAll();
    await waitUntil(() => loaded(root, 'youtube') && loaded(root, 'vimeo'), 'both videos load');
    expect(consentCookie()).to.match(/\|analytics:1\.media:1$/);
  });

  it('reads a returning visitor\'s service entry, and ignores entries of services the page no longer configures', async () => {
    const seconds = Math.floor(Date.now() / 1000).toString(36);
    document.cookie = `consent_banner=1|1|${seconds}|c|media:0.s--vimeo:1.s--dailymotion:1; Path=/`;
    const { banner, root } = await page();
    await waitUntil(() => loaded(root, 'vimeo'), 'the Vimeo video loads at once');
    expect(loaded(root, 'youtube')).to.equal(false);
    expect(banner.consent!.categories).to.deep.equal({ necessary: true, media: false, 's--vimeo': true });
  });

  it('a page without services keeps a decision with service entries, for its categories (as the first release reads it)', async () => {
    const seconds = Math.floor(Date.now() / 1000).toString(36);
    document.cookie = `consent_banner=1|1|${seconds}|c|media:0.s--vimeo:1; Path=/`;
    newPageView();
    const root = await fixture<HTMLElement>(`<div><consent-banner lang="nl" privacy-url="/privacy">${config({ ...MEDIA, services: undefined })}</consent-banner></div>`);
    const banner = root.querySelector('consent-banner')!;
    await banner.updateComplete;
    expect(banner.consent?.categories).to.deep.equal({ necessary: true, media: false });
  });

  it('shows a box per service under the category\'s, which is mixed while some are granted, and saves the mix', async () => {
    const { banner, root } = await page();
    banner.save({ media: false, 's--vimeo': true });
    await banner.updateComplete;
    void banner.showPreferences();
    await dialogOpens(banner);
    const all = checkbox(banner, 'media');
    const [youtube, vimeo] = [checkbox(banner, 's--youtube'), checkbox(banner, 's--vimeo')];
    expect([all.checked, all.indeterminate, youtube.checked, vimeo.checked]).to.deep.equal([false, true, false, true]);
    const group = youtube.closest('[role="group"]')!;
    expect(group.getAttribute('aria-labelledby')).to.equal('label-media');
    expect(youtube.closest('label')!.textContent!.trim()).to.equal('YouTube');
    expect(youtube.getAttribute('aria-describedby')).to.equal('description-media.youtube');
    // The category's box is for all: checking it checks both.
    all.click();
    expect([all.checked, all.indeterminate, youtube.checked, vimeo.checked]).to.deep.equal([true, false, true, true]);
    // One service unchecked: the category's box is mixed again.
    vimeo.click();
    expect([all.checked, all.indeterminate]).to.deep.equal([false, true]);
    const save = [...banner.shadowRoot!.querySelectorAll('dialog button')].find((b) => b.textContent!.trim() === 'Keuze opslaan') as HTMLButtonElement;
    save.click();
    await waitUntil(() => loaded(root, 'youtube'), 'the YouTube video loads');
    expect(consentCookie()).to.match(/\|analytics:0\.media:0\.s--youtube:1$/);
  });

  it('a placeholder\'s "Altijd accepteren" grants that service only, and the first layer still asks about its category', async () => {
    const { banner, root } = await page();
    await waitUntil(() => root.querySelectorAll('consent-placeholder').length === 2, 'two placeholders');
    const [youtube] = [...root.querySelectorAll<ConsentPlaceholder>('consent-placeholder')];
    await youtube.updateComplete;
    const always = [...youtube.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim().startsWith('Altijd'))!;
    expect(always.textContent!.trim()).to.equal('Altijd accepteren: YouTube');
    always.click();
    await waitUntil(() => loaded(root, 'youtube'), 'the YouTube video loads');
    expect(loaded(root, 'vimeo')).to.equal(false);
    expect(consentCookie()).to.match(/\|c\|s--youtube:1$/);
    await banner.updateComplete;
    await banner.updateComplete;
    // The first layer still asks about the category, undecided, and says nobody refused anything.
    expect(region(banner)!.textContent).to.contain('Inhoud van andere websites.');
    expect(region(banner)!.textContent).not.to.contain('geweigerd');
    expect(banner.consent!.categories).not.to.have.property('media');
    // The next page view: the service alone is a decision that counts; the categories are still asked.
    const next = await page();
    await waitUntil(() => loaded(next.root, 'youtube'), 'YouTube loads at once on the next page');
    expect(loaded(next.root, 'vimeo')).to.equal(false);
    expect(next.banner.consent!.categories).to.deep.equal({ necessary: true, 's--youtube': true });
    expect(region(next.banner)!.textContent).to.contain('Inhoud van andere websites.');
  });

  it('unloads a withdrawn service\'s video and deletes its first-party cookies, keeping those of a service still granted', async () => {
    const { banner, root } = await page([MEDIA, ANALYTICS]);
    banner.acceptAll();
    await waitUntil(() => loaded(root, 'youtube'), 'the YouTube video loads');
    document.cookie = 'nmstat=1; Path=/';
    document.cookie = '_pk_id.1.abcd=1; Path=/';
    banner.save({ media: false, 's--vimeo': true, analytics: false, 's--matomo': true });
    await waitUntil(() => !loaded(root, 'youtube'), 'the YouTube video is unloaded');
    expect(loaded(root, 'vimeo')).to.equal(true);
    expect(cookieNames()).not.to.include('nmstat');
    expect(cookieNames(), 'Matomo, still granted, keeps its cookie').to.include('_pk_id.1.abcd');
    banner.save({ media: false, analytics: false, 's--matomo': false });
    await waitUntil(() => !cookieNames().includes('_pk_id.1.abcd'), 'Matomo\'s cookie goes once it is refused');
  });

  it('keeps a service\'s grant that save() is not given (a view that did not offer it); reject-all refuses it', async () => {
    const { banner, root } = await page();
    banner.save({ media: false, 's--vimeo': true });
    banner.save({ media: false, analytics: true });
    expect(consentCookie()).to.match(/\|analytics:1\.media:0\.s--vimeo:1$/);
    banner.save({ media: false, 's--vimeo': false });
    expect(consentCookie()).to.match(/\|analytics:0\.media:0$/);
    banner.save({ media: false, 's--vimeo': true });
    await waitUntil(() => loaded(root, 'vimeo'), 'the Vimeo video loads');
    banner.rejectAll();
    await waitUntil(() => !loaded(root, 'vimeo'), 'reject-all unloads it');
    expect(consentCookie()).to.match(/\|r\|analytics:0\.media:0$/);
  });

  it('a category with one service has its box too, and saving the dialog untouched keeps the service\'s grant', async () => {
    const { banner } = await page([{ ...MEDIA, services: ['youtube'] }]);
    banner.grant('media', 'youtube');
    void banner.showPreferences();
    await dialogOpens(banner);
    expect(checkbox(banner, 's--youtube').checked).to.equal(true);
    expect(checkbox(banner, 'media').indeterminate).to.equal(true);
    const save = [...banner.shadowRoot!.querySelectorAll('dialog button')].find((b) => b.textContent!.trim() === 'Keuze opslaan') as HTMLButtonElement;
    save.click();
    await waitUntil(() => consentCookie().includes('|c|analytics:0.media:0'), 'the dialog\'s choice is stored');
    expect(consentCookie()).to.match(/\|analytics:0\.media:0\.s--youtube:1$/);
  });

  it('the confirmation after the dialog names a service granted alone with what was accepted, and says "all refused" only when nothing was', async () => {
    const { banner } = await page();
    void banner.showPreferences();
    await dialogOpens(banner);
    checkbox(banner, 's--youtube').click();
    const save = [...banner.shadowRoot!.querySelectorAll('dialog button')].find((b) => b.textContent!.trim() === 'Keuze opslaan') as HTMLButtonElement;
    save.click();
    await waitUntil(() => region(banner)?.textContent?.includes('U heeft geaccepteerd'), 'the confirmation shows');
    const words = region(banner)!.querySelector('[role="status"]')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(words).to.contain('U heeft geaccepteerd: YouTube. U heeft geweigerd: Analytische cookies, Video’s en kaarten.');
    expect(words).not.to.contain('alle optionele cookies geweigerd');
  });

  it('an element whose service is not one of the category it names stays blocked, with one console error', async () => {
    const errors = await captureConsole('error', async () => {
      const { banner, root } = await page([MEDIA], `${VIDEOS}<iframe data-consent-category="analytics" data-consent-service="youtube" data-src="/test/fixtures/consent-cookies.json?mismatch"></iframe>`);
      banner.save({ analytics: false, media: true });
      await waitUntil(() => loaded(root, 'youtube'), 'the YouTube video of media loads');
      expect(root.querySelector('iframe[data-consent-category="analytics"]')!.getAttribute('src')).to.equal(null);
    });
    expect(errors.filter((message) => message.includes('data-consent-service="youtube" is not a configured service of data-consent-category="analytics" (media/youtube, media/vimeo)'))).to.have.length(1);
  });

  it('withdrawing a category keeps only what a service granted alone declares: _ga and Siteimprove\'s go, Matomo\'s stays', async () => {
    const { banner } = await page([MEDIA, ANALYTICS]);
    banner.acceptAll();
    for (const name of ['_ga', 'nmstat', '_pk_id.1.abcd']) document.cookie = `${name}=1; Path=/`;
    banner.save({ media: true, analytics: false, 's--matomo': true });
    await waitUntil(() => !cookieNames().includes('_ga'), '_ga is deleted');
    expect(cookieNames()).not.to.include('nmstat');
    expect(cookieNames()).to.include('_pk_id.1.abcd');
  });

  it('a cookie a service granted alone declares by prefix stays, also when its category names it in full', async () => {
    const stg = { name: 'stg_last_interaction', purpose: 'Tag Manager van Piwik PRO', lifetime: '365 dagen' };
    const { banner } = await page([MEDIA, { id: 'analytics', services: ['piwik-pro', 'siteimprove'], cookies: [stg] }]);
    banner.acceptAll();
    for (const name of ['stg_last_interaction', 'nmstat', '_ga']) document.cookie = `${name}=1; Path=/`;
    banner.save({ media: true, analytics: false, 's--piwik-pro': true });
    await waitUntil(() => !cookieNames().includes('nmstat'), 'Siteimprove\'s cookie is deleted');
    expect(cookieNames()).not.to.include('_ga');
    expect(cookieNames(), 'Piwik PRO declares stg_*').to.include('stg_last_interaction');
  });

  it('what a service granted alone declares spares cookies of its own category only: a broad prefix in another category keeps no refused tracker', async () => {
    const player = { id: 'own-player', label: 'Eigen speler', description: 'Video’s van onze eigen speler.', cookies: [{ name: '_g*', purpose: 'Speler', lifetime: '1 dag' }] };
    const { banner } = await page([{ ...MEDIA, services: [player] }, ANALYTICS], '');
    banner.acceptAll();
    for (const name of ['_ga', '_gid', 'nmstat']) document.cookie = `${name}=1; Path=/`;
    banner.save({ analytics: false, media: false, 's--own-player': true });
    await waitUntil(() => !cookieNames().includes('nmstat'), 'Siteimprove\'s cookie is deleted');
    expect(cookieNames().filter((name) => name.startsWith('_g'))).to.deep.equal([]);
    expect(cookieNames()).to.include('consent_banner');
  });

  it('services that are no list get one console error; an invalid field of a catalogue entry falls back to the catalogue\'s', async () => {
    const errors = await captureConsole('error', async () => {
      await page([MEDIA, { ...ANALYTICS, services: 'matomo' }], '');
      const banner = document.querySelector('consent-banner')!;
      expect(banner.categories.find(({ id }) => id === 'analytics')!.services).to.deep.equal([]);
    });
    expect(errors.filter((message) => message.includes('config.categories[1].services must be a list'))).to.have.length(1);
    const fallback = await captureConsole('error', async () => {
      const { banner } = await page([{ ...MEDIA, services: ['youtube', { id: 'vimeo', cookies: [{ name: '*' }] }] }], '');
      await waitUntil(() => banner.categories.find(({ id }) => id === 'media')!.services![1]?.cookies.length > 0, 'Vimeo\'s catalogue cookies');
      const vimeo = banner.categories.find(({ id }) => id === 'media')!.services![1];
      expect([vimeo.label, vimeo.cookies.map(({ name }) => name)]).to.deep.equal(['Vimeo', ['vuid', 'player', '__cf_bm', '_cfuvid']]);
    });
    expect(fallback.filter((message) => message.includes('service "vimeo": cookies [{"name":"*"}] is not valid (docs/services.md); using the catalogue\'s.'))).to.have.length(1);
  });

  it('a name the catalogue lacks gets one console error and is shown by its id; an invalid id is left out', async () => {
    const errors = await captureConsole('error', async () => {
      await page([{ ...MEDIA, services: ['youtube', 'dailymotion', 'Not Valid', 'youtube'] }]);
    });
    expect(errors.filter((message) => message.includes('"dailymotion" is not in the catalogue'))).to.have.length(1);
    expect(errors.filter((message) => message.includes('services[2] must be a list of service names'))).to.have.length(1);
    expect(errors.filter((message) => message.includes('services[3] must be a list of service names'))).to.have.length(1);
    const banner = document.querySelector('consent-banner')!;
    expect(banner.categories.find(({ id }) => id === 'media')!.services!.map(({ id, label }) => [id, label])).to.deep.equal([['youtube', 'YouTube'], ['dailymotion', 'dailymotion']]);
  });

  it('a site\'s own service, or its own texts over a catalogue entry', async () => {
    const { banner } = await page([
      { ...MEDIA, services: [{ id: 'youtube', label: 'YouTube-video’s' }, { id: 'podcast', label: 'Podcasts', description: 'Geluid van onze podcast.', cookies: [{ name: 'pod_id', purpose: 'Telt luisteraars', lifetime: '1 jaar' }] }] },
    ], '');
    // Complete as given, the two show at once; YouTube's cookies come with the catalogue.
    await waitUntil(() => banner.categories.find(({ id }) => id === 'media')!.services![0].cookies.length > 0, 'the catalogue adds YouTube\'s cookies');
    const [youtube, podcast] = banner.categories.find(({ id }) => id === 'media')!.services!;
    expect([youtube.label, youtube.cookies.length > 0]).to.deep.equal(['YouTube-video’s', true]);
    expect([podcast.label, podcast.cookies.map(({ name }) => name)]).to.deep.equal(['Podcasts', ['pod_id']]);
  });

  it('grant() and hasConsent() refuse a service of another category, with one console error', async () => {
    const { banner } = await page([MEDIA, ANALYTICS]);
    const errors = await captureConsole('error', () => banner.grant('analytics', 'youtube'));
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('grant: "analytics" with "youtube"');
    expect(banner.consent).to.equal(null);
    expect(banner.hasConsent('analytics', 'youtube')).to.equal(false);
  });

  it('an element of a service that is not configured stays blocked, with one console error', async () => {
    const errors = await captureConsole('error', async () => {
      const { banner, root } = await page([MEDIA], `${VIDEOS}<iframe data-consent-category="media" data-consent-service="dailymotion" data-src="/test/fixtures/consent-cookies.json?dailymotion"></iframe>`);
      banner.acceptAll();
      await waitUntil(() => loaded(root, 'youtube'), 'the YouTube video loads');
      expect(root.querySelector('iframe[data-consent-service="dailymotion"]')!.getAttribute('src')).to.equal(null);
    });
    expect(errors.filter((message) => message.includes('data-consent-service="dailymotion" is not a configured service'))).to.have.length(1);
  });
});
