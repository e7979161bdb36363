import { httpAddress, reportOnce } from '../report.js';

/**
 * Declarative gating (I2): `<script type="text/plain" data-consent-category>`,
 * `<template data-consent-category>` and `<iframe data-consent-category data-src>` come alive
 * once their category is granted, in document order, exactly once per page, also when they are
 * added to the page later. One with `data-consent-service` waits for that service of its category
 * instead (granted with the category, or on its own; docs/services.md): the gate's keys are
 * category ids and `<category>/<service>`.
 *
 * "Exactly once" is kept in the DOM (`data-consent-activated`), so that two banners, a banner
 * re-attached, or the bundle loaded twice can never run an element twice.
 *
 * No script gadget: on a page that uses CSP nonces (the component's own `<script>` carries one),
 * a gated script or template runs only when it carries that same nonce, so markup injected
 * without the nonce stays inert under `'strict-dynamic'` as it would without the component. A
 * gated iframe loads only an http(s) address. The Trusted Types policy passes on only the text
 * and URLs this gate has just checked.
 */

const GATED =
  'script[type="text/plain"][data-consent-category],template[data-consent-category],iframe[data-consent-category][data-src]';
const PENDING = GATED.split(',')
  .map((selector) => `${selector}:not([data-consent-activated])`)
  .join(',');

let granted = new Set<string>();
let known = new Set<string>();
let observer: MutationObserver | undefined;
let onBlocked: ((element: HTMLElement) => void) | undefined;
/**
 * Tells the gate which categories exist and which are granted now, and activates what they
 * unlock. Elements added later are activated when they appear. A category taken away unlocks
 * nothing new and unloads its iframes; scripts that already ran cannot be undone here (the
 * integrations and cookie removal do that part). An element whose category is not configured
 * gets one console error (a typo would otherwise never run, silently).
 * `blocked` is told about each gated element that stays blocked and shows a placeholder: every
 * iframe, and a template or script that asks for one (`data-consent-embed`).
 */
