/**
 * Imported by every browser test file: a test fails when an unhandled promise rejection happens
 * while it runs (uncaught errors already fail it through the test runner).
 */
const rejections: unknown[] = [];
window.addEventListener('unhandledrejection', (event) => rejections.push(event.reason));

afterEach(async () => {
  await new Promise((resolve) => setTimeout(resolve));
  if (rejections.length) {
    const reasons = rejections.splice(0).map(String).join('; ');
    throw new Error(`unhandled promise rejection during the test: ${reasons}`);
  }
});
