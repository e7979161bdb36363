type Messages = typeof import('./messages.js').MESSAGES;
/** A console message's key: a name in `MESSAGES` (src/messages.ts). */
export type MessageKey = keyof Messages;
/** `report` and its like: a message's key, and what its text fills in. */
export type Reporter = <K extends MessageKey>(key: K, ...values: Parameters<Messages[K]>) => void;

/** What every message of the banner starts with. */
const PREFIX = '<consent-banner>: ';
/** The messages `reportOnce` printed: on this page, or in this server process. */
const printed = new Set<string>();

/** The messages' texts, once loaded; `null` when their part did not load (it is not asked for again). */
let texts: Messages | null | undefined;
/** The messages reported while their texts load, in order. */
const waiting: (() => void)[] = [];

/**
 * Prints one message once its text is there: from the messages' part (src/messages.ts), fetched
 * at the first mistake of the page (those reported meanwhile print a moment later, in order),
 * so that the core every page view loads carries no message texts; from then on at once. The
 * values are copied as they are now (a structured clone, where one can be made; an error as it
 * is), so that the message shows what was reported. When there is no text (the part did not load, which `loadPart`
 * reports; or an older part without this key), the key and the values stand in for it;
 * docs/troubleshooting.md lists the keys.
 */
function say(print: (text: string) => void, key: MessageKey, given: unknown[]): void {
  const values = given.map((value) => {
    try {
      // An error stays itself (a clone would lose its class's name).
      return value instanceof Error ? value : structuredClone(value);
    } catch {
      // Functions, symbols, nodes: the value as it is.
      return value;
    }
  });
  waiting.push(() => {
    const text = textOf(key, values);
    if (text === undefined) print(`${key} ${describeValue(values)} (docs/troubleshooting.md)`);
    else print(text);
  });
  // The first one waiting loads the texts; all print in order once they are there (or are not).
  if (texts !== undefined) printWaiting();
  else if (waiting.length < 2) {
    loadPart(import('./messages.js'))
      .then(({ MESSAGES }) => MESSAGES, () => null)
      .then((loaded) => {
        texts = loaded;
        printWaiting();
      });
  }
}

/** The message's text; none without the texts, for a key an older part lacks, or for values that do not fit in it. */
function textOf(key: MessageKey, values: unknown[]): string | undefined {
  try {
    return (texts?.[key] as ((...values: unknown[]) => string) | undefined)?.(...values);
  } catch {
    return undefined;
  }
}

function printWaiting(): void {
  waiting.splice(0).forEach((write) => write());
}

/** The messages' texts, there already (`consent-banner/server` loads them with itself): every message prints at once. */
export function useMessages(messages: Messages): void {
  texts = messages;
}

const printError = (text: string) => console.error(PREFIX + text);

/** The message, unless this page (or server process) printed it already. */
function printOnce(text: string): void {
  if (!printed.has(text)) printError(text);
  printed.add(text);
}

/** The component's one way to report bad input or a fault: one console error, never a throw. */
export const report: Reporter = (key, ...values) => say(printError, key, values);

/** `report`, each message once: a mistake met again (another element, decision or request) says nothing new. */
export const reportOnce: Reporter = (key, ...values) => say(printOnce, key, values);

/**
 * `report` and `reportOnce` with the text itself, at once: for code that never runs in a page
 * (`consent-banner/server`), which has no bytes to save by fetching its texts.
 */
export const reportText = (text: string, once = false): void => (once ? printOnce : printError)(text);

/** A warning: a state of the browser or the page the banner copes with, not a mistake of the site. */
export const warn: Reporter = (key, ...values) => say((text) => console.warn(PREFIX + text), key, values);

/**
 * A part the bundle loads only on pages that need it (a file next to the bundle); when it cannot
 * load, one console error (per file) names it (the browser's message has its URL) and the promise
 * rejects, so that the caller falls back (blocked content stays blocked, an opener link follows
 * its href, a tool stays untold: nothing optional runs). Its text is here, not in the messages'
 * part: that part may be the one that did not load.
 */
export function loadPart<T>(part: Promise<T>): Promise<T> {
  return part.catch((reason) => {
    // Once per file: a part fetched ahead and then tried again on a click fails the same way.
    printOnce(`a part did not load (${reason instanceof Error ? reason.message : reason}); copy every dist/consent-banner*.js next to the bundle, or use consent-banner.single.js.`);
    throw reason;
  });
}

/** A value as an error message shows it (JSON; an error as its text); never throws (BigInt, cycles, symbols). */
export function describeValue(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, part: unknown) => (part instanceof Error ? String(part) : part)) ?? String(value);
  } catch {
    return typeof value === 'bigint' ? `${value}n` : Object.prototype.toString.call(value);
  }
}

/**
 * The address an attribute gives when it is http(s) (relative ones resolved against the page);
 * anything else, or none, gets one console error that names the attribute and what follows.
 */
export function checkHttpUrl(value: unknown, attribute: 'privacy-url' | 'receipt-url' | 'cookie-url'): string | null {
  const href = httpAddress(value);
  if (href === null) report(attribute, value);
  return href;
}

/** The address when it is a non-empty http(s) one (a relative one resolved against the page), else `null`. */
export function httpAddress(value: unknown): string | null {
  try {
    const url = new URL(String(value), document.baseURI);
    if (typeof value === 'string' && value && /^https?:$/.test(url.protocol)) return url.href;
  } catch {
    // none
  }
  return null;
}
