import '../fail-on-errors.js';
import { aTimeout, expect, fixture, waitUntil } from '@open-wc/testing';
import '../../src/consent-banner.js';
import type { ConsentBanner } from '../../src/ConsentBanner.js';
import type { ConsentPlaceholder } from '../../src/ui/ConsentPlaceholder.js';
import { captureConsole, clearCookies, newPageView } from '../helpers.js';

// Placeholders for gated templates and script embeds (issue 14, item 5), with the demo's fakes of
// the embed scripts: demo/fake-maps-api.js (Google Maps' JavaScript API) and
// demo/fake-social-embed.js (X's widgets.js); their headers say what of the real scripts they model.

declare global {
  interface Window {
    fakeMapsApiLoads?: number;
    fakeSocialEmbedLoads?: number;
    drawTestMap?: () => void;
    google?: { maps: { Map: new (element: Element, options: object) => object } };
  }
}

const CONFIG = `<script type="application/json">{"categories":[
  {"id":"maps","label":"Kaarten","description":"Kaarten van een andere website.","cookies":[]},
  {"id":"social","label":"Sociale media","description":"Berichten van sociale media.","cookies":[]}]}</script>`;
const MAPS_API = '/demo/fake-maps-api.js?callback=drawTestMap';
const SOCIAL_EMBED = '/demo/fake-social-embed.js';

/** The map's script embed (its placeholder in #map, which the site sizes), the post's template embed, and a template that is no visible content. */
const EMBEDS = `
  <div id="map" style="width: 400px; aspect-ratio: 4 / 3"></div>
  <script type="text/plain" data-consent-category="maps" data-consent-embed="map" src="${MAPS_API}"
    data-consent-link="https://www.google.com/maps/place/Stadhuis" title="Kaart: het stadhuis"></script>
  <template data-consent-category="social" data-consent-embed data-consent-link="https://x.com/gemeente/status/1" title="Bericht van de gemeente op X">
    <div class="post"><blockquote class="twitter-tweet"><p>Het stadhuis is zaterdag open.</p><a href="https://x.com/gemeente/status/1">1 december 2026</a></blockquote></div>
    <script src="${SOCIAL_EMBED}"></script>
  </template>
  <template data-consent-category="maps"><span class="pixel"></span></template>`;

async function pageWithEmbeds(embeds = EMBEDS): Promise<{ banner: ConsentBanner; root: HTMLElement }> {
  newPageView();
  const root = await fixture<HTMLElement>(`<div><consent-banner lang="nl" privacy-url="/privacy">${CONFIG}</consent-banner>${embeds}</div>`);
  const banner = root.querySelector('consent-banner')!;
  await banner.updateComplete;
  return { banner, root };
}

/** The placeholders in `root`, once they rendered (their part loads with the first). */
async function placeholders(root: HTMLElement, count: number): Promise<ConsentPlaceholder[]> {
  await waitUntil(() => root.querySelectorAll('consent-placeholder').length === count, `${count} placeholders`);
  const found = [...root.querySelectorAll('consent-placeholder')];
  await Promise.all(found.map((placeholder) => placeholder.updateComplete));
  return found;
}

const button = (placeholder: ConsentPlaceholder, text: string) =>
  [...placeholder.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === text)!;
const requestsFor = (path: string) => performance.getEntriesByType('resource').filter(({ name }) => name.includes(path)).length;

