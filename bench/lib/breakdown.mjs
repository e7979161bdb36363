// Where consent-banner's bytes go: rebuilds the bundle's entry chunk in memory with the project's
// rollup (same input, node-resolve, no minifier), minifies each module's tree-shaken code on its
// own with terser (the project's settings), and groups the modules: Lit, then the component's
// own source files (attributed through the minifier's source map). Also bundles Lit alone (every
// export of the Lit modules the bundle uses) to give its gzip -9 size as a whole. Sizes per group are of the group compressed on its own, so they
// add up to a little more than the real bundle (which shares one compression window).
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import configs from '../../rollup.config.mjs';
import { minify } from 'terser';
import { Buffer } from 'node:buffer';
import { relative, resolve, sep } from 'node:path';
import { sizes } from './bytes.mjs';

const TERSER = { ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } };

function groupOf(id, root) {
  const path = relative(root, id).split(sep).join('/');
  if (/node_modules\/(lit|lit-html|lit-element|@lit)\//.test(path)) return 'Lit (lit-html, lit-element, reactive-element)';
  // The component's own modules, by the source file they were compiled from.
  return path.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts');
}

// Decodes a source map's mappings into, per generated line, [column, sourceIndex] segments.
const B64 = Object.fromEntries([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));
function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = B64[char];
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length > 1) source += values[1];
      segments.push([column, values.length > 1 ? source : -1]);
    }
    lines.push(segments);
  }
  return lines;
}

export async function breakdown(root) {
  const build = await rollup({
    input: `${root}/dist/consent-banner.js`,
    preserveEntrySignatures: 'allow-extension',
    plugins: [nodeResolve()],
    onwarn: () => {},
  });
  // The project's own split (the core, the views, the dialog…), so that the entry chunk is the shipped core.
  const { manualChunks } = configs[0].output;
  const { output } = await build.generate({ format: 'es', manualChunks, sourcemap: true, sourcemapExcludeSources: true });
  await build.close();
  const entry = output.find((item) => item.type === 'chunk' && item.isEntry);
  // Minify the whole chunk as the real build does, and attribute every output byte to the module
  // it came from through the composed source map (bytes without a mapping: "unmapped").
  const minified = await minify(entry.code, { ...TERSER, sourceMap: { content: entry.map, includeSources: false } });
  const map = JSON.parse(minified.map);
  const sources = map.sources.map((source) => groupOf(resolve(root, source), root));
  const code = minified.code;
  const groups = new Map();
  const add = (group, text) => groups.set(group, (groups.get(group) ?? '') + text);
  // A segment runs to the next one; text before a line's first segment (a multi-line template
  // literal, such as the CSS) belongs to the segment that ran on from the line before.
  let current = 'unmapped';
  const lines = code.split('\n');
  decodeMappings(map.mappings).forEach((segments, lineIndex) => {
    const line = lines[lineIndex] ?? '';
    add(current, line.slice(0, segments[0]?.[0] ?? line.length) + (lineIndex < lines.length - 1 ? '\n' : ''));
    segments.forEach(([column, source], index) => {
      const end = index + 1 < segments.length ? segments[index + 1][0] : line.length;
      current = source >= 0 ? sources[source] : 'unmapped';
      add(current, line.slice(column, end));
    });
  });
  const litIds = Object.keys(entry.modules).filter((id) => groupOf(id, root).startsWith('Lit'));
  const rows = [...groups].map(([group, text]) => ({ group, ...sizes(Buffer.from(text)) })).sort((a, b) => b.raw - a.raw);
  const total = sizes(Buffer.from(code));
  // The bundle without Lit, compressed as one file: what the component's own code weighs.
  const withoutLit = sizes(Buffer.from([...groups].filter(([group]) => !group.startsWith('Lit')).map(([, text]) => text).join('')));

  // Lit alone: a bundle of the Lit modules the component keeps, minified as the real bundle is.
  const litEntry = `${litIds.map((id, index) => `export * as m${index} from ${JSON.stringify(id)};`).join('\n')}\n`;
  const litBuild = await rollup({
    input: 'lit-entry',
    plugins: [
      { name: 'lit-entry', resolveId: (id) => (id === 'lit-entry' ? id : null), load: (id) => (id === 'lit-entry' ? litEntry : null) },
      nodeResolve(),
    ],
    onwarn: () => {},
  });
  const litOut = (await litBuild.generate({ format: 'es' })).output[0].code;
  await litBuild.close();
  const litAlone = sizes(Buffer.from((await minify(litOut, TERSER)).code));
  return { rows, total, withoutLit, litAlone };
}
