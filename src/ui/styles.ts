import { css } from '@lit/reactive-element/css-tag.js';

/**
 * The styles of the banner, its buttons and what the choices share with it (the choices' own
 * styles come with them, in choices.ts). Comments stay out of the CSS text, which ships as is.
 *
 * - Accept and reject (and accept-all / reject-all in the choices) share the `.choice` class and
 *   one set of tokens, so no theme can make one stronger than the other (L3, A19).
 * - `overflow-wrap` on the host: long words and host names wrap at 320 px with 200% text
 *   instead of overflowing (A10).
 * - The first layer is at most half the viewport high (issue 12). `.message` scrolls when the text
 *   does not fit (never below about 2.5 lines: 4.5em with its padding); the `.actions` below it
 *   always stay in view (L2) and never cover a focused link (WCAG 2.4.11). Their padding keeps focus outlines unclipped.
 *   Accept and reject share a row down to 320 px, so that the text keeps some room.
 * - `placement="top"` (`.in-flow`): in the page's flow, as tall as its text; nothing scrolls
 *   inside it and it covers nothing, so it needs neither a height limit nor room at the page's end.
 * - Very little height (a phone on its side, 400% zoom: the media query), or lines under 15em
 *   (large text on a phone: the container query, in the banner's own font size, so that a root
 *   font size counts too): the text stops scrolling on its own and the whole banner (or dialog)
 *   scrolls, so that no control is out of reach and the focused one is scrolled into view.
 */
export const styles = css`
  :host {
    --_consent-banner-accent: var(--consent-banner-accent-color, var(--nl-button-primary-background-color, var(--utrecht-button-primary-action-background-color, #154273)));
    display: block;
    font-family: var(--consent-banner-font-family, var(--basis-text-font-family-default, var(--utrecht-document-font-family, system-ui, sans-serif)));
    font-size: var(--consent-banner-font-size, 1rem);
    line-height: 1.5;
    color: var(--consent-banner-color, #1a1a1a);
    overflow-wrap: break-word;
  }
  :host([hidden]) {
    display: none;
  }
  .banner {
    position: fixed;
    inset: auto 0 0 0;
    z-index: var(--consent-banner-z-index, 2147483000);
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    max-height: 50vh;
    max-height: 50dvh;
    overflow-y: auto;
    overscroll-behavior: contain;
    container-type: inline-size;
    padding: var(--consent-banner-padding, 1rem) var(--consent-banner-padding, 1rem) 0;
    background: var(--consent-banner-background, #fff);
    border-top: var(--consent-banner-border-width, 4px) solid var(--_consent-banner-accent);
    box-shadow: 0 -2px 8px rgb(0 0 0 / 0.2);
  }
  .message {
    flex: 0 1 auto;
    min-height: 4.5em;
    overflow-y: auto;
  }
  .message,
  .actions {
    box-sizing: border-box;
    width: 100%;
    max-width: var(--consent-banner-max-width, 60rem);
    margin-inline: auto;
    padding: 0.375rem;
  }
  .heading,
  .title {
    margin: 0 0 0.5rem;
    font-family: var(--consent-banner-font-family, var(--basis-heading-font-family, inherit));
    font-size: 1.25em;
    line-height: 1.3;
  }
  p,
  ul {
    margin: 0 0 0.75rem;
  }
  .message > :last-child {
    margin-bottom: 0;
  }
  a {
    color: var(--consent-banner-link-color, var(--nl-link-color, var(--utrecht-link-color, #154273)));
  }
  .actions {
    flex: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 0.75rem;
    padding-bottom: var(--consent-banner-padding, 1rem);
  }
  .actions > button {
    flex: 1 1 var(--actions-column, 8rem);
  }
  button {
    box-sizing: border-box;
    min-height: var(--consent-banner-target-size, 44px);
    min-width: var(--consent-banner-target-size, 44px);
    margin: 0;
    padding: 0.5rem 0.75rem;
    font: inherit;
    font-weight: 600;
    border-radius: var(--consent-banner-button-border-radius, var(--nl-button-border-radius, var(--utrecht-button-border-radius, 4px)));
    cursor: pointer;
  }
  .choice {
    color: var(--consent-banner-button-color, var(--nl-button-primary-color, var(--utrecht-button-primary-action-color, #fff)));
    background: var(--consent-banner-button-background, var(--nl-button-primary-background-color, var(--utrecht-button-primary-action-background-color, #154273)));
    border: 2px solid var(--consent-banner-button-border-color, var(--nl-button-primary-border-color, var(--utrecht-button-primary-action-border-color, #154273)));
  }
  .secondary {
    color: var(--consent-banner-secondary-button-color, var(--nl-button-secondary-color, var(--utrecht-button-secondary-action-color, #154273)));
    background: var(--consent-banner-secondary-button-background, var(--nl-button-secondary-background-color, var(--utrecht-button-secondary-action-background-color, #fff)));
    border: 2px solid currentColor;
  }
  :focus-visible {
    outline: var(--consent-banner-focus-width, var(--basis-focus-outline-width, 3px)) solid var(--consent-banner-focus-color, var(--utrecht-focus-outline-color, var(--basis-focus-outline-color, #000)));
    outline-offset: 2px;
  }
  .confirmation {
    min-height: 0;
  }
  .in-flow {
    position: static;
    max-height: none;
    overflow: visible;
    border-top: 0;
    border-bottom: var(--consent-banner-border-width, 4px) solid var(--_consent-banner-accent);
    box-shadow: none;
  }
  .in-flow .message {
    flex: none;
    overflow: visible;
  }
  @media (max-height: 30em) {
    .message {
      flex: none;
      overflow: visible;
    }
  }
  @container (max-width: 15em) {
    .message {
      flex: none;
      overflow: visible;
    }
  }
  @media (forced-colors: active) {
    .banner,
    dialog,
    button {
      border-color: CanvasText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
