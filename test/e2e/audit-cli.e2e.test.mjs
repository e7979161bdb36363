// The audit's CLI as a site's CI runs it (issue 14, item 2): `consent-banner-audit <url>…` from the
// packed package (its `bin`, with playwright-core linked next to it as a project would install it),
// run with this Node and no shell, against the built demo (`npm run build` first) served by the e2e
// harness. The clean demo page passes, the leaking one fails and each finding is named, an allowed
// origin is no finding, a page under a strict CSP is audited too, and what cannot be checked says so.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startHarness } from './harness.mjs';
import { projectWithPackedPackage } from './packed-package.mjs';

let harness;
let project;
let cli;

before(async () => {
  harness = await startHarness();
  project = projectWithPackedPackage('audit', ['playwright-core']);
  const installed = join(project, 'node_modules', 'consent-banner');
  cli = join(installed, JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).bin['consent-banner-audit']);
});
after(async () => {
  await harness?.stop();
  if (project) rmSync(project, { recursive: true, force: true });
});

/** Runs the CLI; resolves with its exit code and output (never rejects on a non-zero exit). */
function audit(...args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd: project, timeout: 90000 }, (error, stdout, stderr) => {
      resolve({ code: error ? error.code : 0, stdout, stderr });
    });
  });
}

/** The findings the report lists, as `step: [kind] subject-ish start of the message`. */
function listed(stdout) {
  let step = '';
  return stdout.split('\n').flatMap((line) => {
    const heading = /^ {2}(before any choice|after the refusal):$/.exec(line);
    if (heading) step = heading[1];
    const finding = /^ {4}- \[([a-z-]+)\] (.*)$/.exec(line);
    return finding ? [`${step}: [${finding[1]}] ${finding[2]}`] : [];
  });
}

describe('consent-banner-audit, the CLI for CI', () => {
  it('the clean demo page: exit 0, "no findings"', async () => {
    const { code, stdout, stderr } = await audit(`${harness.base}/demo/`);
    assert.equal(stdout, `${harness.base}/demo/: no findings\n`);
    assert.equal(stderr, '');
    assert.equal(code, 0);
  });

  it('the leaking demo page: exit 1, and each finding named, before any choice and after the refusal', async () => {
    const url = `${harness.base}/demo/audit.html`;
    const other = `http://localhost:${new URL(harness.base).port}`;
    const { code, stdout } = await audit(url);
    assert.equal(code, 1);
    assert.equal(stdout.split('\n')[0], `${url}: 8 findings`);
    const findings = listed(stdout);
    const expected = [
      // The tracker's report or the embedded video, whichever started first.
      `before any choice: [third-party-request] a request to ${other} was made before any choice (${other}/demo/f`,
      'before any choice: [undeclared-cookie] cookie "fake_visitor" is declared by no category (necessary, analytics)',
      'before any choice: [cookie-without-consent] cookie "fake_visitor" is set before any choice',
      'before any choice: [cookie-without-consent] cookie "_pk_id.9.l34k" (analytics) is set before any choice',
      'before any choice: [unknown-category] data-consent-category="statistiek" names no configured category',
      'before any choice: [missing-integration] integrations names "google-consent-mode", but the page has no window.gtag or window.dataLayer',
      'after the refusal: [cookie-without-consent] cookie "_pk_id.9.l34k" (analytics) is set after analytics was refused',
      `after the refusal: [third-party-request] a request to ${other} was made after a refusal (${other}/demo/favicon.svg?fake-leak=after-refusal)`,
    ];
    assert.equal(findings.length, expected.length, stdout);
    for (const start of expected) assert.ok(findings.some((finding) => finding.startsWith(start)), `${start}\nin\n${stdout}`);
    assert.doesNotMatch(stdout, /note:/, 'no audit of its own in the embedded video\'s frame (it would find no banner there)');
  });

  it('--allow: requests to an allowed origin are no finding; a value that is no origin is a note', async () => {
    const other = `http://localhost:${new URL(harness.base).port}`;
    const { code, stdout } = await audit('--allow', other, '--allow', 'cdn.example.nl', `${harness.base}/demo/audit.html`);
    assert.equal(code, 1);
    assert.equal(listed(stdout).filter((finding) => finding.includes('[third-party-request]')).length, 0, stdout);
    assert.equal(listed(stdout).length, 6);
    assert.match(stdout, /^ {2}note: allowed origin "cdn\.example\.nl" is no origin such as "https:\/\/cdn\.example\.nl"; ignored\.$/m);
  });

  it('a page under a strict CSP with Trusted Types is audited all the same (the audit is injected, not a page script): clean', async () => {
    const url = `${harness.base}/test/e2e/pages/strict-csp.html`;
    const { code, stdout } = await audit(url);
    assert.equal(stdout, `${url}: no findings\n`);
    assert.equal(code, 0);
  });

  it('what cannot be checked: exit 2 with the reason (no banner on the page, a usage mistake)', async () => {
    const clean = `${harness.base}/demo/`;
    const privacy = `${harness.base}/demo/privacy.html`;
    const noBanner = await audit(clean, privacy);
    assert.equal(noBanner.code, 2);
    assert.equal(noBanner.stdout, `${clean}: no findings\n${privacy}: could not be checked\n  the page has no <consent-banner>.\n`);
    const noUrl = await audit();
    assert.equal(noUrl.code, 2);
    assert.match(noUrl.stderr, /^consent-banner-audit: no page to check\.\n\nUsage: consent-banner-audit /);
    const notHttp = await audit('file:///etc/passwd');
    assert.equal(notHttp.code, 2);
    assert.equal(notHttp.stderr, 'consent-banner-audit: "file:///etc/passwd" is no http(s) address.\n');
  });

  it('a cookie page, where the first layer never shows: refused through rejectAll(), with a note, and checked after it', async () => {
    const url = `${harness.base}/test/e2e/pages/audit-cookie-page.html`;
    const { code, stdout } = await audit(url);
    assert.equal(code, 1);
    assert.match(stdout, /note: the first layer did not show .*: refused with rejectAll\(\) instead of the reject button\./);
    assert.ok(
      listed(stdout).some((finding) => finding.startsWith('after the refusal: [cookie-without-consent] cookie "_pk_id.9.l34k" (analytics) is set after analytics was refused')),
      stdout,
    );
  });
});
