/** The component's one way to report bad input or a fault: one console error, never a throw. */
export function report(message: string): void {
  console.error(`<consent-banner>: ${message}`);
}
