import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { pino } from 'pino';
import { isAtlasError } from '../../src/errors.js';
import { EmbeddedStore } from '../../src/store/index.js';
import { description, ex, manyTriples } from './fixtures.js';
import { capturingLogger, tempDir } from './helpers.js';

const CROSS = 'SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }';

async function titles(store: EmbeddedStore): Promise<string[]> {
  const result = await store.query('SELECT ?t { ?s <http://purl.org/dc/terms/title> ?t }');
  assert.equal(result.kind, 'bindings');
  return result.rows.map((row) => row['t']!.value).sort();
}

describe('EmbeddedStore query workers', function () {
  this.timeout(60_000);
  let dir: string;
  let store: EmbeddedStore;
  beforeEach(async () => {
    dir = await tempDir();
    store = new EmbeddedStore({ dataDir: dir, logger: pino({ level: 'silent' }), workers: 2 });
    await store.open();
    await store.applyChanges([{ graph: ex('g/many'), quads: manyTriples(300) }]);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the event loop turning while a long query runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    try {
      await assert.rejects(store.query(CROSS, { timeoutMs: 1000 }), (e) => isAtlasError(e, 'TIMEOUT'));
    } finally {
      clearInterval(timer);
    }
    assert.ok(ticks > 0, 'the interval ticked during the query');
  });

  it('answers another query on the second worker while the first is busy', async () => {
    let longSettled = false;
    const long = store.query(CROSS, { timeoutMs: 20_000 }).finally(() => (longSettled = true));
    long.catch(() => undefined);
    assert.deepEqual(await store.query('ASK { ?s ?p "7" }'), { kind: 'boolean', value: true });
    assert.equal(longSettled, false, 'the long query was still running');
    await store.applyChanges([{ graph: ex('g/a'), quads: description('a') }]);
    assert.deepEqual(await titles(store), ['TRE a']);
    assert.equal(longSettled, false);
    await store.close(); // ends the long query
    await assert.rejects(long, (e) => isAtlasError(e, 'UNAVAILABLE'));
  });

  it('respawns a timed-out worker from the data directory, with writes made meanwhile', async () => {
    await assert.rejects(store.query(CROSS, { timeoutMs: 200 }), (e) => isAtlasError(e, 'TIMEOUT'));
    await store.applyChanges([{ graph: ex('g/a'), quads: description('a') }]);
    await store.applyChanges([{ graph: ex('g/b'), quads: description('b') }]);
    // Several rounds of parallel queries reach both the surviving and the respawned worker.
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all(Array.from({ length: 4 }, () => titles(store)));
      for (const answer of answers) assert.deepEqual(answer, ['TRE a', 'TRE b']);
    }
    await assert.rejects(store.query(CROSS, { timeoutMs: 200 }), (e) => isAtlasError(e, 'TIMEOUT'));
    assert.deepEqual(await titles(store), ['TRE a', 'TRE b']);
  });

  it('with a single worker, serves again from the respawned one', async () => {
    const soloDir = await tempDir();
    const solo = new EmbeddedStore({ dataDir: soloDir, logger: pino({ level: 'silent' }), workers: 1 });
    await solo.open();
    try {
      await solo.applyChanges([{ graph: ex('g/many'), quads: manyTriples(300) }]);
      await assert.rejects(solo.query(CROSS, { timeoutMs: 200 }), (e) => isAtlasError(e, 'TIMEOUT'));
      await solo.applyChanges([{ graph: ex('g/a'), quads: description('a') }]);
      assert.deepEqual(await titles(solo), ['TRE a']);
    } finally {
      await solo.close();
      await rm(soloDir, { recursive: true, force: true });
    }
  });

  it('times out a query waiting for a worker without disturbing the running ones', async () => {
    const busy = [store.query(CROSS, { timeoutMs: 3000 }), store.query(CROSS, { timeoutMs: 3000 })];
    for (const p of busy) p.catch(() => undefined);
    await assert.rejects(store.query('ASK {}', { timeoutMs: 100 }), (e) => isAtlasError(e, 'TIMEOUT'));
    for (const p of busy) await assert.rejects(p, (e) => isAtlasError(e, 'TIMEOUT'));
    assert.deepEqual(await store.query('ASK { ?s ?p "7" }'), { kind: 'boolean', value: true });
  });

  it('withdraws a query still waiting behind a large write instead of restarting the worker', async () => {
    const soloDir = await tempDir();
    const { logger, records } = capturingLogger();
    const solo = new EmbeddedStore({ dataDir: soloDir, logger, workers: 1 });
    await solo.open();
    try {
      await solo.applyChanges([{ graph: ex('g/big'), quads: manyTriples(50_000) }]);
      // The replica is still loading 50,000 triples: the query times out before it starts.
      await assert.rejects(solo.query('ASK {}', { timeoutMs: 1 }), (e) => isAtlasError(e, 'TIMEOUT'));
      assert.deepEqual(await solo.query('ASK { ?s ?p "49999" }'), { kind: 'boolean', value: true });
      assert.equal(records.filter((r) => /restarting its worker/.test(r.msg)).length, 0);
      await assert.rejects(solo.query(CROSS, { timeoutMs: 200 }), (e) => isAtlasError(e, 'TIMEOUT'));
      assert.equal(records.filter((r) => /restarting its worker/.test(r.msg)).length, 1);
    } finally {
      await solo.close();
      await rm(soloDir, { recursive: true, force: true });
    }
  });
});
