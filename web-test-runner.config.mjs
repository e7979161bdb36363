import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { BROWSER_FLAGS, findBrowser } from './scripts/find-browser.mjs';

/**
 * An endpoint of the site's server for the tests (the outside world): a POST to `path` is
 * recorded (its body and the headers that could carry personal data or say where it came from)
 * and answered by `answer`; a GET hands the records over and forgets them.
 */
function recordingEndpoint(path, answer) {
  let received = [];
  return async (context, next) => {
    if (context.path !== path) return next();
    if (context.method === 'POST') {
      let body = '';
      for await (const chunk of context.req) body += chunk;
      const { cookie = null, referer = null, 'sec-fetch-site': fetchSite = null, 'content-type': contentType } = context.request.headers;
      received.push({ body, contentType, cookie, referer, fetchSite });
      answer(context);
    } else {
      context.body = received;
      received = [];
    }
  };
}

/**
 * A slow server on the other side of a request (the outside world): GET /test-slow answers after
 * 300 ms, so that a request can start before something happens on the page and end after it.
 */
async function slowEndpoint(context, next) {
  if (context.path !== '/test-slow') return next();
  await new Promise((resolve) => setTimeout(resolve, 300));
  context.status = 204;
}

/** The receipt tests' endpoint: takes each receipt. */
const receiptEndpoint = recordingEndpoint('/test-receipts', (context) => (context.status = 204));

/**
 * The cookie-url tests' stand-in for the site's cookie handler: answers `?status=` (204 by
 * default, with a cookie of its own in Set-Cookie, `test_set_by_server`), with `?reason=` as its text.
 */
const cookieUrlEndpoint = recordingEndpoint('/test-cookie-url', (context) => {
  context.status = Number(context.query.status ?? 204);
  if (context.status === 204) context.set('Set-Cookie', 'test_set_by_server=1; Path=/; SameSite=Lax');
  else context.body = context.query.reason ?? '';
});

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  middleware: [receiptEndpoint, cookieUrlEndpoint, slowEndpoint],
  // One page at a time: focus and key presses need the page in front.
  concurrency: 1,
  plugins: [esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findBrowser() ?? undefined,
        headless: true,
        args: BROWSER_FLAGS,
      },
    }),
  ],
  testFramework: { config: { timeout: 5000 } },
};
