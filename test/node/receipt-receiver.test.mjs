// The receipt receiver of docs/server.md ("A receiver that keeps receipts"), the very snippet the
// page shows: written to a file and run with node:http. It stores valid receipts as JSON lines,
// one file per month, append-only; refuses anything else without writing; deletes months past
// the retention period; never throws.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { readSnippets } from '../e2e/doc-snippets.mjs';

// Globals of Node that eslint.config.mjs does not declare for test/node/.
const { fetch } = globalThis;

const [snippet, ...others] = readSnippets(['docs/server.md'], ['js']).filter(({ heading }) => heading === 'A receiver that keeps receipts');
assert.ok(snippet && !others.length, 'docs/server.md has one js block under "A receiver that keeps receipts"');
const folder = mkdtempSync(join(tmpdir(), 'receipt-receiver-'));
writeFileSync(join(folder, 'receiver.mjs'), snippet.source);
const { receiptReceiver } = await import(pathToFileURL(join(folder, 'receiver.mjs')).href);

const RECEIPT = {
  consentId: 'k2j9x0q7m1c5z8ab',
  policyVersion: '2026-11',
  decidedAt: '2026-11-28T10:00:00.000Z',
  method: 'custom',
  categories: { necessary: true, analytics: false, media: true },
  lang: 'nl',
  textsHash: 'sha256-tRcH2KpRCdArYUF6GQv9Ca2jA57KUh4uEDg+pJfZvwc=',
};

let time = new Date('2026-11-28T10:00:01.000Z');
const directory = join(folder, 'receipts');
const receive = receiptReceiver({ directory, retentionMonths: 14, now: () => time });
let server;
let url;

before(async () => {
  server = createServer(receive);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${server.address().port}/`;
});
after(() => {
  server.close();
  rmSync(folder, { recursive: true, force: true });
});

const post = (body, type = 'application/json') => fetch(url, { method: 'POST', headers: { 'content-type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const lines = (month) => readFileSync(join(directory, `receipts-${month}.jsonl`), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));

describe('the documented receipt receiver', () => {
  it('appends each receipt with the time it arrived, one line each, to the file of the month', async () => {
    assert.equal((await post(RECEIPT)).status, 204);
    time = new Date('2026-11-28T10:00:02.000Z');
    assert.equal((await post({ ...RECEIPT, method: 'reject-all', categories: { necessary: true, analytics: false, media: false } })).status, 204);
    // A banner from before lang and textsHash: kept, with null for them.
    const { lang, textsHash, ...older } = RECEIPT;
    assert.ok(lang && textsHash);
    assert.equal((await post(older, 'application/json; charset=utf-8')).status, 204);
    assert.deepEqual(lines('2026-11'), [
      { receivedAt: '2026-11-28T10:00:01.000Z', ...RECEIPT },
      { receivedAt: '2026-11-28T10:00:02.000Z', ...RECEIPT, method: 'reject-all', categories: { necessary: true, analytics: false, media: false } },
      { receivedAt: '2026-11-28T10:00:02.000Z', ...older, lang: null, textsHash: null },
    ]);
  });

  it('refuses what is no receipt (400), other requests (405, 413, 415), and writes nothing for them', async () => {
    const stored = readFileSync(join(directory, 'receipts-2026-11.jsonl'), 'utf8');
    const bad = [
      'not json',
      '[]',
      'null',
      { ...RECEIPT, ip: '192.0.2.1' },
      { ...RECEIPT, consentId: 'UPPER-CASE' },
      { ...RECEIPT, decidedAt: 'yesterday' },
      { ...RECEIPT, method: 'ok' },
      { ...RECEIPT, categories: {} },
      { ...RECEIPT, categories: { analytics: 'yes' } },
      { ...RECEIPT, lang: 'nl-NL; DROP' },
      { ...RECEIPT, textsHash: 'md5-abc' },
      { ...RECEIPT, policyVersion: 7 },
    ];
    for (const body of bad) assert.equal((await post(body)).status, 400, JSON.stringify(body));
    assert.equal((await fetch(url)).status, 405);
    assert.equal((await post('x'.repeat(5000))).status, 413);
    assert.equal((await post(RECEIPT, 'text/plain')).status, 415);
    assert.equal(readFileSync(join(directory, 'receipts-2026-11.jsonl'), 'utf8'), stored);
  });

  it('starts a file each month and deletes the months past retentionMonths, never a line of the others', async () => {
    writeFileSync(join(directory, 'receipts-2025-10.jsonl'), '{"old":1}\n');
    writeFileSync(join(directory, 'receipts-2025-11.jsonl'), '{"kept":1}\n');
    writeFileSync(join(directory, 'notes.txt'), 'not ours');
    time = new Date('2027-01-05T00:00:00.000Z');
    assert.equal((await post(RECEIPT)).status, 204);
    assert.deepEqual(readdirSync(directory).sort(), ['notes.txt', 'receipts-2025-11.jsonl', 'receipts-2026-11.jsonl', 'receipts-2027-01.jsonl']);
    assert.equal(lines('2026-11').length, 3);
    assert.deepEqual(lines('2027-01'), [{ receivedAt: '2027-01-05T00:00:00.000Z', ...RECEIPT }]);
  });

  it('answers 500 when it cannot write, and the server goes on', async () => {
    const broken = receiptReceiver({ directory: join(folder, 'receiver.mjs', 'not-a-folder'), retentionMonths: 14 });
    const other = createServer(broken);
    await new Promise((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${other.address().port}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(RECEIPT) });
      assert.equal(response.status, 500);
    } finally {
      other.close();
    }
    assert.equal((await post(RECEIPT)).status, 204);
  });
});
