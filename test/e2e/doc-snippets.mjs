// The documentation's snippets, as the end-to-end tests read them: the snippet test renders every
// ```html one, the Matomo test builds its pages from the documented Matomo snippet, the code test
// type-checks the TypeScript and JavaScript ones, so that what a test runs is what the docs tell
// sites to paste.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

/** The nonce of the e2e pages (STRICT_CSP in harness.mjs). */
export const NONCE = 'e2e-nonce';

/**
 * Every snippet in one of the languages (```html by default) of the files: fenced code blocks (```
 * or ~~~, also indented in a list) under ATX headings, with its language, the heading above it,
 * the section (headings joined by " › ") and the line of the fence.
 */
export function readSnippets(files, languages = ['html']) {
  const snippets = [];
  for (const file of files) {
    if (!existsSync(file)) continue;
    const lines = readFileSync(file, 'utf8').split('\n');
    const headings = [];
    let fence;
    lines.forEach((line, index) => {
      if (fence) {
        const close = /^(\s*)(`{3,}|~{3,})\s*$/.exec(line);
        if (close && close[2][0] === fence.marker[0] && close[2].length >= fence.marker.length) {
          if (languages.includes(fence.language)) snippets.push({ file, language: fence.language, heading: fence.heading, section: fence.section, line: fence.line, source: fence.body.join('\n') });
          fence = undefined;
        } else {
          fence.body.push(line.startsWith(fence.indent) ? line.slice(fence.indent.length) : line.trimStart());
        }
        return;
      }
      const open = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/.exec(line);
      if (open) {
        fence = { indent: open[1], marker: open[2], language: open[3].toLowerCase(), heading: headings.at(-1)?.text ?? '(top)', section: headings.map((h) => h.text).join(' › '), line: index + 1, body: [] };
        return;
      }
      const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
      if (heading) {
        const level = heading[1].length;
        while (headings.length && headings.at(-1).level >= level) headings.pop();
        headings.push({ level, text: heading[2] });
      }
    });
  }
  return snippets;
}

/** The integrity of the built file that `text` names last (`…/dist/<name>.js`), or undefined. */
function integrityOfLast(text) {
  const name = [...text.matchAll(/\/dist\/([\w.-]+\.js)/g)].at(-1)?.[1];
  if (!name || !existsSync(`dist/${name}`)) return undefined;
  return `sha384-${createHash('sha384').update(readFileSync(`dist/${name}`)).digest('base64')}`;
}

/**
 * `…` stands for "the rest of your page / your other attributes": it goes, and so do lines left
 * empty; `{nonce}` becomes the e2e nonce; `sha384-…` becomes the integrity of the built file its
 * line names before it (`src="…/dist/consent-banner.bundle.js" integrity="sha384-…"`).
 */
export function withoutPlaceholders(source) {
  return source
    .split('\n')
    .map((line) => line.replace(/sha384-…/g, (placeholder, index) => integrityOfLast(line.slice(0, index)) ?? placeholder))
    .map((line) => line.replace(/\s*…/g, ''))
    .filter((line) => line.trim() !== '')
    .join('\n')
    .replaceAll('{nonce}', NONCE);
}
