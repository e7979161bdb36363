// npm start (after the build): serves the project root and sends / to the demo page.
import { startDevServer } from '@web/dev-server';

const port = Number(process.env.PORT ?? 8000);
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
