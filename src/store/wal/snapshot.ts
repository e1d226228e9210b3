import { crc32 } from 'node:zlib';
import { AtlasError } from '../../errors.js';

const TRAILER = '# tre-atlas snapshot ';

/** A verified snapshot: the public and system N-Quads it holds and the last log sequence it covers. */
export interface SnapshotContent {
  seq: number;
  publicNQuads: Uint8Array;
  systemNQuads: Uint8Array;
}

/** Snapshot file name for a sequence number. */
export function snapshotName(seq: number): string {
  return `snapshot-${String(seq).padStart(16, '0')}.nq`;
}

/** The trailer line closing a snapshot whose body is `publicBytes` of public then system N-Quads. */
export function snapshotTrailer(
  seq: number,
  publicBytes: number,
  bodyBytes: number,
  bodyCrc: number,
): string {
  return `${TRAILER}seq=${seq} public=${publicBytes} bytes=${bodyBytes} crc32=${bodyCrc.toString(16).padStart(8, '0')}\n`;
}

/** Verifies a snapshot file's trailer and checksum; a mismatch -> `AtlasError('CORRUPT')` naming the file. */
export function parseSnapshot(buffer: Uint8Array, file: string): SnapshotContent {
  const fail = (reason: string): AtlasError =>
    new AtlasError('CORRUPT', `${file}: invalid snapshot: ${reason}`, { context: { file } });
  const end = buffer.length;
  if (end === 0 || buffer[end - 1] !== 10) throw fail('missing trailer');
  const start = buffer.lastIndexOf(10, end - 2) + 1;
  const trailer = Buffer.from(buffer.buffer, buffer.byteOffset + start, end - start).toString('utf8');
  const match = /^# tre-atlas snapshot seq=(\d+) public=(\d+) bytes=(\d+) crc32=([0-9a-f]{8})\n$/.exec(
    trailer,
  );
  if (!match) throw fail('missing trailer');
  const [, seq, publicBytes, bytes, crc] = match;
  if (Number(bytes) !== start) throw fail(`body is ${start} bytes, trailer says ${bytes}`);
  const body = buffer.subarray(0, start);
  if (crc32(body) !== parseInt(crc!, 16)) throw fail('checksum mismatch');
  const split = Number(publicBytes);
  return { seq: Number(seq), publicNQuads: body.subarray(0, split), systemNQuads: body.subarray(split) };
}
