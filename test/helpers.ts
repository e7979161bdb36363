import { waitUntil } from '@open-wc/testing';

/** Deletes every cookie this test page can see (host-only, Path=/), so tests start as first visits. */
export function clearCookies(): void {
  for (const pair of document.cookie.split(';')) {
    const name = pair.split('=')[0].trim();
    if (name) document.cookie = `${name}=; Path=/; Max-Age=0`;
  }
}

/** Names of the cookies this page can see. */
export function cookieNames(): string[] {
  return document.cookie
    .split(';')
    .map((pair) => pair.split('=')[0].trim())
    .filter(Boolean);
}

/**
 * Captures console.error / console.warn calls while `run` runs, and the messages it reported: a
 * message prints once its text is there (the messages' part, src/messages.ts), so this waits for
 * that part and then for a task, by which every message reported during `run` has printed.
 */
export async function captureConsole(
  level: 'error' | 'warn',
  run: () => unknown | Promise<unknown>,
): Promise<string[]> {
  const original = console[level];
  const messages: string[] = [];
  console[level] = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
  };
  try {
    await run();
    await messagesPrinted();
  } finally {
    console[level] = original;
  }
  return messages;
}

/** Resolves once every message reported so far has printed (the messages' part loaded, then a task). */
export async function messagesPrinted(): Promise<void> {
  await import('../src/messages.js');
  await new Promise((resolve) => setTimeout(resolve));
}

declare global {
  interface Window {
    /** Counters the fake analytics scripts of the tests and demo increment when they run. */
    fakeAnalyticsRuns?: Record<string, number>;
  }
}

/** How often the fake analytics script with this label ran on this page. */
export function fakeAnalyticsRuns(label: string): number {
  return window.fakeAnalyticsRuns?.[label] ?? 0;
}

/** Source of an inline fake analytics script that counts its runs under `label`. */
export function fakeAnalyticsInline(label: string): string {
  return `(window.fakeAnalyticsRuns ??= {})[${JSON.stringify(label)}] = ((window.fakeAnalyticsRuns[${JSON.stringify(label)}]) ?? 0) + 1;`;
}

/**
 * Starts a new page view in the same test page: the banners of the previous "page" go, as they
 * would on navigation (a page has one active banner; a second one stays inactive).
 */
export function newPageView(): void {
  document.querySelectorAll('consent-banner').forEach((banner) => banner.remove());
}

/**
 * Runs `run` in a browser whose Global Privacy Control signal is broken: a fake
 * `navigator.globalPrivacyControl` getter that throws (the browser is the outside world here).
 */
export async function withThrowingGpc(run: () => unknown | Promise<unknown>): Promise<void> {
  const descriptor = Object.getOwnPropertyDescriptor(Navigator.prototype, 'globalPrivacyControl');
  Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {
    configurable: true,
    get() {
      throw new Error('fake: broken signal');
    },
  });
  try {
    await run();
  } finally {
    if (descriptor) Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', descriptor);
    else delete (Navigator.prototype as { globalPrivacyControl?: boolean }).globalPrivacyControl;
  }
}

/**
 * What the test server's endpoint at `path` (web-test-runner.config.mjs: the site's server,
 * faked) recorded since the last call, once `count` requests have arrived.
 */
export async function recorded<T>(path: string, count: number): Promise<T[]> {
  const all: T[] = [];
  await waitUntil(async () => {
    all.push(...(await (await fetch(path)).json()));
    return all.length >= count;
  }, `${count} requests to ${path}`);
  return all;
}
