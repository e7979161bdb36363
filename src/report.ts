/** The component's one way to report bad input or a fault: one console error, never a throw. */
export function report(message: string): void {
  console.error(`<consent-banner>: ${message}`);
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
  try {
    const url = new URL(String(value), document.baseURI);
    if (typeof value === 'string' && value && /^https?:$/.test(url.protocol)) return url.href;
  } catch {
    // reported below
  }
  report(`${attribute} must be an http(s) address; got ${describeValue(value ?? null)}. ${consequence}`);
  return null;
}
