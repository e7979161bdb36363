import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

/**
 * Bundles the JavaScript that `tsc -p tsconfig.build.json` emitted, twice:
 *
 * - the split build (the default, for speed): dist/consent-banner.bundle.js, which registers the
 *   element, and the parts it loads from next to itself only on pages that need them
 *   (dist/consent-banner-*.js: the choices dialog, the cookie page, placeholders, languages…);
 * - the single file: dist/consent-banner.single.js, everything in one file, for a CMS that takes
 *   one file (no part to copy, nothing else to fetch; every page pays for all of it).
 */
/**
 * Which chunk a module goes to in the split build. The bundle is the core every page view runs
 * (deciding, acting, the element's host; no Lit). The two parts a visitor who sees something waits
 * for come without a chain of requests: the views with Lit's templates and style sheets (`ui`,
 * loaded as soon as the banner asks), and the choices dialog (`choices`) with the detail texts it
 * shares with placeholders and the cookie page and the rows of its cookie tables: one request,
 * fetched ahead. The rest
 * (the cookie page and placeholders with Lit's element class, `elements`; languages; the receipt, and the
 * part that reads the texts it hashes from the views' and the choices' parts, fetched once they show;
 * the request that has the site's server set the cookie, `server-cookie`; the console messages'
 * texts, `messages`, fetched at a page's first mistake) splits where it is used. Every other module of ours is core: named here so that rollup does not move a
 * module the core shares with a part into that part.
 */
