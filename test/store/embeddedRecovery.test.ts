import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFile, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pino } from 'pino';
import { isAtlasError } from '../../src/errors.js';
import { EmbeddedStore, type EmbeddedStoreOptions } from '../../src/store/index.js';
import { encodeRecord } from '../../src/store/wal/records.js';
import { description, ex } from './fixtures.js';
import { capturingLogger, filesIn, tempDir } from './helpers.js';

const silent = pino({ level: 'silent' });

async function withStore<T>(
  dir: string,
  run: (store: EmbeddedStore) => Promise<T>,
  options: Partial<EmbeddedStoreOptions> = {},
): Promise<T> {
  const store = new EmbeddedStore({ dataDir: dir, logger: silent, workers: 1, ...options });
  await store.open();
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

async function writeGraphs(
  dir: string,
  names: string[],
  options: Partial<EmbeddedStoreOptions> = {},
): Promise<void> {
  await withStore(
    dir,
    async (store) => {
      for (const name of names)
        await store.applyChanges([{ graph: ex(`g/${name}`), quads: description(name) }]);
    },
    options,
  );
}

async function openError(dir: string): Promise<unknown> {
  const store = new EmbeddedStore({ dataDir: dir, logger: silent, workers: 1 });
  try {
    await store.open();
  } catch (error) {
    return error;
  }
  await store.close();
  assert.fail('expected open() to fail');
}

describe('EmbeddedStore durability', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  for (const [what, cut] of [
    ['an incomplete payload', 150],
    ['an incomplete header', 12],
  ] as const) {
    it(`truncates a torn final record (${what}) with a warning and keeps acknowledged writes`, async () => {
      await writeGraphs(dir, ['a', 'b', 'c']);
      const [segment] = await filesIn(dir, /^wal-.*\.log$/);
      const path = join(dir, segment!);
      const size = (await stat(path)).size;
      const record = encodeRecord(4, Buffer.alloc(200, 'x'));
      await appendFile(path, record.subarray(0, cut));
      const { logger, records } = capturingLogger();
      const store = new EmbeddedStore({ dataDir: dir, logger, workers: 1 });
      await store.open();
      try {
        const warning = records.find((r) => r.level === 40 && /torn log tail/.test(r.msg));
        assert.ok(warning, 'a warning about the torn tail');
        assert.equal(warning['file'], path);
        assert.equal((await stat(path)).size, size);
        assert.deepEqual(await store.listGraphs(), [ex('g/a'), ex('g/b'), ex('g/c')]);
        await store.applyChanges([{ graph: ex('g/d'), quads: description('d') }]);
      } finally {
        await store.close();
      }
      await withStore(dir, async (reopened) => assert.equal((await reopened.listGraphs()).length, 4));
    });
  }

  it('refuses to open a log with a corrupt record followed by valid ones (CORRUPT, file and offset)', async () => {
    await writeGraphs(dir, ['a', 'b', 'c']);
    const [segment] = await filesIn(dir, /^wal-.*\.log$/);
    const path = join(dir, segment!);
    const bytes = await readFile(path);
    bytes[24 + 30] = bytes[24 + 30]! ^ 0xff; // inside the payload of the first record
    await writeFile(path, bytes);
    const error = await openError(dir);
    assert.ok(isAtlasError(error, 'CORRUPT'), String(error));
    assert.equal(error.context['file'], path);
    assert.equal(error.context['offset'], 0);
    assert.match(error.message, new RegExp(`${segment}.*offset 0`));
    assert.ok(isAtlasError(await openError(dir), 'CORRUPT'), 'still corrupt, and the lock was released');
  });

  it('writes a snapshot, deletes the log it covers, and restarts from both', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `n${i}`);
    await writeGraphs(dir, names, { snapshotAfterRecords: 5 });
    const snapshots = await filesIn(dir, /^snapshot-\d+\.nq$/);
    assert.equal(snapshots.length, 1);
    const snapshotSeq = Number(/\d+/.exec(snapshots[0]!)![0]);
    assert.ok(snapshotSeq >= 5);
    const segments = await filesIn(dir, /^wal-\d+\.log$/);
    assert.ok(
      segments.every((name) => Number(/\d+/.exec(name)![0]) > 1),
      `old segments deleted: ${segments.join(', ')}`,
    );
    await withStore(dir, async (store) => {
      assert.deepEqual(await store.listGraphs(), names.map((n) => ex(`g/${n}`)).sort());
      assert.equal(store.sequence, 12);
      await store.applyChanges([{ graph: ex('g/n0'), quads: null }]);
    });
    await withStore(dir, async (store) => assert.equal((await store.listGraphs()).length, 11));
  });

  it('refuses to open a damaged snapshot (CORRUPT naming it)', async () => {
    await writeGraphs(dir, ['a', 'b', 'c'], { snapshotAfterRecords: 2 });
    const [snapshot] = await filesIn(dir, /^snapshot-\d+\.nq$/);
    const path = join(dir, snapshot!);
    const bytes = await readFile(path);
    bytes[3] = bytes[3]! ^ 0x01;
    await writeFile(path, bytes);
    const error = await openError(dir);
    assert.ok(isAtlasError(error, 'CORRUPT'), String(error));
    assert.match(error.message, new RegExp(snapshot!));
  });

  it('lets only one store open a data directory, and takes over a stale lock', async () => {
    const first = new EmbeddedStore({ dataDir: dir, logger: silent, workers: 1 });
    await first.open();
    const error = await openError(dir);
    assert.ok(isAtlasError(error, 'UNAVAILABLE'), String(error));
    assert.match(error.message, /locked by process/);
    await first.close();
    const exited = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    await writeFile(join(dir, 'LOCK'), exited.stdout);
    await withStore(dir, async (store) => assert.deepEqual(await store.listGraphs(), []));
  });

  it('creates a missing data directory', async () => {
    const nested = join(dir, 'a', 'b');
    await writeGraphs(nested, ['a']);
    await withStore(nested, async (store) => assert.deepEqual(await store.listGraphs(), [ex('g/a')]));
  });
});
