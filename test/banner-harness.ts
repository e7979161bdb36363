/**
 * One way for the tests to read `<consent-banner>`'s shadow DOM, so that a change to its markup
 * is mended in one place: the first layer, its buttons by visible name, the dialog, its boxes.
 */
import { waitUntil } from '@open-wc/testing';
import type { ConsentBanner } from '../src/ConsentBanner.js';

/** The banner's shadow root. */
export const shadow = (banner: ConsentBanner) => banner.shadowRoot!;

/** Every button the banner shows (first layer and dialog). */
export const buttons = (banner: ConsentBanner) => [...shadow(banner).querySelectorAll('button')];

/** The visible labels of those buttons. */
export const buttonTexts = (banner: ConsentBanner) => buttons(banner).map((b) => b.textContent!.trim());

/** The button whose visible label is `text`. */
export const button = (banner: ConsentBanner, text: string) => buttons(banner).find((b) => b.textContent!.trim() === text)!;

/** The first layer's region (question or confirmation), or `null` when it does not show. */
export const region = (banner: ConsentBanner) => shadow(banner).querySelector<HTMLElement>('section');

/** The choices dialog, once its code has loaded. */
export const dialog = (banner: ConsentBanner) => shadow(banner).querySelector('dialog');

/** A category's checkbox in the dialog. */
export const checkbox = (banner: ConsentBanner, id: string) => shadow(banner).querySelector<HTMLInputElement>(`input[name="${id}"]`)!;

/** Waits for the choices dialog to be open (its code loads the first time). */
export async function dialogOpens(banner: ConsentBanner): Promise<HTMLDialogElement> {
  await waitUntil(() => dialog(banner)?.open, 'the choices dialog opens');
  return dialog(banner)!;
}
