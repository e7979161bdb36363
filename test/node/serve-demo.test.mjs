// `npm start`'s server (scripts/serve-demo.mjs): serves the demo on PORT, and when the port is
// taken or PORT is no port it says so in one line with what to do, not with a stack trace (issue 13).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';

const SCRIPT = new URL('../../scripts/serve-demo.mjs', import.meta.url);

/** Runs the script with PORT until it exits or prints its start line; its output and exit code. */
function serve(port) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SCRIPT.pathname], { env: { ...process.env, PORT: String(port) }, cwd: new URL('../..', import.meta.url) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (stdout.includes('Demo:')) resolve({ child, stdout, stderr, code: null });
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ child, stdout, stderr, code }));
  });
}

/** A port this test holds, as another program would. */
function takenPort() {
  return new Promise((resolve) => {
    const holder = createServer().listen(0, () => resolve({ holder, port: holder.address().port }));
  });
}

describe('npm start (scripts/serve-demo.mjs)', () => {
  it('a taken port: exit 1 and one line that names the port and says how to pick another', async () => {
    const { holder, port } = await takenPort();
    try {
      const { code, stderr } = await serve(port);
      assert.equal(code, 1);
      assert.equal(stderr.trim().split('\n').length, 1, stderr);
      assert.match(stderr, new RegExp(`Port ${port} is in use`));
      assert.match(stderr, /PORT=8080 npm start/);
      assert.doesNotMatch(stderr, /\n\s+at /);
    } finally {
      holder.close();
    }
  });

  it('a PORT that is no port: exit 1 and one line', async () => {
    const { code, stderr } = await serve('eighty');
    assert.equal(code, 1);
    assert.match(stderr.trim(), /^PORT must be a whole number from 1 to 65535; got "eighty"\./);
  });

  it('a free port: serves the demo there and sends / to it', async () => {
    const { holder, port } = await takenPort();
    await new Promise((resolve) => holder.close(resolve));
    const { child, stdout } = await serve(port);
    try {
      assert.match(stdout, new RegExp(`Demo: http://localhost:${port}/demo/`));
      const response = await fetch(`http://localhost:${port}/`, { redirect: 'manual' });
      assert.equal(response.headers.get('location'), '/demo/');
      assert.equal((await fetch(`http://localhost:${port}/demo/`)).status, 200);
    } finally {
      child.kill();
    }
  });
});
