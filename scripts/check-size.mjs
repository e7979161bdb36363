// Fails when the self-contained bundle grows past its budget (gzip -9 bytes).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const LIMIT = 15000;
const TARGET = 12000;
const file = 'dist/consent-banner.bundle.js';
const size = gzipSync(readFileSync(file), { level: 9 }).length;
const verdict = size > LIMIT ? 'over the limit' : size > TARGET ? 'within the limit, over the target' : 'within the target';
console.log(`size: ${file} is ${size} bytes gzip -9 (limit ${LIMIT}, target ${TARGET}): ${verdict}`);
if (size > LIMIT) process.exit(1);
