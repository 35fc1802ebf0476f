// Test-only ZIP reader: walks an archive from its end record, as unzip and Windows Explorer do, and
// checks every field a reader relies on, so a malformed archive fails the test instead of passing.
import { crc32, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** General purpose flags (bit 11 = UTF-8 name). */
  flags: number;
  method: number;
  content: Buffer;
  crc: number;
}

export function readZip(zip: Uint8Array): ZipEntry[] {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end !== buf.length - 22 - buf.readUInt16LE(end + 20)) throw new Error('no end of central directory record at the end');
  const count = buf.readUInt16LE(end + 10);
  const centralSize = buf.readUInt32LE(end + 12);
  let at = buf.readUInt32LE(end + 16);
  if (at + centralSize !== end) throw new Error('central directory does not end where the end record starts');
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`central directory entry ${i}: bad signature`);
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const skip = buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLength);

    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`entry ${i}: no local file header at ${local}`);
    // The local header repeats version..name length; readers that stream the file use only it.
    if (!buf.subarray(local + 4, local + 28).equals(buf.subarray(at + 6, at + 30))) throw new Error(`entry ${i}: local header differs`);
    if (!buf.subarray(local + 30, local + 30 + nameLength).equals(name)) throw new Error(`entry ${i}: local name differs`);
    const dataStart = local + 30 + nameLength + buf.readUInt16LE(local + 28);
    const data = buf.subarray(dataStart, dataStart + compressed);
    const content = method === 8 ? inflateRawSync(data) : Buffer.from(data);
    if (content.length !== size) throw new Error(`entry ${i}: ${content.length} bytes, the header says ${size}`);
    if (crc32(content) !== crc) throw new Error(`entry ${i}: CRC-32 mismatch`);
    entries.push({ name: name.toString('utf8'), flags, method, content, crc });
    at += 46 + nameLength + skip;
  }
  return entries;
}
