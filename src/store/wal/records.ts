import { crc32 } from 'node:zlib';
import { AtlasError } from '../../errors.js';

/** Bytes of a record header: magic, payload length, sequence number, payload CRC32, header CRC32. */
export const HEADER_BYTES = 24;
const MAGIC = 0x54415731; // "TAW1"
/** Marks a record written but not yet committed (its payload still being validated): never replayed. */
const PENDING_MAGIC = 0x54415750; // "TAWP"

/** A record found in a log segment. */
export interface LogRecord {
  seq: number;
  /** Offset of the record header in the segment. */
  offset: number;
  payload: Uint8Array;
}

/** The outcome of scanning a segment. */
export interface SegmentScan {
  records: LogRecord[];
  /** Bytes of complete, valid records; anything after is a torn tail. */
  validEnd: number;
  /** Set when an incomplete or unverifiable final record follows `validEnd`. */
  tornTail?: { offset: number; bytes: number; reason: string };
}

/**
 * The header of a record: committed, or `pending` (a later `encodeRecordHeader` of the same record, written over
 * it, commits it; recovery drops a pending final record as never acknowledged). `payloadCrc` defaults to the
 * payload's CRC32.
 */
export function encodeRecordHeader(
  seq: number,
  payload: Uint8Array,
  pending = false,
  payloadCrc = crc32(payload),
): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32BE(pending ? PENDING_MAGIC : MAGIC, 0);
  header.writeUInt32BE(payload.length, 4);
  header.writeBigUInt64BE(BigInt(seq), 8);
  header.writeUInt32BE(payloadCrc, 16);
  header.writeUInt32BE(crc32(header.subarray(0, 20)), 20);
  return header;
}

/** Encodes one record (header + payload). */
export function encodeRecord(seq: number, payload: Uint8Array): Buffer {
  return Buffer.concat([encodeRecordHeader(seq, payload), payload]);
}

function allZero(buffer: Uint8Array, from: number): boolean {
  for (let i = from; i < buffer.length; i++) if (buffer[i] !== 0) return false;
  return true;
}

function corrupt(file: string, offset: number, reason: string): AtlasError {
  return new AtlasError('CORRUPT', `${file}: corrupt log record at offset ${offset}: ${reason}`, {
    context: { file, offset },
  });
}

/**
 * Scans a log segment. A damaged final record is reported as a torn tail (it was never acknowledged);
 * damage followed by more data, or a sequence gap, -> `AtlasError('CORRUPT')` naming the file and offset.
 * `expectedSeq` is the sequence number the first record must carry (undefined: any);
 * scanning stops after `stopAfterSeq` when given (bytes after it may still be being written).
 */
export function scanSegment(
  buffer: Uint8Array,
  file: string,
  expectedSeq?: number,
  stopAfterSeq?: number,
): SegmentScan {
  const view = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.length);
  const records: LogRecord[] = [];
  let offset = 0;
  let expected = expectedSeq;
  const torn = (reason: string): SegmentScan => ({
    records,
    validEnd: offset,
    tornTail: { offset, bytes: view.length - offset, reason },
  });
  while (offset < view.length) {
    if (stopAfterSeq !== undefined && expected !== undefined && expected > stopAfterSeq) break;
    if (view.length - offset < HEADER_BYTES) return torn('incomplete header');
    const magic = view.readUInt32BE(offset);
    const headerOk =
      (magic === MAGIC || magic === PENDING_MAGIC) &&
      view.readUInt32BE(offset + 20) === crc32(view.subarray(offset, offset + 20));
    if (!headerOk) {
      if (allZero(view, offset)) return torn('zero-filled tail');
      throw corrupt(file, offset, 'bad header checksum');
    }
    const length = view.readUInt32BE(offset + 4);
    const seq = Number(view.readBigUInt64BE(offset + 8));
    const end = offset + HEADER_BYTES + length;
    if (magic === PENDING_MAGIC) {
      if (end >= view.length) return torn('uncommitted final record');
      throw corrupt(file, offset, 'an uncommitted record followed by more data');
    }
    if (end > view.length) return torn('incomplete payload');
    const payload = view.subarray(offset + HEADER_BYTES, end);
    if (crc32(payload) !== view.readUInt32BE(offset + 16)) {
      if (end === view.length) return torn('payload checksum mismatch in the final record');
      throw corrupt(file, offset, 'payload checksum mismatch');
    }
    if (expected !== undefined && seq !== expected) {
      throw corrupt(file, offset, `sequence number ${seq}, expected ${expected}`);
    }
    records.push({ seq, offset, payload });
    expected = seq + 1;
    offset = end;
  }
  return { records, validEnd: offset };
}
