// custom-elements.json as tools read it from the package: valid against the official schema,
// pointing at files the package ships, the public API only, every event typed and every custom
// property with its default; and the VS Code custom data generated from it (`npm run build`).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import Ajv from 'ajv';

const require = createRequire(import.meta.url);
const root = new URL('../../', import.meta.url);
const read = (path) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
const manifest = read('custom-elements.json');
const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.customElement);
const packed = new Set(
  JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' }))[0].files.map((file) => file.path),
);

/** Attributes whose default depends on the page (host name, language) or that are off when absent. */
const NO_FIXED_DEFAULT = ['privacy-url', 'site-name', 'organisation', 'cookie-domain', 'integrations', 'receipt-url', 'cookie-url', 'region-label', 'for'];

test('custom-elements.json is valid against the Custom Elements Manifest schema', () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(require('custom-elements-manifest/schema.json'));
  assert.equal(validate(manifest), true, JSON.stringify(validate.errors, null, 2));
  assert.ok(packed.has('custom-elements.json'));
});

test('every module and reference in the manifest is a file the package ships', () => {
  const paths = [];
  JSON.stringify(manifest, (key, value) => {
    if ((key === 'path' || key === 'module') && typeof value === 'string') paths.push(value);
    return value;
  });
  assert.ok(paths.length > 20, `only ${paths.length} paths found`);
  assert.deepEqual([...new Set(paths.filter((path) => !packed.has(path)))], []);
});

for (const element of elements) {
  test(`<${element.tagName}>: only public members, typed events, defaults`, () => {
    const hidden = (element.members ?? []).filter((m) => m.privacy === 'private' || m.privacy === 'protected' || m.name.startsWith('#'));
    assert.deepEqual(hidden.map((m) => m.name), []);
    for (const event of element.events ?? []) {
      assert.match(event.name ?? '', /^[a-z]+(-[a-z]+)+$/, `event ${JSON.stringify(event)} has no name`);
      assert.match(event.type?.text ?? '', /^[A-Z]\w+Event$/, `event ${event.name} has no type`);
    }
    for (const property of element.cssProperties ?? []) assert.ok(property.default, `${property.name} has no default`);
    const withoutDefault = (element.attributes ?? []).filter((a) => a.default === undefined).map((a) => a.name);
    assert.deepEqual(withoutDefault.filter((name) => !NO_FIXED_DEFAULT.includes(name)), []);
  });
}

test('<consent-banner> fires consent-ready and consent-change, typed with their event classes', () => {
  const banner = elements.find((d) => d.tagName === 'consent-banner');
  assert.deepEqual(
    banner.events.map((e) => [e.name, e.type.text]),
    [
      ['consent-ready', 'ConsentReadyEvent'],
      ['consent-change', 'ConsentChangeEvent'],
    ],
  );
});

test('the VS Code custom data ships and lists every element, attribute and custom property', () => {
  assert.ok(packed.has('dist/vscode.html-custom-data.json') && packed.has('dist/vscode.css-custom-data.json'));
  const html = read('dist/vscode.html-custom-data.json');
  const css = read('dist/vscode.css-custom-data.json');
  for (const element of elements) {
    const tag = html.tags.find((t) => t.name === element.tagName);
    assert.ok(tag, `${element.tagName} missing`);
    assert.deepEqual(tag.attributes.map((a) => a.name).sort(), (element.attributes ?? []).map((a) => a.name).sort());
  }
  const properties = elements.flatMap((element) => (element.cssProperties ?? []).map((p) => p.name));
  assert.deepEqual(css.properties.map((p) => p.name).sort(), properties.sort());
});

test('the React JSX types (consent-banner/react) have every attribute and event of the manifest', () => {
  const jsx = readFileSync(new URL('dist/react.d.ts', root), 'utf8');
  const props = (name) => new Set([...jsx.slice(jsx.indexOf(`export interface ${name}`)).split('\n}')[0].matchAll(/^\s+'?([\w-]+)'?\?:/gm)].map(([, prop]) => prop));
  const expected = {
    'consent-banner': 'ConsentBannerJsxProps',
    'consent-preferences': 'ConsentPreferencesJsxProps',
  };
  for (const [tag, name] of Object.entries(expected)) {
    const element = elements.find((d) => d.tagName === tag);
    const wanted = [...(element.attributes ?? []).map((a) => a.name), ...(element.events ?? []).map((e) => `on${e.name}`)];
    assert.deepEqual(wanted.filter((prop) => !props(name).has(prop)), [], `${name} lacks these`);
  }
  assert.ok(packed.has('dist/react.d.ts'));
});

test('the Vue template types (consent-banner/vue) have every property with an attribute, and every event', () => {
  const vue = readFileSync(new URL('dist/vue.d.ts', root), 'utf8');
  const banner = elements.find((d) => d.tagName === 'consent-banner');
  const properties = vue.slice(vue.indexOf('type BannerProperties'), vue.indexOf(';', vue.indexOf('type BannerProperties')));
  const missing = (banner.attributes ?? []).map((a) => a.fieldName).filter((field) => !properties.includes(`'${field}'`));
  assert.deepEqual(missing, []);
  for (const event of banner.events) assert.ok(vue.includes(`'${event.name}': ${event.type.text}`), `${event.name} missing`);
  assert.ok(packed.has('dist/vue.d.ts'));
});
