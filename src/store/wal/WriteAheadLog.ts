import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { AtlasError } from '../../errors.js';
import { fsyncDir, removeFiles, segmentName } from './files.js';
import { crc32 } from 'node:zlib';
import { encodeRecord, encodeRecordHeader } from './records.js';
import type { RecoveredState, Segment } from './recover.js';

/** A record written durably but not yet committed (see `WriteAheadLog.prepare`). */
export interface PreparedRecord {
  seq: number;
  path: string;
  /** Offset of the record header in its segment (the segment's size before the record). */
  offset: number;
  bytes: number;
  header: Buffer;
}

/**
 * The append side of the log: records go to the current segment, written and fdatasync'ed before `append`
 * resolves. Callers serialise calls (one append or roll at a time).
 */
export class WriteAheadLog {
  readonly segments: Segment[];
  lastSeq: number;
  private handle: FileHandle | undefined;
  private failed: Error | undefined;

  constructor(
    private readonly dir: string,
    state: RecoveredState,
  ) {
    this.segments = state.segments.map((s) => ({ ...s }));
    this.lastSeq = state.lastSeq;
  }

  /** Opens the current segment for appending (a new one when the last does not end at `lastSeq`). */
  async open(): Promise<void> {
    const current = this.segments.at(-1);
    if (current && current.lastSeq === this.lastSeq) {
      this.handle = await open(current.path, 'a');
    } else {
      await this.roll();
    }
  }

  /** Starts a new segment for the records after `lastSeq`. */
  async roll(): Promise<void> {
    await this.handle?.close();
    this.handle = undefined;
    const firstSeq = this.lastSeq + 1;
    const path = join(this.dir, segmentName(firstSeq));
    this.handle = await open(path, 'a');
    await this.handle.sync();
    await fsyncDir(this.dir);
    this.segments.push({ path, firstSeq, size: 0, lastSeq: firstSeq - 1 });
  }

  private current(): { handle: FileHandle; segment: Segment } {
    if (this.failed)
      throw new AtlasError('IO', `the write-ahead log failed earlier: ${this.failed.message}`, {
        cause: this.failed,
      });
    const segment = this.segments.at(-1);
    if (!this.handle || !segment) throw new AtlasError('INTERNAL', 'the write-ahead log is not open');
    return { handle: this.handle, segment };
  }

  private fail(segment: Segment, error: unknown): AtlasError {
    // The log's tail is unknown now: refuse further writes; the next open truncates a torn tail.
    this.failed = error as Error;
    return new AtlasError('IO', `${segment.path}: cannot write the log: ${(error as Error).message}`, {
      cause: error,
    });
  }

  /**
   * Writes one record marked pending and fdatasyncs it: replicas never load it and recovery drops it, until
   * `commit` marks it committed. Nothing else may be appended before `commit` or `abort`.
   */
  async prepare(payload: Uint8Array): Promise<PreparedRecord> {
    const { handle, segment } = this.current();
    const seq = this.lastSeq + 1;
    const crc = crc32(payload);
    const pending = encodeRecordHeader(seq, payload, true, crc);
    const prepared = {
      seq,
      path: segment.path,
      offset: segment.size,
      bytes: pending.length + payload.length,
      header: encodeRecordHeader(seq, payload, false, crc),
    };
    try {
      const { bytesWritten } = await handle.writev([pending, payload]);
      for (let offset = bytesWritten; offset < prepared.bytes;) {
        const rest =
          offset < pending.length ? pending.subarray(offset) : payload.subarray(offset - pending.length);
        offset += (await handle.write(rest)).bytesWritten;
      }
      await handle.datasync();
    } catch (error) {
      throw this.fail(segment, error);
    }
    return prepared;
  }

  /** Commits a prepared record: rewrites its header in place, fdatasync. */
  async commit(prepared: PreparedRecord): Promise<void> {
    const { segment } = this.current();
    try {
      const handle = await open(prepared.path, 'r+');
      try {
        await handle.write(prepared.header, 0, prepared.header.length, prepared.offset);
        await handle.datasync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      throw this.fail(segment, error);
    }
    segment.size += prepared.bytes;
    this.lastSeq = prepared.seq;
    segment.lastSeq = prepared.seq;
  }

  /** Removes a prepared record (truncates the segment back), durably. */
  async abort(prepared: PreparedRecord): Promise<void> {
    const { handle, segment } = this.current();
    try {
      await handle.truncate(prepared.offset);
      await handle.datasync();
    } catch (error) {
      throw this.fail(segment, error);
    }
  }

  /** Appends one record per payload, durably; returns their sequence numbers. */
  async append(payloads: Uint8Array[]): Promise<number[]> {
    const { segment } = this.current();
    const seqs = payloads.map((_, i) => this.lastSeq + 1 + i);
    const buffers = payloads.map((payload, i) => encodeRecord(seqs[i]!, payload));
    try {
      const total = buffers.reduce((sum, b) => sum + b.length, 0);
      const { bytesWritten } = await this.handle!.writev(buffers);
      if (bytesWritten < total) {
        const rest = Buffer.concat(buffers).subarray(bytesWritten);
        for (let offset = 0; offset < rest.length;) {
          offset += (await this.handle!.write(rest, offset)).bytesWritten;
        }
      }
      await this.handle!.datasync();
      segment.size += total;
    } catch (error) {
      throw this.fail(segment, error);
    }
    this.lastSeq = seqs.at(-1) ?? this.lastSeq;
    segment.lastSeq = this.lastSeq;
    return seqs;
  }

  /** Deletes sealed segments whose records are all covered by a snapshot at `snapshotSeq`. */
  async removeCovered(snapshotSeq: number): Promise<void> {
    const covered = this.segments.slice(0, -1).filter((s) => s.lastSeq <= snapshotSeq);
    for (const segment of covered) this.segments.splice(this.segments.indexOf(segment), 1);
    await removeFiles(
      this.dir,
      covered.map((s) => s.path),
    );
  }

  /** Closes the current segment. */
  async close(): Promise<void> {
    await this.handle?.close();
    this.handle = undefined;
  }
}