function manualChunks(id) {
  const path = id.replaceAll('\\', '/');
  if (/\/node_modules\/(lit-html\/(lit-html|is-server)|@lit\/reactive-element\/css-tag|lit\/html)\.js$/.test(path)) return 'ui';
  if (/\/dist\/(ui\/(banner-ui|banner-view|styles|page-space)|i18n\/(first-layer|nl-first-layer|en-first-layer))\.js$/.test(path)) return 'ui';
  if (/\/node_modules\/lit-html\/directives?[/-]/.test(path) || /\/dist\/(ui\/choices|i18n\/(details|nl-details|en-details|cookie-texts))\.js$/.test(path)) return 'choices';
  // Lit's element class and the subscription to the banner: shared by the cookie page and placeholders.
  if (/\/node_modules\/(lit|lit-element|@lit\/reactive-element)\//.test(path) || /\/dist\/ui\/banner-subscription\.js$/.test(path)) return 'elements';
  // The receipt and the canonical form of the texts it hashes (shared with consent-banner/server).
  if (/\/dist\/(effects\/integrations\/consent-receipt|i18n\/shown-texts)\.js$/.test(path)) return 'consent-receipt';
  // The integrations' adapters are parts too (each its own file, fetched only where `integrations`
  // names it), all but Matomo's and what the adapters share.
  const part = /\/dist\/(ui\/|consent-(preferences|placeholder)\.js|messages\.js|i18n\/(fy|de|fr)[.-]|decision\/service-catalogue\.js|effects\/(integrations\/(?!(index|globals|types|matomo)\.js$)|server-cookie\.js))/;
  if (/\/dist\//.test(path) && !part.test(path)) return 'consent-banner';
}

/** The query string of the file that runs this code (`?ver=6.4.2`), or `''`. */
const OWN_QUERY = 'new URL(import.meta.url).search';

/**
 * The split build's files find each other relative to their own URL and keep its query string:
 * with `consent-banner.bundle.js?ver=6.4.2` (WordPress adds one; cache-busting does) every part is
 * requested with `?ver=6.4.2` too, so that the browser's module map and HTTP cache see one version
 * of each file and never a second copy of the bundle. A dynamic import gets the query; a part's
 * static imports of other files become one top-level `await import()` of them all, at once (a
 * static import has no way to add it). Parts only ever load after the bundle, by `import()`, so
 * the top-level await costs nothing but that.
 */
function keepEntryQuery() {
  const url = (specifier) => `new URL(${specifier}+${OWN_QUERY},import.meta.url).href`;
  return {
    name: 'keep-entry-query',
    renderDynamicImport: () => ({ left: `import(new URL(`, right: `+${OWN_QUERY},import.meta.url).href)` }),
    renderChunk(code, chunk) {
      if (chunk.isEntry) return null;
      const imports = [];
      const rest = code.replace(/^import\s*(?:\{([^}]*)\}\s*from\s*)?(['"][^'"]+['"]);?\n?/gm, (_, names, specifier) => {
        const bindings = (names ?? '').split(',').map((name) => name.trim()).filter(Boolean).map((name) => name.replace(/\s+as\s+/, ': '));
        imports.push({ bindings, specifier });
        return '';
      });
      if (/^(import|export)[^;]*\sfrom\s*['"]|^import\s*['"]/m.test(rest)) throw new Error(`${chunk.fileName}: a static import this plugin cannot rewrite`);
      if (!imports.length) return null;
      const targets = imports.map(({ bindings }) => `{ ${bindings.join(', ')} }`).join(', ');
      const loads = imports.map(({ specifier }) => `import(${url(specifier)})`).join(', ');
      return { code: `const [${targets}] = await Promise.all([${loads}]);\n${rest}`, map: null };
    },
  };
}

/**
 * The types of a built file: the same API as the module it is built from (dist/consent-banner.js,
 * whose .d.ts tsc wrote), so that `consent-banner/bundle` and `consent-banner/single` type-check.
 */
function entryTypes() {
  return {
    name: 'entry-types',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
        const fileName = chunk.fileName.replace(/\.js$/, '.d.ts');
        this.emitFile({ type: 'asset', fileName, source: "export * from './consent-banner.js';\n" });
      }
    },
  };
}

const minifyOptions = {
  ecma: 2022,
  module: true,
  // unsafe_arrows and unsafe_methods turn function expressions that do not use `this` into arrows
  // and methods: unsafe only for code that calls them with `new` or reads their `prototype`, which
  // ours never does (classes are classes); about 30 B off the core.
  compress: { passes: 3, unsafe_arrows: true, unsafe_methods: true },
  // V8's explicit compile hint (Chrome 136+; other engines ignore the comment): nearly every
  // function of the bundle runs on a first visit, and every function of a part once it loads,
  // so V8 compiles them all up front, off the main thread while the file streams in, instead
  // of one by one on the main thread when first called. Measured in npm run bench: about 40%
  // less main-thread script time until the banner shows.
  format: { comments: false, preamble: '//# allFunctionsCalledOnLoad' },
};
const minify = terser(minifyOptions);

const split = {
  input: 'dist/consent-banner.js',
  // The parts import Lit and the shared code from the bundle itself, not from a third file.
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: 'consent-banner.bundle.js',
    chunkFileNames: 'consent-banner-[name].js',
    manualChunks,
  },
  plugins: [
    nodeResolve(),
    keepEntryQuery(),
    entryTypes(),
    minify,
  ],
  onwarn(warning, warn) {
    // tsc's __decorate helper refers to `this` at module level.
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};

const single = {
  ...split,
  plugins: split.plugins.filter(({ name }) => name !== 'keep-entry-query'),
  preserveEntrySignatures: 'strict',
  output: { file: 'dist/consent-banner.single.js', format: 'es', inlineDynamicImports: true },
};

/**
 * The audit mode (src/audit.ts), a file of its own that the bundle never loads: built apart from
 * the split build, so that the core's chunks and bytes stay exactly as they are. Twice: a module
 * for a staging page's `<script type="module">`, and the same as a classic script
 * (`consentBannerAudit`) for tools that inject code before the page's own (the CLI, through
 * Playwright's addInitScript: a classic script, which a page's CSP does not apply to).
 */
const audit = {
  input: 'dist/audit.js',
  output: [
    { file: 'dist/consent-banner.audit.js', format: 'es', plugins: [minify] },
    // Not minified as a module: that would drop the global the file exists for.
    {
      file: 'dist/consent-banner.audit.classic.js',
      format: 'iife',
      name: 'consentBannerAudit',
      plugins: [terser({ ...minifyOptions, module: false })],
    },
  ],
};

export default [split, single, audit];
