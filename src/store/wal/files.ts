import { open, readdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { snapshotName, snapshotTrailer } from './snapshot.js';

/** Log segment file name for the first sequence number it holds. */
export function segmentName(firstSeq: number): string {
  return `wal-${String(firstSeq).padStart(16, '0')}.log`;
}

/** The files of a data directory, sorted by sequence number. */
export interface DataFiles {
  snapshots: Array<{ path: string; seq: number }>;
  segments: Array<{ path: string; firstSeq: number }>;
  temporary: string[];
}

/** Lists snapshots, log segments and leftover temporary files of `dir`. */
export async function listDataFiles(dir: string): Promise<DataFiles> {
  const files: DataFiles = { snapshots: [], segments: [], temporary: [] };
  for (const name of await readdir(dir)) {
    const snapshot = /^snapshot-(\d{16})\.nq$/.exec(name);
    const segment = /^wal-(\d{16})\.log$/.exec(name);
    if (snapshot) files.snapshots.push({ path: join(dir, name), seq: Number(snapshot[1]) });
    else if (segment) files.segments.push({ path: join(dir, name), firstSeq: Number(segment[1]) });
    else if (/^snapshot-\d{16}\.nq\.tmp$/.test(name)) files.temporary.push(join(dir, name));
  }
  files.snapshots.sort((a, b) => a.seq - b.seq);
  files.segments.sort((a, b) => a.firstSeq - b.firstSeq);
  return files;
}

/** fsyncs a directory so that created, renamed and deleted entries are durable. */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes files, then fsyncs the directory. */
export async function removeFiles(dir: string, paths: string[]): Promise<void> {
  if (paths.length === 0) return;
  for (const path of paths) await unlink(path).catch(() => undefined);
  await fsyncDir(dir);
}

/**
 * Writes `snapshot-<seq>.nq` durably: a temporary file with a checksummed trailer, fsync, atomic rename,
 * fsync of the directory. Returns the snapshot's path.
 */
export async function writeSnapshotFile(
  dir: string,
  seq: number,
  publicNQuads: string,
  systemNQuads: string,
): Promise<string> {
  const path = join(dir, snapshotName(seq));
  const temporary = `${path}.tmp`;
  const pub = Buffer.from(publicNQuads, 'utf8');
  const sys = Buffer.from(systemNQuads, 'utf8');
  const crc = crc32(sys, crc32(pub));
  const trailer = snapshotTrailer(seq, pub.length, pub.length + sys.length, crc);
  const handle = await open(temporary, 'w');
  try {
    await handle.writev([pub, sys, Buffer.from(trailer, 'utf8')]);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
  await fsyncDir(dir);
  return path;
}
