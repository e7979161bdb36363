// The custom-elements.json that the package ships (`cem analyze --config` in scripts/build.mjs),
// and the VS Code custom data made from it (dist/vscode.*-custom-data.json).
import { posix } from 'node:path';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';

/** A module of src/ (`src/x.ts`, or `/src/x.js` as a reference) as the package ships it: the compiled file in dist/. */
const shipped = (path) => path.replace(/^\/?src\/(.*)\.[jt]s$/, 'dist/$1.js');

/**
 * Every `module` reference (exports, superclasses, types) in a part of a module's entry, shipped;
 * the analyzer writes some as the import specifier (`./events.js`), relative to that module.
 */
function shipReferences(node, modulePath) {
  if (Array.isArray(node)) node.forEach((item) => shipReferences(item, modulePath));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key !== 'module' || typeof value !== 'string') shipReferences(value, modulePath);
      else if (value.startsWith('.')) node.module = posix.join(posix.dirname(modulePath), value);
      else node.module = shipped(value);
    }
  }
}

/**
 * The manifest as tools read it from the package: paths of the dist/ files (the package has no
 * src/), and the public API only (no private or protected member, no `#field`).
 */
function shippedManifest() {
  return {
    name: 'consent-banner: shipped manifest',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        module.path = shipped(module.path);
        shipReferences(module.exports, module.path);
        shipReferences(module.declarations, module.path);
        for (const declaration of module.declarations ?? []) {
          if (!declaration.members) continue;
          declaration.members = declaration.members.filter(
            (member) => member.privacy !== 'private' && member.privacy !== 'protected' && !member.name.startsWith('#'),
          );
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  litelement: true,
  outdir: '.',
  plugins: [
    shippedManifest(),
    customElementVsCodePlugin({
      outdir: 'dist',
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
      hideMethodDocs: true,
      hideLogs: true,
    }),
  ],
};
