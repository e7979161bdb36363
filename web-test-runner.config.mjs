import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { BROWSER_FLAGS, findBrowser } from './scripts/find-browser.mjs';

/**
 * A receipt endpoint for the receipt tests (the site's server, the outside world): POST
 * /test-receipts records each request's body and the headers that could carry personal data;
 * GET /test-receipts hands the records over and forgets them.
 */
function receiptEndpoint() {
  let received = [];
  return async (context, next) => {
    if (context.path !== '/test-receipts') return next();
    if (context.method === 'POST') {
      let body = '';
      for await (const chunk of context.req) body += chunk;
      const { cookie = null, referer = null } = context.request.headers;
      received.push({ body, contentType: context.request.headers['content-type'], cookie, referer });
      context.status = 204;
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
function slowEndpoint() {
  return async (context, next) => {
    if (context.path !== '/test-slow') return next();
    await new Promise((resolve) => setTimeout(resolve, 300));
    context.status = 204;
  };
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  middleware: [receiptEndpoint(), slowEndpoint()],
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
