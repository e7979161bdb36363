import '../fail-on-errors.js';
import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../../src/consent-banner.js';
import type { ConsentBanner } from '../../src/ConsentBanner.js';
import type { ConsentPlaceholder } from '../../src/ui/ConsentPlaceholder.js';
import { clearCookies, newPageView } from '../helpers.js';

const MEDIA = `<script type="application/json">{"categories":[{"id":"media","label":"Video's","description":"Video's van andere websites.","cookies":[{"name":"VISITOR_INFO1_LIVE","purpose":"YouTube","lifetime":"6 maanden"}]}]}</script>`;
const FAKE_VIDEO = '/demo/fake-video.html';

async function pageWithVideos(): Promise<{ banner: ConsentBanner; frames: HTMLIFrameElement[] }> {
  newPageView();
  const root = await fixture<HTMLElement>(`<div>
    <consent-banner lang="nl" privacy-url="/privacy">${MEDIA}</consent-banner>
    <iframe data-consent-category="media" data-src="${FAKE_VIDEO}?one" data-consent-link="https://video.example/watch/one"
      title="Video: één" width="560" height="315"></iframe>
    <iframe data-consent-category="media" data-src="${FAKE_VIDEO}?two" title="Video: twee"></iframe>
  </div>`);
  const banner = root.querySelector('consent-banner')!;
  await banner.updateComplete;
  const frames = [...root.querySelectorAll('iframe')];
  // A placeholder's code loads with the first blocked iframe; an activated iframe gets none.
  await waitUntil(() => frames.every((frame) => frame.hasAttribute('data-consent-activated') || placeholderOf(frame)), 'placeholders appear');
  await Promise.all(frames.map((frame) => placeholderOf(frame)?.updateComplete));
  return { banner, frames };
}
const placeholderOf = (frame: HTMLIFrameElement) =>
  frame.previousElementSibling?.localName === 'consent-placeholder' ? (frame.previousElementSibling as ConsentPlaceholder) : null;
const requestsFor = (query: string) =>
  performance.getEntriesByType('resource').filter(({ name }) => name.includes(`${FAKE_VIDEO}?${query}`)).length;
const buttonIn = (placeholder: ConsentPlaceholder, text: string) =>
  [...placeholder.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === text)!;

