/**
 * The tests' handles on Piwik PRO: the container snippet's stub and the fake container of the demo
 * (demo/fake-piwik-pro.js, whose header says what of Piwik PRO's documented behaviour it models).
 */

declare global {
  interface Window {
    /** What demo/fake-piwik-pro.js (the fake container) received and did. */
    fakePiwikPro?: { commands: unknown[][]; pageViews: number; idle: Promise<void> };
  }
}

export const RECORD = 'ppms_privacy_d3m0';

/**
 * What Piwik PRO's container snippet does before its container has loaded, in our own code: a data
 * layer, and a `ppms.cm.api` stub that pushes each call onto it as `{event: 'ppms.cm:<command>',
 * parameters}` (Consent Manager JavaScript API, "Installation").
 */
export function fakeSnippet(): void {
  const layer = (window.dataLayer ??= []);
  window.ppms = { cm: { api: (command: string, ...parameters: unknown[]) => void layer.push({ event: `ppms.cm:${command}`, parameters }) } };
}

/** Loads the fake container (demo/fake-piwik-pro.js), as the snippet's script tag would. */
export async function loadFakeContainer(consentManager: 'on' | 'off' = 'on') {
  const script = Object.assign(document.createElement('script'), { src: '/demo/fake-piwik-pro.js' });
  script.dataset.consentManager = consentManager;
  await new Promise((resolve, reject) => {
    script.addEventListener('load', resolve);
    script.addEventListener('error', reject);
    document.head.append(script);
  });
  return window.fakePiwikPro!;
}

/** Consent Manager's saved decision, as the fake container writes it. */
export function saveRecord(status: number): void {
  document.cookie = `${RECORD}=${encodeURIComponent(JSON.stringify({ consents: { analytics: { status } } }))}; Path=/`;
}

export function savedStatus(): unknown {
  const pair = document.cookie.split('; ').find((cookie) => cookie.startsWith(`${RECORD}=`));
  return pair ? JSON.parse(decodeURIComponent(pair.slice(RECORD.length + 1))).consents?.analytics?.status : undefined;
}


/** Removes the fake container, the snippet's globals and the data layer, once its commands have run. */
export async function removeFakePiwikPro(): Promise<void> {
  await window.fakePiwikPro?.idle;
  document.head.querySelectorAll('script[src$="fake-piwik-pro.js"]').forEach((script) => script.remove());
  delete window.ppms;
  delete window.dataLayer;
  delete window.fakePiwikPro;
}
