import '../fail-on-errors.js';
import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../../src/consent-banner.js';
import type { ConsentBanner } from '../../src/ConsentBanner.js';
import type { ConsentPreferences } from '../../src/ui/ConsentPreferences.js';
import { clearCookies } from '../helpers.js';

/** The site's cookie page: the banner of every page, and the choices inline (A17). */
async function cookiePage(): Promise<{ banner: ConsentBanner; preferences: ConsentPreferences }> {
  const root = await fixture<HTMLElement>(`<div lang="nl">
    <consent-banner privacy-url="/cookies" organisation="Gemeente Voorbeeld"></consent-banner>
    <main><h1>Cookies</h1><consent-preferences></consent-preferences></main>
  </div>`);
  const banner = root.querySelector('consent-banner')!;
  const preferences = root.querySelector('consent-preferences')!;
  await banner.updateComplete;
  // The banner loads the element's code when the page has one.
  await customElements.whenDefined('consent-preferences');
  await waitUntil(() => preferences.shadowRoot?.querySelector('input'), 'the choices render');
  return { banner, preferences };
}
const box = (preferences: ConsentPreferences, id: string) =>
  preferences.shadowRoot!.querySelector<HTMLInputElement>(`input[name="${id}"]`)!;
const buttonNamed = (preferences: ConsentPreferences, text: string) =>
  [...preferences.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === text)!;

describe('<consent-preferences> on the cookie page (A17)', () => {
  beforeEach(clearCookies);

  it('keeps the banner from asking and shows the choices inline', async () => {
    const { banner, preferences } = await cookiePage();
    expect(banner.shadowRoot!.querySelector('section')).to.equal(null);
    expect(preferences.shadowRoot!.querySelector('#title')!.textContent).to.equal('Cookie-instellingen');
    expect(preferences.shadowRoot!.textContent).to.contain('Gemeente Voorbeeld');
    expect(box(preferences, 'analytics').checked).to.equal(false);
    await expect(preferences).to.be.accessible();
  });

  it('saves through the banner\'s store and says so in a status message', async () => {
    const { banner, preferences } = await cookiePage();
    const status = preferences.shadowRoot!.querySelector('[role="status"]')!;
    expect(status.textContent!.trim()).to.equal('');
    box(preferences, 'analytics').click();
    buttonNamed(preferences, 'Keuze opslaan').click();
    expect(banner.consent?.categories.analytics).to.equal(true);
    await waitUntil(() => status.textContent!.trim() === 'Uw keuze is opgeslagen.', 'announced');
    // A second save is announced again: the message is cleared, then set.
    buttonNamed(preferences, 'Keuze opslaan').click();
    await preferences.updateComplete;
    expect(status.textContent!.trim()).to.equal('');
    await waitUntil(() => status.textContent!.trim() === 'Uw keuze is opgeslagen.', 'announced again');
    expect(banner.shadowRoot!.querySelector('section')).to.equal(null);
  });

  it('follows changes made elsewhere', async () => {
    const { banner, preferences } = await cookiePage();
    banner.acceptAll();
    await preferences.updateComplete;
    expect(box(preferences, 'analytics').checked).to.equal(true);
    buttonNamed(preferences, 'Alle optionele cookies weigeren').click();
    await preferences.updateComplete;
    expect(box(preferences, 'analytics').checked).to.equal(false);
    expect(banner.hasConsent('analytics')).to.equal(false);
  });
});
