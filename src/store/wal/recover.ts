import { readFile, rm, truncate, open } from 'node:fs/promises';
import type { Logger } from 'pino';
import { AtlasError } from '../../errors.js';
import { fsyncDir, listDataFiles, removeFiles } from './files.js';
import { scanSegment } from './records.js';
import { parseSnapshot } from './snapshot.js';

/** A log segment after recovery. */
export interface Segment {
  path: string;
  firstSeq: number;
  /** Bytes of valid records. */
  size: number;
  /** Sequence number of its last record (firstSeq - 1 when empty). */
  lastSeq: number;
}

/** The state of a data directory after recovery. */
export interface RecoveredState {
  snapshot?: { path: string; seq: number };
  segments: Segment[];
  lastSeq: number;
  recordsSinceSnapshot: number;
  bytesSinceSnapshot: number;
}

/**
 * Checks a data directory and repairs what a crash may leave: temporary files are removed, a torn final log
 * record is truncated (with a warning), segments wholly covered by the newest snapshot are deleted.
 * A snapshot or log record failing its checksum (other than a torn tail), or a gap in the sequence ->
 * `AtlasError('CORRUPT')` naming the file.
 */
export async function recoverDataDir(dir: string, logger: Logger): Promise<RecoveredState> {
  const files = await listDataFiles(dir);
  for (const path of files.temporary) await rm(path, { force: true });
  const newest = files.snapshots.at(-1);
  if (newest) {
    const content = parseSnapshot(await readFile(newest.path), newest.path);
    if (content.seq !== newest.seq) {
      throw new AtlasError('CORRUPT', `${newest.path}: trailer names sequence ${content.seq}`, {
        context: { file: newest.path },
      });
    }
  }
  const snapshotSeq = newest?.seq ?? 0;
  const segments: Segment[] = [];
  const obsolete: string[] = files.snapshots.slice(0, -1).map((s) => s.path);
  let expected: number | undefined;
  let recordsSinceSnapshot = 0;
  let bytesSinceSnapshot = 0;
  for (const [index, file] of files.segments.entries()) {
    const isLast = index === files.segments.length - 1;
    const scan = scanSegment(await readFile(file.path), file.path, expected ?? file.firstSeq);
    if (scan.tornTail) {
      if (!isLast) {
        throw new AtlasError(
          'CORRUPT',
          `${file.path}: damaged record at offset ${scan.tornTail.offset} in a sealed segment`,
          {
            context: { file: file.path, offset: scan.tornTail.offset },
          },
        );
      }
      logger.warn(
        {
          file: file.path,
          offset: scan.tornTail.offset,
          bytes: scan.tornTail.bytes,
          reason: scan.tornTail.reason,
        },
        'truncating a torn log tail (an unacknowledged write)',
      );
      await truncate(file.path, scan.validEnd);
      const handle = await open(file.path, 'r+');
      await handle.sync();
      await handle.close();
    }
    const last = scan.records.at(-1);
    const lastSeq = last ? last.seq : (expected ?? file.firstSeq) - 1;
    expected = lastSeq + 1;
    if (lastSeq <= snapshotSeq && !isLast) {
      obsolete.push(file.path);
      continue;
    }
    for (const record of scan.records) {
      if (record.seq > snapshotSeq) {
        recordsSinceSnapshot++;
        bytesSinceSnapshot += record.payload.length;
      }
    }
    segments.push({ path: file.path, firstSeq: file.firstSeq, size: scan.validEnd, lastSeq });
  }
  const first = segments[0];
  const firstRecordSeq = first && first.lastSeq >= first.firstSeq ? first.firstSeq : undefined;
  if (firstRecordSeq !== undefined && firstRecordSeq > snapshotSeq + 1) {
    throw new AtlasError(
      'CORRUPT',
      `${first!.path}: the log starts at sequence ${firstRecordSeq} but the snapshot ends at ${snapshotSeq}`,
      { context: { file: first!.path } },
    );
  }
  await removeFiles(dir, obsolete);
  await fsyncDir(dir);
  const lastSeq = Math.max(snapshotSeq, segments.at(-1)?.lastSeq ?? 0);
  return {
    ...(newest ? { snapshot: newest } : {}),
    segments,
    lastSeq,
    recordsSinceSnapshot,
    bytesSinceSnapshot,
  };
}
