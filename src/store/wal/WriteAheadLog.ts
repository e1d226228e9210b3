import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { AtlasError } from '../../errors.js';
import { fsyncDir, removeFiles, segmentName } from './files.js';
import { encodeRecord } from './records.js';
import type { RecoveredState, Segment } from './recover.js';

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

  /** Appends one record per payload, durably; returns their sequence numbers. */
  async append(payloads: Uint8Array[]): Promise<number[]> {
    if (this.failed)
      throw new AtlasError('IO', `the write-ahead log failed earlier: ${this.failed.message}`, {
        cause: this.failed,
      });
    const segment = this.segments.at(-1);
    if (!this.handle || !segment) throw new AtlasError('INTERNAL', 'the write-ahead log is not open');
    const seqs = payloads.map((_, i) => this.lastSeq + 1 + i);
    const buffers = payloads.map((payload, i) => encodeRecord(seqs[i]!, payload));
    try {
      const total = buffers.reduce((sum, b) => sum + b.length, 0);
      const { bytesWritten } = await this.handle.writev(buffers);
      if (bytesWritten < total) {
        const rest = Buffer.concat(buffers).subarray(bytesWritten);
        for (let offset = 0; offset < rest.length;) {
          offset += (await this.handle.write(rest, offset)).bytesWritten;
        }
      }
      await this.handle.datasync();
      segment.size += total;
    } catch (error) {
      // The log's tail is unknown now: refuse further writes; the next open truncates a torn tail.
      this.failed = error as Error;
      throw new AtlasError('IO', `${segment.path}: cannot append to the log: ${(error as Error).message}`, {
        cause: error,
      });
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
