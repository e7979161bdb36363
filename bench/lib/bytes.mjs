// Bytes over the wire, computed from the files: each file compressed on its own, as a server
// sends each response (gzip -9, and brotli at quality 11, the best a server precompresses with).
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export function sizes(buffer) {
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
      },
    }).length,
  };
}

export const fileSizes = (file) => sizes(readFileSync(file));

/** The site's own configuration for the library: what the page has between the bench:config markers. */
export function configOf(html) {
  const parts = [...html.matchAll(/<!-- bench:config -->([\s\S]*?)<!-- \/bench:config -->/g)].map((match) => match[1].trim());
  return Buffer.from(parts.join('\n'));
}

export function sum(list) {
  return list.reduce((total, item) => ({ raw: total.raw + item.raw, gzip: total.gzip + item.gzip, brotli: total.brotli + item.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });
}