describe('placeholders for gated templates and script embeds (L18)', () => {
  beforeEach(() => {
    clearCookies();
    performance.clearResourceTimings();
    window.fakeMapsApiLoads = 0;
    window.fakeSocialEmbedLoads = 0;
    window.drawTestMap = () => new window.google!.maps.Map(document.getElementById('map')!, { center: { lat: 52.09, lng: 5.12 } });
  });

  it('stands in the element a script embed renders into, and right after a template; not for a template that does not ask', async () => {
    const { root } = await pageWithEmbeds();
    const [map, post] = await placeholders(root, 2);
    expect(map.parentElement === root.querySelector('#map'), 'inside the map\'s element').to.equal(true);
    expect(post.previousElementSibling === root.querySelector('template[data-consent-embed]'), 'in the template\'s place').to.equal(true);
    expect(root.querySelector('.pixel') === null, 'the other template stays inert').to.equal(true);
    for (const [placeholder, name, text, link] of [
      [map, 'Kaart: het stadhuis', 'Kaarten: deze inhoud komt van www.google.com.', 'https://www.google.com/maps/place/Stadhuis'],
      [post, 'Bericht van de gemeente op X', 'Sociale media: deze inhoud komt van x.com.', 'https://x.com/gemeente/status/1'],
    ] as const) {
      const group = placeholder.shadowRoot!.querySelector('[role="group"]')!;
      expect(group.getAttribute('aria-label')).to.equal(name);
      expect(group.textContent).to.contain(text);
      expect(group.querySelector('a')!.href).to.equal(link);
      expect([...group.querySelectorAll('button')].map((b) => b.getAttribute('aria-label'))).to.deep.equal([
        `Eenmalig laden: ${name}`,
        `Altijd accepteren: ${group.textContent!.split(':')[0].trim()}: ${name}`,
      ]);
      for (const control of group.querySelectorAll('button, a')) {
        const { width, height } = control.getBoundingClientRect();
        expect(Math.min(width, height), 'targets of at least 24 px (A11)').to.be.at.least(24);
      }
      await expect(placeholder).to.be.accessible();
    }
  });

  it('makes no request before the click; "load once" runs that one embed only, once, and focus goes to what it shows', async () => {
    const { banner, root } = await pageWithEmbeds();
    const [map, post] = await placeholders(root, 2);
    await aTimeout(50);
    expect(requestsFor('fake-maps-api.js') + requestsFor('fake-social-embed.js')).to.equal(0);
    const once = button(map, 'Eenmalig laden');
    once.focus();
    once.click();
    const mapElement = root.querySelector<HTMLElement>('#map')!;
    expect(map.isConnected).to.equal(false);
    expect(document.activeElement === mapElement, 'focus on the map, not lost to the page').to.equal(true);
    expect(mapElement.getAttribute('tabindex')).to.equal('-1');
    await waitUntil(() => mapElement.querySelector('.fake-map'), 'the map draws into its element');
    expect(window.fakeMapsApiLoads).to.equal(1);
    expect(root.querySelector('.pixel') === null, 'nothing else of the category').to.equal(true);
    expect(post.isConnected).to.equal(true);
    expect(requestsFor('fake-social-embed.js')).to.equal(0);
    expect(banner.consent).to.equal(null);
    expect(document.cookie).to.equal('');
    // Granted later: the map's script does not run a second time.
    banner.acceptAll();
    await waitUntil(() => window.fakeSocialEmbedLoads === 1, 'the post loads with its category');
    await aTimeout(50);
    expect(window.fakeMapsApiLoads).to.equal(1);
    expect(requestsFor('fake-maps-api.js')).to.equal(1);
  });

  it('"load once" on a template inserts its content in the placeholder\'s place; focus goes to its first element, which stays when the script replaces what is inside', async () => {
    const { root } = await pageWithEmbeds();
    const [, post] = await placeholders(root, 2);
    const once = button(post, 'Eenmalig laden');
    once.focus();
    once.click();
    const wrapper = root.querySelector<HTMLElement>('.post')!;
    expect(wrapper.previousElementSibling === root.querySelector('template[data-consent-embed]'), 'in the placeholder\'s place').to.equal(true);
    expect(document.activeElement === wrapper, 'focus on the post').to.equal(true);
    await waitUntil(() => wrapper.querySelector('div.fake-post'), 'the post replaces its blockquote');
    expect(document.activeElement === wrapper, 'focus stays on the post').to.equal(true);
    expect(window.fakeSocialEmbedLoads).to.equal(1);
    expect(window.fakeMapsApiLoads).to.equal(0);
    await expect(root).to.be.accessible();
  });

  it('"always allow" grants the category only: its embeds come alive, once; the others keep their placeholders', async () => {
    const { banner, root } = await pageWithEmbeds();
    const [map] = await placeholders(root, 2);
    button(map, 'Altijd accepteren: Kaarten').click();
    expect(banner.consent?.categories).to.deep.equal({ necessary: true, maps: true });
    await waitUntil(() => root.querySelector('#map .fake-map'), 'the map draws');
    expect(root.querySelector('.pixel') !== null, 'the whole category comes alive').to.equal(true);
    expect(root.querySelectorAll('consent-placeholder')).to.have.length(1);
    expect(window.fakeSocialEmbedLoads).to.equal(0);
    await aTimeout(50);
    expect(window.fakeMapsApiLoads).to.equal(1);
  });

  it('shifts nothing: the placeholder fills the element the site sized, and the map takes the same box', async () => {
    const { root } = await pageWithEmbeds();
    const [map] = await placeholders(root, 2);
    const mapElement = root.querySelector<HTMLElement>('#map')!;
    const before = mapElement.getBoundingClientRect();
    expect([before.width, before.height]).to.deep.equal([400, 300]);
    expect(map.getBoundingClientRect().height).to.equal(300);
    button(map, 'Eenmalig laden').click();
    await waitUntil(() => mapElement.querySelector('.fake-map'), 'the map draws');
    const after = mapElement.getBoundingClientRect();
    expect([after.x, after.y, after.width, after.height]).to.deep.equal([before.x, before.y, before.width, before.height]);
  });

  it('grows with its text instead of clipping it at 320 px (an element sized by aspect-ratio grows with it)', async () => {
    const { root } = await pageWithEmbeds();
    const [map] = await placeholders(root, 2);
    root.querySelector<HTMLElement>('#map')!.style.width = '300px';
    map.style.fontSize = '200%';
    const { height } = map.getBoundingClientRect();
    expect(map.scrollHeight).to.be.at.most(Math.ceil(height) + 1);
    expect(root.querySelector('#map')!.getBoundingClientRect().height).to.be.at.least(Math.floor(height));
  });

  it('stays without a placeholder once loaded, also after a withdrawal (a script that ran cannot be undone)', async () => {
    const { banner, root } = await pageWithEmbeds();
    await placeholders(root, 2);
    banner.acceptAll();
    await waitUntil(() => root.querySelector('#map .fake-map') && root.querySelector('div.fake-post'), 'both load');
    banner.rejectAll();
    await aTimeout(50);
    expect(root.querySelectorAll('consent-placeholder')).to.have.length(0);
    expect(window.fakeMapsApiLoads).to.equal(1);
  });
});

