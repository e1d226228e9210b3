import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { pino } from 'pino';
import { isAtlasError } from '../../src/errors.js';
import { EmbeddedStore, type EmbeddedStoreOptions } from '../../src/store/index.js';
import { recoverDataDir } from '../../src/store/wal/recover.js';
import { WriteAheadLog } from '../../src/store/wal/WriteAheadLog.js';
import { encodeBulk } from '../../src/store/batch.js';
import { description, ex, sysGraph } from './fixtures.js';
import { capturingLogger, filesIn, tempDir } from './helpers.js';

const silent = pino({ level: 'silent' });

/** One N-Quads line: `<s> <p> "object" <graph> .` */
const line = (s: string, o: string, graph: string): string => `<${ex(s)}> <${ex('p')}> "${o}" <${graph}> .\n`;

async function open(dir: string, options: Partial<EmbeddedStoreOptions> = {}): Promise<EmbeddedStore> {
  const store = new EmbeddedStore({ dataDir: dir, logger: silent, ...options });
  await store.open();
  return store;
}

async function objects(store: EmbeddedStore, graph: string): Promise<string[]> {
  return (await store.getGraph(graph)).map((q) => q.object.value).sort();
}

async function refusal(
  run: () => Promise<unknown>,
): Promise<{ code: string; message: string; line: unknown }> {
  try {
    await run();
  } catch (error) {
    assert.ok(isAtlasError(error), `expected an AtlasError, got ${String(error)}`);
    return { code: error.code, message: error.message, line: error.context['line'] };
  }
  assert.fail('expected the load to be refused');
}

