// The public API in custom-elements.json (generated from the JSDoc by `npm run build`) is all
// documented in the README: attributes, events, slots, CSS parts and custom properties.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'));
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.customElement);

test('the manifest describes the three elements', () => {
  assert.deepEqual(elements.map((d) => d.tagName).sort(), ['consent-banner', 'consent-placeholder', 'consent-preferences']);
});

for (const element of elements) {
  test(`<${element.tagName}>: every attribute, event, slot, part and custom property is in the README`, () => {
    const names = [
      ...(element.attributes ?? []).map((a) => a.name),
      ...(element.events ?? []).map((e) => e.name),
      ...(element.slots ?? []).map((s) => s.name),
      ...(element.cssParts ?? []).map((p) => p.name),
      ...(element.cssProperties ?? []).map((p) => p.name),
    ];
    const missing = names.filter((name) => !readme.includes(`\`${name}\``));
    assert.deepEqual(missing, []);
  });
}
