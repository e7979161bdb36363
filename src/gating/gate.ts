/**
 * Declarative gating (I2): `<script type="text/plain" data-consent-category>`,
 * `<template data-consent-category>` and `<iframe data-consent-category data-src>` come alive
 * once their category is granted, in document order, exactly once per page, also when they are
 * added to the page later.
 *
 * "Exactly once" is kept in the DOM (`data-consent-activated`), so that two banners, a banner
 * re-attached, or the bundle loaded twice can never run an element twice.
 */

const GATED =
  'script[type="text/plain"][data-consent-category],template[data-consent-category],iframe[data-consent-category][data-src]';
const PENDING = GATED.split(',')
  .map((selector) => `${selector}:not([data-consent-activated])`)
  .join(',');

let granted = new Set<string>();
let observer: MutationObserver | undefined;
let onBlockedIframe: ((iframe: HTMLIFrameElement) => void) | undefined;

/**
 * Tells the gate which categories are granted now and activates what they unlock. Elements added
 * later are activated when they appear. A category taken away unlocks nothing new and unloads its
 * iframes; scripts that already ran cannot be undone here (the integrations and cookie removal
 * do that part).
 * `blockedIframe` is told about each gated iframe that stays blocked (to show a placeholder).
 */
export function setGrantedCategories(categories: Iterable<string>, blockedIframe?: (iframe: HTMLIFrameElement) => void): void {
  const before = granted;
  granted = new Set(categories);
  // An embedded video or map of a withdrawn category is unloaded, so it stops tracking (L12);
  // it gets its placeholder back below.
  for (const iframe of document.querySelectorAll<HTMLIFrameElement>('iframe[data-consent-category][data-consent-activated]')) {
    const category = iframe.dataset.consentCategory ?? '';
    if (before.has(category) && !granted.has(category)) {
      iframe.src = 'about:blank';
      iframe.removeAttribute('data-consent-activated');
      iframe.removeAttribute('data-consent-placeholder');
    }
  }
  onBlockedIframe = blockedIframe;
  activateWithin(document);
  if (!observer) {
    observer = new MutationObserver((records) => {
      for (const record of records) {
        record.addedNodes.forEach((node) => {
          if (node instanceof Element) activateWithin(node);
        });
      }
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
  }
}

function activateWithin(root: ParentNode & Node): void {
  const found = [...root.querySelectorAll<HTMLElement>(PENDING)];
  if (root instanceof HTMLElement && root.matches(PENDING)) found.unshift(root);
  for (const element of found) {
    if (granted.has(element.dataset.consentCategory ?? '')) activateElement(element);
    else if (element instanceof HTMLIFrameElement) onBlockedIframe?.(element);
  }
}

/** Brings one gated element to life, whatever its category (a "load once" placeholder); never twice. */
export function activateElement(element: HTMLElement): void {
  if (element.hasAttribute('data-consent-activated')) return;
  element.setAttribute('data-consent-activated', '');
  if (element instanceof HTMLScriptElement) {
    element.replaceWith(runnableCopy(element));
  } else if (element instanceof HTMLTemplateElement) {
    const content = document.importNode(element.content, true);
    content.querySelectorAll('script').forEach((script) => script.replaceWith(runnableCopy(script)));
    element.after(content);
  } else if (element instanceof HTMLIFrameElement) {
    element.src = element.dataset.src ?? '';
  }
}

/**
 * A new script element that runs: a clone would not when the original came from `innerHTML`
 * (the parser marks those as already started). Keeps every attribute (async, defer, integrity,
 * crossorigin, referrerpolicy…) and the nonce; `data-type="module"` becomes `type="module"`.
 */
function runnableCopy(original: HTMLScriptElement): HTMLScriptElement {
  const script = document.createElement('script');
  for (const { name, value } of original.attributes) {
    if (name !== 'type' && name !== 'src' && name !== 'nonce') script.setAttribute(name, value);
  }
  if (original.dataset.type === 'module') script.type = 'module';
  script.nonce = original.nonce ?? '';
  // Scripts inserted by script are async unless told otherwise: keep document order.
  script.async = original.hasAttribute('async');
  const policy = trustedTypesPolicy();
  if (original.hasAttribute('src')) script.src = (policy?.createScriptURL(original.src) ?? original.src) as string;
  else script.text = (policy?.createScript(original.text) ?? original.text) as string;
  return script;
}

type ScriptPolicy = Pick<TrustedTypePolicy, 'createScript' | 'createScriptURL'>;
let policy: ScriptPolicy | null | undefined;

/**
 * Under `require-trusted-types-for 'script'`, the `consent-banner` policy passes on the page's
 * own gated script text and URLs, which the page's HTML (not any visitor input) supplied.
 */
function trustedTypesPolicy(): ScriptPolicy | null {
  if (policy === undefined) {
    try {
      policy =
        window.trustedTypes?.createPolicy('consent-banner', {
          createScript: (text: string) => text,
          createScriptURL: (url: string) => url,
        }) ?? null;
    } catch {
      policy = null;
    }
  }
  return policy ?? null;
}