describe('EmbeddedStore bulk load (loadNQuads)', function () {
  this.timeout(30_000);
  let dir: string;
  let store: EmbeddedStore | undefined;

  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it('replaces the graphs the text names, leaves the others, and survives a reopen', async () => {
    store = await open(dir);
    await store.applyChanges([
      { graph: ex('g/a'), quads: description('a') },
      { graph: ex('g/keep'), quads: description('keep') },
    ]);
    const text =
      line('s1', 'one', ex('g/a')) +
      '# a comment line\n\n' +
      `<${ex('s2')}> <${ex('p')}> "two \\"quoted\\""@en-GB <${ex('g/b')}> . # trailing comment\r\n` +
      `_:x <${ex('p')}> <${ex('o')}> <${ex('g/b')}> .\n` +
      line('s3', 'three', ex('g/a'));
    const result = await store.loadNQuads(text);
    assert.deepEqual(result, { graphs: 2, statements: 4 });
    assert.deepEqual(await objects(store, ex('g/a')), ['one', 'three']);
    assert.deepEqual(await objects(store, ex('g/b')), [ex('o'), 'two "quoted"']);
    assert.equal((await store.getGraph(ex('g/keep'))).length, description('keep').length);

    await store.close();
    store = await open(dir);
    assert.deepEqual(await objects(store, ex('g/a')), ['one', 'three']);
    assert.deepEqual(await store.listGraphs(), [ex('g/a'), ex('g/b'), ex('g/keep')]);
  });

  it('puts statements in system graphs into the system dataset, also after a snapshot', async () => {
    store = await open(dir, { snapshotAfterRecords: 2 });
    const text =
      line('p1', 'public', ex('g/pub')) +
      line('s1', 'system', sysGraph('state')) +
      line('p2', 'more', ex('g/pub'));
    await store.loadNQuads(Buffer.from(text, 'utf8'));
    await store.applyChanges([{ graph: ex('g/other'), quads: description('other') }]);
    assert.deepEqual(await store.listGraphs(), [ex('g/other'), ex('g/pub')]);
    assert.deepEqual(await store.listGraphs({ dataset: 'system' }), [sysGraph('state')]);
    while ((await filesIn(dir, /^snapshot-\d+\.nq$/)).length === 0) await delay(20);
    await store.close();
    store = await open(dir);
    assert.deepEqual(await objects(store, ex('g/pub')), ['more', 'public']);
    assert.deepEqual(await objects(store, sysGraph('state')), ['system']);
    assert.deepEqual(await filesIn(dir, /^(snapshot|wal)-/), [
      'snapshot-0000000000000002.nq',
      'wal-0000000000000003.log',
    ]);
  });

  it('writes the snapshot a large bulk load calls for before close returns', async () => {
    store = await open(dir, { snapshotAfterBytes: 100 });
    await store.loadNQuads(line('s1', 'one', ex('g/a')) + line('s2', 'two', ex('g/b')));
    await store.close();
    store = undefined;
    assert.deepEqual(await filesIn(dir, /^snapshot-/), ['snapshot-0000000000000001.nq']);
    store = await open(dir);
    assert.deepEqual(await store.listGraphs(), [ex('g/a'), ex('g/b')]);
  });

  it('refuses a malformed statement with SYNTAX naming its line, storing nothing, also after a reopen', async () => {
    store = await open(dir);
    await store.applyChanges([{ graph: ex('g/a'), quads: description('a') }]);
    const before = store.sequence;
    const badIri =
      line('s1', 'one', ex('g/new')) +
      line('s2', 'two', ex('g/a')) +
      `<${ex('s')}> <${ex('p')}> <not an iri> <${ex('g/a')}> .\n`;
    const engine = await refusal(() => store!.loadNQuads(badIri));
    assert.equal(engine.code, 'SYNTAX');
    assert.equal(engine.line, 3);
    assert.match(engine.message, /line 3/);
    const unterminated =
      line('s1', 'one', ex('g/new')) + `<${ex('s')}> <${ex('p')}> "open <${ex('g/new')}> .\n`;
    const scanned = await refusal(() => store!.loadNQuads(unterminated));
    assert.equal(scanned.code, 'SYNTAX');
    assert.equal(scanned.line, 2);

    assert.equal(store.sequence, before);
    assert.deepEqual(await store.listGraphs(), [ex('g/a')]);
    assert.equal((await store.getGraph(ex('g/a'))).length, description('a').length);
    await store.close();
    store = await open(dir);
    assert.deepEqual(await store.listGraphs(), [ex('g/a')]);
    assert.equal((await store.getGraph(ex('g/a'))).length, description('a').length);
    await store.loadNQuads(line('s9', 'nine', ex('g/a')));
    assert.deepEqual(await objects(store, ex('g/a')), ['nine']);
  });

  it('names the line of a malformed statement after statements in system graphs', async () => {
    store = await open(dir);
    const text =
      line('p1', 'x', ex('g/p')) +
      line('s1', 'y', sysGraph('s')) +
      line('p2', 'z', ex('g/p')) +
      `<${ex('a')}> <${ex('p')}> "v"@1x <${ex('g/p')}> .\n`;
    const error = await refusal(() => store!.loadNQuads(text));
    assert.equal(error.code, 'SYNTAX');
    assert.equal(error.line, 4);
    assert.deepEqual(await store.listGraphs({ dataset: 'system' }), []);
  });

  it('refuses statements without a graph name (USAGE, naming the line)', async () => {
    store = await open(dir);
    const error = await refusal(() =>
      store!.loadNQuads(line('s1', 'one', ex('g/a')) + `<${ex('s')}> <${ex('p')}> "default" .\n`),
    );
    assert.equal(error.code, 'USAGE');
    assert.equal(error.line, 2);
    assert.deepEqual(await store.listGraphs(), []);
  });

  it('drops a bulk record written but never committed (a crash before the acknowledgement)', async () => {
    store = await open(dir, { workers: 1 });
    await store.loadNQuads(line('s1', 'kept', ex('g/a')));
    await store.close();
    store = undefined;
    const recovered = await recoverDataDir(dir, silent);
    const wal = new WriteAheadLog(dir, recovered);
    await wal.open();
    await wal.prepare(encodeBulk(Buffer.from(line('s2', 'lost', ex('g/a')), 'utf8')).payload);
    await wal.close();
    const { logger, records } = capturingLogger();
    store = new EmbeddedStore({ dataDir: dir, logger, workers: 1 });
    await store.open();
    assert.deepEqual(await objects(store, ex('g/a')), ['kept']);
    assert.ok(
      records.some((r) => r.msg.includes('torn log tail') && r['reason'] === 'uncommitted final record'),
    );
    await store.loadNQuads(line('s3', 'after', ex('g/a')));
    await store.close();
    store = await open(dir);
    assert.deepEqual(await objects(store, ex('g/a')), ['after']);
  });
});
