// docs/texts.md lists every text key a site can set in `texts` (I8, L20): the keys of the English
// texts in dist/ (what `npm run build` emitted from src/i18n/), and nothing else.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { en } from '../../dist/i18n/en.js';
import { enDetails } from '../../dist/i18n/en-details.js';
import { enFirstLayer } from '../../dist/i18n/en-first-layer.js';

const doc = readFileSync(new URL('../../docs/texts.md', import.meta.url), 'utf8');

test('docs/texts.md lists every text key, with its Dutch and English text', () => {
  const keys = [...Object.keys(en).filter((key) => key !== 'lang' && key !== 'dir'), ...Object.keys(enFirstLayer), ...Object.keys(enDetails)];
  const listed = [...doc.matchAll(/^\| `(\w+)` \|/gm)].map(([, key]) => key);
  assert.deepEqual([...listed].sort(), [...keys].sort());
  for (const [key, text] of Object.entries({ ...enFirstLayer, ...enDetails })) {
    assert.ok(doc.includes(text.replace(/\u00a0/g, ' ').replace(/\|/g, '\\|')), `the English text of ${key}`);
  }
});