export function setGrantedCategories(
  categories: Iterable<string>,
  configured: Iterable<string>,
  blocked?: (element: HTMLElement) => void,
): void {
  const before = granted;
  granted = new Set(categories);
  known = new Set(configured);
  // An embedded video or map of a withdrawn category is unloaded, so it stops tracking (L12);
  // it gets its placeholder back below.
  for (const iframe of document.querySelectorAll<HTMLIFrameElement>('iframe[data-consent-category][data-consent-activated]')) {
    const category = gateKey(iframe);
    if (before.has(category) && !granted.has(category)) {
      iframe.src = 'about:blank';
      iframe.removeAttribute('data-consent-activated');
      iframe.removeAttribute('data-consent-placeholder');
    }
  }
  onBlocked = blocked;
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

/**
 * Stops bringing elements to life (the page's banner left the page): elements added from now on
 * wait for the next banner's decision. Nothing already alive is undone.
 */
export function pauseGating(): void {
  observer?.disconnect();
  observer = undefined;
  granted = new Set();
}

function activateWithin(root: ParentNode & Node): void {
  const found = [...root.querySelectorAll<HTMLElement>(PENDING)];
  if (root instanceof HTMLElement && root.matches(PENDING)) found.unshift(root);
  for (const element of found) {
    const category = gateKey(element);
    if (!known.has(category)) {
      const service = element.dataset.consentService;
      const names = [...known].filter((key) => key.includes('/') === (service !== undefined));
      if (service === undefined) reportOnce('unknown-category', category, names);
      else reportOnce('unknown-service', service, element.dataset.consentCategory, names);
    } else if (granted.has(category)) {
      // One element the browser refuses (Trusted Types, a bad URL) stops none of the others.
      try {
        activateElement(element);
      } catch (error) {
        reportOnce('activation-failed', element.localName, error);
      }
    } else if (element.matches('iframe,[data-consent-embed]')) onBlocked?.(element);
  }
}

/**
 * What an element waits for: its category, or `<category>/<service>` when it names a service
 * (known only when the service is one of that category, docs/services.md).
 */
function gateKey({ dataset: { consentCategory = '', consentService } }: HTMLElement): string {
  return consentService === undefined ? consentCategory : `${consentCategory}/${consentService}`;
}

/**
 * Brings one gated element to life, whatever its category (a "load once" placeholder); never
 * twice. A script or template without the page's nonce, or an iframe address that is not http(s),
 * stays inert with one console error.
 */
export function activateElement(element: HTMLElement): void {
  if (element.hasAttribute('data-consent-activated')) return;
  if (refused(element)) return;
  element.setAttribute('data-consent-activated', '');
  if (element instanceof HTMLScriptElement) {
    element.replaceWith(runnableCopy(element));
  } else if (element instanceof HTMLTemplateElement) {
    const content = document.importNode(element.content, true);
    content.querySelectorAll('script').forEach((script) => script.replaceWith(runnableCopy(script)));
    element.after(content);
  } else if (element instanceof HTMLIFrameElement) {
    element.src = element.dataset.src!;
  }
}

/** Whether a gated element may not come alive: then with one console error that says why. */
function refused(element: HTMLElement): boolean {
  if (element instanceof HTMLIFrameElement) {
    if (httpAddress(element.dataset.src)) return false;
    reportOnce('iframe-src', element.dataset.src);
    return true;
  }
  const nonce = pageNonce();
  if (!nonce || element.nonce === nonce) return false;
  reportOnce('nonce', element.localName);
  return true;
}

let nonce: string | undefined;

/**
 * The page's script nonce: the one the component's own `<script>` carries (found by its URL), else
 * the one of `<meta property="csp-nonce">` (for builds that load the component from another
 * file). Empty when the page uses none. Read once: the nonce of a page does not change.
 */
function pageNonce(): string {
  if (nonce === undefined) {
    const own = [...document.scripts].find((script) => script.src === import.meta.url);
    nonce = own?.nonce || document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || '';
  }
  return nonce;
}

/**
 * A new script element that runs: a clone would not when the original came from `innerHTML`
 * (the parser marks those as already started). Keeps every attribute (async, defer, integrity,
 * crossorigin, referrerpolicy…) and gets the page's nonce; `data-type="module"` becomes
 * `type="module"`.
 */
function runnableCopy(original: HTMLScriptElement): HTMLScriptElement {
  const script = document.createElement('script');
  for (const { name, value } of original.attributes) {
    if (name !== 'type' && name !== 'src' && name !== 'nonce') script.setAttribute(name, value);
  }
  if (original.dataset.type === 'module') script.type = 'module';
  script.nonce = pageNonce() || original.nonce;
  // Scripts inserted by script are async unless told otherwise: keep document order.
  script.async = original.hasAttribute('async');
  const policy = trustedTypesPolicy();
  if (original.hasAttribute('src')) script.src = checked(original.src, (url) => policy?.createScriptURL(url)) as string;
  else script.text = checked(original.text, (text) => policy?.createScript(text)) as string;
  return script;
}

type ScriptPolicy = Pick<TrustedTypePolicy, 'createScript' | 'createScriptURL'>;
let policy: ScriptPolicy | null | undefined;
/** The one value the policy may pass on now: the gated script text or URL being brought to life. */
let approved: string | null = null;

/** Passes `value`, checked by the gate, through the Trusted Types policy (when there is one). */
function checked(value: string, trust: (value: string) => unknown): unknown {
  approved = value;
  try {
    return trust(value) ?? value;
  } finally {
    approved = null;
  }
}

/** Passes on the value the gate approved a moment ago, and nothing else. */
function approve(value: string): string {
  if (value !== approved) throw new TypeError('consent-banner: not a gated script');
  return value;
}

/**
 * Under `require-trusted-types-for 'script'`, the `consent-banner` policy passes on the gated
 * script text and URLs the gate has just checked (category granted, page nonce), and refuses
 * anything else, so it is no way around Trusted Types for other code.
 */
function trustedTypesPolicy(): ScriptPolicy | null {
  if (policy === undefined) {
    try {
      policy = window.trustedTypes?.createPolicy('consent-banner', { createScript: approve, createScriptURL: approve }) ?? null;
    } catch {
      policy = null;
    }
  }
  return policy ?? null;
}
