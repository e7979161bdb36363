// Reads a zip for the tests, apart from the writer in scripts/release-archive.mjs: the end record,
// the central directory, each entry's local header and data, and checks each entry's CRC-32
// (node:zlib's) and size. Deflated entries only, as the release archive has.
import { crc32, inflateRawSync } from 'node:zlib';

/** The entries of the zip in `archive` (a Buffer): name → contents, in the directory's order. */
export function readZip(archive) {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('no end of central directory record');
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    if (archive.readUInt32LE(at) !== 0x02014b50) throw new Error(`entry ${i}: no central directory header`);
    const method = archive.readUInt16LE(at + 10);
    const crc = archive.readUInt32LE(at + 16);
    const packed = archive.readUInt32LE(at + 20);
    const size = archive.readUInt32LE(at + 24);
    const nameLength = archive.readUInt16LE(at + 28);
    const skip = archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
    const local = archive.readUInt32LE(at + 42);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + skip;

    if (archive.readUInt32LE(local) !== 0x04034b50) throw new Error(`${name}: no local header`);
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const data = archive.subarray(start, start + packed);
    if (method !== 8) throw new Error(`${name}: compression method ${method}, not deflate`);
    const contents = inflateRawSync(data);
    if (contents.length !== size) throw new Error(`${name}: ${contents.length} bytes, the directory says ${size}`);
    if (crc32(contents) !== crc) throw new Error(`${name}: CRC-32 does not match`);
    if (entries.has(name)) throw new Error(`${name}: twice in the archive`);
    entries.set(name, contents);
  }
  return entries;
}
