// npm run build:demo-site (scripts/build-demo-site.mjs), after npm run build, into a folder given
// on the command line: it writes the demo folder there and replaces an earlier one, files that are
// gone included, but leaves a folder that holds anything else alone (exit 1, one line), so that a
// wrong argument deletes nothing. The folder, served, is checked in test/e2e/static-folder.e2e.test.mjs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const build = (folder) => spawnSync(process.execPath, ['scripts/build-demo-site.mjs', folder], { encoding: 'utf8' });

let scratch;
before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'consent-banner-demo-site-'));
});
after(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('npm run build:demo-site', () => {
  it('writes the demo, the built files and the root page, and replaces an earlier demo site', () => {
    const folder = join(scratch, 'site');
    assert.equal(build(folder).status, 0);
    assert.deepEqual(readdirSync(folder).sort(), ['demo', 'dist', 'index.html']);
    for (const name of ['demo/index.html', 'demo/nl-design-system.html', 'dist/consent-banner.bundle.js', 'dist/consent-banner-ui.js']) {
      assert.ok(existsSync(join(folder, name)), name);
    }
    writeFileSync(join(folder, 'demo', 'gone.html'), 'a page the demo no longer has');
    const again = build(folder);
    assert.equal(again.status, 0, again.stderr);
    assert.ok(!existsSync(join(folder, 'demo', 'gone.html')));
    assert.ok(existsSync(join(folder, 'demo', 'index.html')));
  });

  it('leaves a folder with anything else in it alone: exit 1, one line that names what it found', () => {
    const folder = join(scratch, 'project');
    mkdirSync(join(folder, 'demo'), { recursive: true });
    writeFileSync(join(folder, 'package.json'), '{}');
    writeFileSync(join(folder, 'demo', 'mine.html'), 'mine');
    const { status, stderr } = build(folder);
    assert.equal(status, 1);
    assert.equal(stderr.trim().split('\n').length, 1, stderr);
    assert.match(stderr, /is not a demo site \(it holds package\.json\)/);
    assert.ok(existsSync(join(folder, 'package.json')) && existsSync(join(folder, 'demo', 'mine.html')));
  });
});