describe('click-to-load placeholders for embedded media (L18)', () => {
  beforeEach(() => {
    clearCookies();
    performance.clearResourceTimings();
  });

  it('links a relative address to its full URL', async () => {
    newPageView();
    const root = await fixture<HTMLElement>(`<div>
      <consent-banner lang="nl" privacy-url="/privacy">${MEDIA}</consent-banner>
      <iframe data-consent-category="media" data-src="${FAKE_VIDEO}?relative" title="Video"></iframe>
    </div>`);
    const frame = root.querySelector('iframe')!;
    await waitUntil(() => placeholderOf(frame)?.shadowRoot?.querySelector('a'), 'placeholder with a link');
    expect(placeholderOf(frame)!.shadowRoot!.querySelector('a')!.href).to.equal(new URL(`${FAKE_VIDEO}?relative`, location.href).href);
  });

  it('grows with its text instead of clipping it at 320 px', async () => {
    const { frames } = await pageWithVideos();
    const placeholder = placeholderOf(frames[0])!;
    placeholder.style.width = '300px';
    placeholder.style.fontSize = '200%';
    const { height } = placeholder.getBoundingClientRect();
    expect(placeholder.scrollHeight).to.be.at.most(Math.ceil(height) + 1);
    expect(height).to.be.above((300 * 315) / 560);
  });

  it('stands in for each blocked iframe, says where it comes from and links to it', async () => {
    const { frames } = await pageWithVideos();
    const placeholder = placeholderOf(frames[0])!;
    expect(placeholder.localName).to.equal('consent-placeholder');
    expect(frames[0].hidden).to.equal(true);
    expect(frames[0].getAttribute('src')).to.equal(null);
    const group = placeholder.shadowRoot!.querySelector('[role="group"]')!;
    expect(group.getAttribute('aria-label')).to.equal('Video: één');
    expect(group.textContent).to.contain("Video's: deze inhoud komt van video.example.");
    const link = group.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('https://video.example/watch/one');
    expect(link.textContent).to.equal('Bekijken op video.example');
    expect(getComputedStyle(placeholder).aspectRatio).to.equal('560 / 315');
    expect(link.getBoundingClientRect().height, 'the link is as tall as a button (A11)').to.be.at.least(44);
    await expect(placeholder).to.be.accessible();
  });

  it('names the buttons of each video with its title, so that two videos give no two buttons of the same name', async () => {
    const { frames } = await pageWithVideos();
    const names = frames.flatMap((frame) => [...placeholderOf(frame)!.shadowRoot!.querySelectorAll('button')].map((b) => b.getAttribute('aria-label')));
    expect(names).to.deep.equal([
      'Eenmalig laden: Video: één',
      "Altijd accepteren: Video's: Video: één",
      'Eenmalig laden: Video: twee',
      "Altijd accepteren: Video's: Video: twee",
    ]);
  });

  it('takes the background of the banner in a dark theme set on the page (enough contrast for its text)', async () => {
    document.documentElement.style.setProperty('--consent-banner-background', 'rgb(27, 32, 39)');
    document.documentElement.style.setProperty('--consent-banner-color', 'rgb(240, 240, 240)');
    try {
      const { frames } = await pageWithVideos();
      const placeholder = placeholderOf(frames[0])!;
      expect(getComputedStyle(placeholder).backgroundColor).to.equal('rgb(27, 32, 39)');
      expect(getComputedStyle(placeholder).color).to.equal('rgb(240, 240, 240)');
    } finally {
      document.documentElement.style.removeProperty('--consent-banner-background');
      document.documentElement.style.removeProperty('--consent-banner-color');
    }
  });

  it('makes no request for the iframe before the click, and one after "load once"', async () => {
    const { banner, frames } = await pageWithVideos();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requestsFor('one')).to.equal(0);
    const placeholder = placeholderOf(frames[0])!;
    buttonIn(placeholder, 'Eenmalig laden').click();
    expect(frames[0].hidden).to.equal(false);
    expect(placeholder.isConnected).to.equal(false);
    await waitUntil(() => requestsFor('one') === 1);
    expect(requestsFor('two')).to.equal(0);
    expect(banner.consent).to.equal(null);
    expect(document.cookie).to.equal('');
  });

  it('"always allow" grants the category: every placeholder goes, the choice is stored', async () => {
    const { banner, frames } = await pageWithVideos();
    buttonIn(placeholderOf(frames[1])!, "Altijd accepteren: Video's").click();
    // Media only: analytics is not refused, it stays undecided (and asked).
    expect(banner.consent?.categories).to.deep.equal({ necessary: true, media: true });
    expect(frames.map((frame) => frame.getAttribute('src'))).to.deep.equal([`${FAKE_VIDEO}?one`, `${FAKE_VIDEO}?two`]);
    expect(document.querySelectorAll('consent-placeholder')).to.have.length(0);
  });

  it('"always allow" leaves analytics undecided: the first layer still asks about it, and only about it', async () => {
    const { banner, frames } = await pageWithVideos();
    buttonIn(placeholderOf(frames[0])!, "Altijd accepteren: Video's").click();
    await banner.updateComplete;
    const root = banner.shadowRoot!;
    expect(root.querySelector('.confirmation'), 'no confirmation of a refusal nobody made').to.equal(null);
    expect(root.querySelector('.message')!.textContent).to.contain('Analytische cookies.');
    expect(root.querySelector('.message')!.textContent).to.not.contain("Video's.");
    const accept = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Analytische cookies accepteren')!;
    accept.click();
    expect(banner.consent?.categories).to.deep.equal({ necessary: true, analytics: true, media: true });
    // The choice mixes two answers (media earlier, analytics now): a custom decision.
    expect(banner.consent?.method).to.equal('custom');
    await banner.updateComplete;
    expect(root.querySelector('.confirmation')!.textContent).to.contain('U heeft analytische cookies geaccepteerd.');
  });

  it('"always allow" that decides the last open category confirms that category only', async () => {
    // Analytics refused before the site added the media category: media is undecided.
    document.cookie = `consent_banner=1|1|${Math.floor(Date.now() / 1000).toString(36)}|r|analytics:0; Path=/`;
    const { banner, frames } = await pageWithVideos();
    expect(banner.shadowRoot!.querySelector('.message')!.textContent).to.contain("Video's.");
    buttonIn(placeholderOf(frames[0])!, "Altijd accepteren: Video's").click();
    await banner.updateComplete;
    const text = banner.shadowRoot!.querySelector('.confirmation')!.textContent!;
    expect(text).to.contain("U heeft geaccepteerd: Video's.");
    expect(text).to.not.contain('geweigerd');
    expect(banner.consent?.categories).to.deep.equal({ necessary: true, analytics: false, media: true });
  });

  it('"always allow" keeps focus with the video, not in the banner', async () => {
    const { banner, frames } = await pageWithVideos();
    const always = buttonIn(placeholderOf(frames[0])!, "Altijd accepteren: Video's");
    always.focus();
    always.click();
    await banner.updateComplete;
    expect(banner.matches(':focus-within')).to.equal(false);
    expect(document.activeElement === frames[0]).to.equal(true);
  });

  it('comes back for a later page view while the category is refused, not when granted', async () => {
    const first = await pageWithVideos();
    first.banner.rejectAll();
    const refused = await pageWithVideos();
    expect(placeholderOf(refused.frames[0])).to.exist;
    refused.banner.save({ media: true });
    const granted = await pageWithVideos();
    expect(placeholderOf(granted.frames[0])).to.equal(null);
    expect(granted.frames[0].getAttribute('src')).to.equal(`${FAKE_VIDEO}?one`);
  });
});

describe('withdrawing embedded media (L12, L18)', () => {
  beforeEach(clearCookies);

  it('unloads the iframes of a withdrawn category and brings their placeholders back', async () => {
    const { banner, frames } = await pageWithVideos();
    banner.acceptAll();
    expect(frames[0].getAttribute('src')).to.equal(`${FAKE_VIDEO}?one`);
    banner.rejectAll();
    expect(frames.map((frame) => frame.getAttribute('src'))).to.deep.equal(['about:blank', 'about:blank']);
    await waitUntil(() => frames.every((frame) => placeholderOf(frame)), 'placeholders come back');
    expect(frames[0].hidden).to.equal(true);
  });

  it('keeps a video loaded once when another category changes', async () => {
    const { banner, frames } = await pageWithVideos();
    [...placeholderOf(frames[0])!.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Eenmalig laden')!.click();
    banner.save({ analytics: true, media: false });
    expect(frames[0].getAttribute('src')).to.equal(`${FAKE_VIDEO}?one`);
    expect(frames[0].hidden).to.equal(false);
  });
});
