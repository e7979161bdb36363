/** The component's one way to report bad input or a fault: one console error, never a throw. */
export function report(message: string): void {
  console.error(`<consent-banner>: ${message}`);
}

/** The messages `reportOnce` printed: on this page, or in this server process. */
const reported = new Set<string>();

/** `report`, each message once: a mistake met again (another element, decision or request) says nothing new. */
export function reportOnce(message: string): void {
  if (!reported.has(message)) report(message);
  reported.add(message);
}

/**
 * A part the bundle loads only on pages that need it (a file next to the bundle); when it cannot
 * load, one console error (per file) names it (the browser's message has its URL) and the promise
 * rejects, so that the caller falls back (blocked content stays blocked, an opener link follows
 * its href, a tool stays untold: nothing optional runs).
 */
export function loadPart<T>(part: Promise<T>): Promise<T> {
  return part.catch((reason) => {
    const message = `a part did not load (${reason instanceof Error ? reason.message : reason}); copy every dist/consent-banner*.js next to the bundle, or use consent-banner.single.js.`;
    // Once per file: a part fetched ahead and then tried again on a click fails the same way.
    reportOnce(message);
    throw reason;
  });
}

/** A value as an error message shows it; never throws (BigInt, cycles, symbols). */
export function describeValue(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return typeof value === 'bigint' ? `${value}n` : Object.prototype.toString.call(value);
  }
}

/**
 * The address an attribute gives when it is http(s) (relative ones resolved against the page);
 * anything else, or none, gets one console error that names the attribute and what follows.
 */
export function checkHttpUrl(value: unknown, attribute: string, consequence: string): string | null {
  const href = httpAddress(value);
  if (href === null) report(`${attribute} must be an http(s) address; got ${describeValue(value ?? null)}. ${consequence}`);
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
