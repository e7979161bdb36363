import './fail-on-errors.js';
import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/consent-banner.js';
import { button as named, buttons } from './banner-harness.js';
import type { ConsentBanner } from '../src/ConsentBanner.js';
import { clearCookies, newPageView } from './helpers.js';

async function banner(attributes = '', content = ''): Promise<ConsentBanner> {
  newPageView();
  const root = await fixture<HTMLElement>(
    `<div><consent-banner lang="nl" privacy-url="/privacy" site-name="voorbeeld.nl" ${attributes}>${content}</consent-banner><main>Inhoud</main></div>`,
  );
  const element = root.querySelector('consent-banner')!;
  await element.updateComplete;
  return element;
}

/** WCAG relative luminance and contrast ratio of two CSS colours (rgb()/rgba() as computed). */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = color.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

describe('accessibility details (WCAG 2.2 AA)', () => {
  beforeEach(clearCookies);

  it('A1: the region name can be set, and heading and message can be replaced through slots', async () => {
    const element = await banner(
      'region-label="Cookies en privacy"',
      '<span slot="heading">Cookies op de site van de gemeente</span><p slot="message">Eigen uitleg.</p>',
    );
    const section = element.shadowRoot!.querySelector('section')!;
    expect(section.getAttribute('aria-label')).to.equal('Cookies en privacy');
    const slots = [...section.querySelectorAll('slot')].map((slot) => slot.assignedNodes().map((node) => node.textContent).join(''));
    expect(slots).to.deep.equal(['Cookies op de site van de gemeente', 'Eigen uitleg.']);
    expect(section.querySelector('h2 slot[name="heading"]')).to.exist;
    await expect(element).to.be.accessible();
  });

  it('A6: every control shows a focus outline of at least 2px with 3:1 contrast against the banner', async () => {
    const element = await banner();
    const background = getComputedStyle(element.shadowRoot!.querySelector('section')!).backgroundColor;
    const controls = [element.shadowRoot!.querySelector('a')!, ...buttons(element)];
    for (const control of controls) {
      for (let i = 0; i < 10 && element.shadowRoot!.activeElement !== control; i++) await sendKeys({ press: 'Tab' });
      const style = getComputedStyle(control);
      expect(control.matches(':focus-visible'), control.textContent!).to.equal(true);
      expect(parseFloat(style.outlineWidth), control.textContent!).to.be.at.least(2);
      expect(style.outlineStyle).to.equal('solid');
      expect(contrast(style.outlineColor, background), control.textContent!).to.be.at.least(3);
    }
  });

  it('A6: the focus outline is themeable', async () => {
    const element = await banner('style="--consent-banner-focus-color: rgb(200, 0, 80); --consent-banner-focus-width: 4px"');
    const accept = named(element, 'Analytische cookies accepteren');
    for (let i = 0; i < 10 && element.shadowRoot!.activeElement !== accept; i++) await sendKeys({ press: 'Tab' });
    expect(getComputedStyle(accept).outlineColor).to.equal('rgb(200, 0, 80)');
    expect(getComputedStyle(accept).outlineWidth).to.equal('4px');
  });

  it('A9: the text of every button has at least 4.5:1 contrast', async () => {
    const element = await banner();
    for (const button of buttons(element)) {
      const style = getComputedStyle(button);
      const background = style.backgroundColor === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : style.backgroundColor;
      expect(contrast(style.color, background), button.textContent!).to.be.at.least(4.5);
    }
  });

  it('A11: every button is at least 44px high and wide, the checkboxes at least 24px', async () => {
    const element = await banner();
    await element.showPreferences();
    for (const button of buttons(element)) {
      const { width, height } = button.getBoundingClientRect();
      if (!button.closest('dialog') || button.closest('dialog')!.open) {
        expect(height, button.textContent!).to.be.at.least(44);
        expect(width, button.textContent!).to.be.at.least(44);
      }
    }
    const box = element.shadowRoot!.querySelector('input[type="checkbox"]')!.getBoundingClientRect();
    expect(box.width).to.be.at.least(24);
    expect(box.height).to.be.at.least(24);
  });

  it('A12: no animation, no timer: nothing moves or decides by itself', async () => {
    const element = await banner();
    const timers: string[] = [];
    const [realTimeout, realInterval] = [window.setTimeout, window.setInterval];
    // Fakes of the clock that record who asks for a timer while the banner works.
    window.setTimeout = ((...args: Parameters<typeof setTimeout>) => (timers.push('timeout'), realTimeout(...args))) as typeof setTimeout;
    window.setInterval = ((...args: Parameters<typeof setInterval>) => (timers.push('interval'), realInterval(...args))) as typeof setInterval;
    try {
      named(element, 'Analytische cookies accepteren').click();
      await element.updateComplete;
      named(element, 'Cookiemelding verbergen').click();
      await element.updateComplete;
    } finally {
      window.setTimeout = realTimeout;
      window.setInterval = realInterval;
    }
    expect(timers).to.deep.equal([]);
    expect(document.getAnimations()).to.have.length(0);
    expect(element.shadowRoot!.getAnimations()).to.have.length(0);
  });

  it('A16: the hidden attribute hides it', async () => {
    const element = await banner('hidden');
    expect(getComputedStyle(element).display).to.equal('none');
  });

  it('A19: a theme changes accept and reject together; there is no way to style one alone', async () => {
    const element = await banner(
      'style="--consent-banner-button-background: rgb(138, 21, 56); --consent-banner-button-color: rgb(255, 255, 240); --consent-banner-button-border-radius: 12px"',
    );
    const [accept, reject] = [named(element, 'Analytische cookies accepteren'), named(element, 'Analytische cookies weigeren')];
    for (const button of [accept, reject]) {
      expect(getComputedStyle(button).backgroundColor).to.equal('rgb(138, 21, 56)');
      expect(getComputedStyle(button).color).to.equal('rgb(255, 255, 240)');
    }
    const properties = ['color', 'background-color', 'border', 'border-radius', 'font', 'padding', 'height', 'width'];
    expect(properties.map((p) => getComputedStyle(accept).getPropertyValue(p))).to.deep.equal(
      properties.map((p) => getComputedStyle(reject).getPropertyValue(p)),
    );
    expect(accept.getAttribute('class')).to.equal(reject.getAttribute('class'));
  });

  it('A19: falls back to NL Design System button tokens', async () => {
    const element = await banner('style="--utrecht-button-primary-action-background-color: rgb(0, 70, 40)"');
    expect(getComputedStyle(named(element, 'Analytische cookies accepteren')).backgroundColor).to.equal('rgb(0, 70, 40)');
    expect(getComputedStyle(named(element, 'Analytische cookies weigeren')).backgroundColor).to.equal('rgb(0, 70, 40)');
  });
});