describe('placeholders for embeds: mistakes (one console error each, the embed stays blocked)', () => {
  beforeEach(clearCookies);

  it('an element the gate refuses keeps its placeholder after "load once" (here an iframe whose data-src is no web address)', async () => {
    const errors = await captureConsole('error', async () => {
      const { root } = await pageWithEmbeds('<iframe data-consent-category="maps" data-src="javascript:void 0" title="Kaart"></iframe>');
      const [placeholder] = await placeholders(root, 1);
      button(placeholder, 'Eenmalig laden').click();
      expect(placeholder.isConnected).to.equal(true);
      expect(root.querySelector('iframe')!.hidden).to.equal(true);
      expect(root.querySelector('iframe')!.hasAttribute('src')).to.equal(false);
    });
    expect(errors).to.deep.equal([`<consent-banner>: a gated iframe's data-src must be an http(s) address; got "javascript:void 0". It stays blocked.`]);
  });

  it('an id that names no element, a script without an id, and an embed without data-consent-link get no placeholder', async () => {
    const errors = await captureConsole('error', async () => {
      const { banner, root } = await pageWithEmbeds(`
        <script type="text/plain" data-consent-category="maps" data-consent-embed="kaart" data-consent-link="https://maps.example/" title="a"></script>
        <script type="text/plain" data-consent-category="maps" data-consent-embed data-consent-link="https://maps.example/" title="b"></script>
        <template data-consent-category="social" data-consent-embed title="c"><p class="c">c</p></template>
        <template data-consent-category="social" data-consent-embed data-consent-link="mailto:x@example.org" title="d"><p class="d">d</p></template>
        <iframe data-consent-category="maps" data-src="/demo/fake-video.html?embeds" title="e"></iframe>`);
      // The iframe's placeholder shows that the part has loaded and placed what it could.
      await placeholders(root, 1);
      await aTimeout(20);
      expect(root.querySelectorAll('consent-placeholder')).to.have.length(1);
      expect(root.querySelector('.c, .d') === null, 'still blocked').to.equal(true);
      banner.acceptAll();
      expect(root.querySelectorAll('.c, .d'), 'and alive once granted').to.have.length(2);
    });
    expect(errors).to.deep.equal([
      `<consent-banner>: a gated <script>'s data-consent-embed names no element on the page; got "kaart". It stays blocked, without a placeholder.`,
      `<consent-banner>: a gated <script>'s data-consent-embed names no element on the page; got "". It stays blocked, without a placeholder.`,
      `<consent-banner>: a gated <template> with data-consent-embed needs data-consent-link, the http(s) address of the content's own page; got null. It stays blocked, without a placeholder.`,
      `<consent-banner>: a gated <template> with data-consent-embed needs data-consent-link, the http(s) address of the content's own page; got "mailto:x@example.org". It stays blocked, without a placeholder.`,
    ]);
  });
});
