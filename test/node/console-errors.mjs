// What the Node tests of consent-banner/server share.

/** Console errors while `run` runs (the component reports mistakes there, also on a server), and its result. */
export async function consoleErrors(run) {
  const original = console.error;
  const messages = [];
  console.error = (...args) => messages.push(args.join(' '));
  try {
    return { result: await run(), messages };
  } finally {
    console.error = original;
  }
}
