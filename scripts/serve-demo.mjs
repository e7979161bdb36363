// npm start (after the build): serves the project root and sends / to the demo page. `PORT`
// picks the port (default 8000); a port that is taken or not a port gets one line that says what
// to do, not a stack trace.
import { startDevServer } from '@web/dev-server';
import { createServer } from 'node:net';

const port = Number(process.env.PORT ?? 8000);
const ANOTHER_PORT = 'Pick another port: PORT=8080 npm start (Windows PowerShell: $env:PORT=8080; npm start).';

if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a whole number from 1 to 65535; got "${process.env.PORT}". ${ANOTHER_PORT}`);
  process.exit(1);
}

// The dev server reports a taken port with a stack trace and never settles: try the port first,
// as it listens (every interface).
const problem = await new Promise((resolve) => {
  const probe = createServer();
  probe.once('error', (error) => resolve(error.code));
  probe.listen(port, () => probe.close(() => resolve(null)));
});
if (problem) {
  const why = problem === 'EADDRINUSE' ? 'is in use (another server runs there)' : `cannot be used (${problem})`;
  console.error(`Port ${port} ${why}. ${ANOTHER_PORT}`);
  process.exit(1);
}

await startDevServer({
  config: {
    rootDir: '.',
    port,
    hostname: 'localhost',
    middleware: [
      (context, next) => {
        if (context.path === '/') context.redirect('/demo/');
        return next();
      },
    ],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
console.log(`Demo: http://localhost:${port}/demo/ (Ctrl+C stops the server)`);
