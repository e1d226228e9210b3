import type { Quad } from '@rdfjs/types';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { TokenStore } from '../../src/auth/index.js';
import { isAtlasError } from '../../src/errors.js';
import { Ingestor } from '../../src/ingest/index.js';
import { createServer } from '../../src/server/index.js';
import { NamedQueries } from '../../src/sparql/index.js';
import {
  CachingStore,
  EmbeddedStore,
  type Dataset,
  type GraphChange,
  type GraphStore,
  type QueryOptions,
  type QueryResult,
  type RawQueryResult,
} from '../../src/store/index.js';
import { ShaclValidator } from '../../src/validate/index.js';
import { description, ex, sysGraph } from './fixtures.js';
import { describeGraphStore } from './graphStoreSuite.js';
import { tempDir } from './helpers.js';

const silent = pino({ level: 'silent' });
const JSON_RESULTS = 'application/sparql-results+json';
const titles = 'SELECT ?t WHERE { ?s <http://purl.org/dc/terms/title> ?t } ORDER BY ?t';
const titleOf = (name: string): string =>
  `SELECT ?t WHERE { <${ex(`tre/${name}`)}> <http://purl.org/dc/terms/title> ?t }`;

/** A promise and the function that settles it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/**
 * The real store behind a thin wrapper that counts queries, records their options, and can hold the next query
 * after the engine answered (so its answer predates anything that happens meanwhile), hold the next write before
 * it reaches the engine, or fail the next query.
 */
class CountingStore implements GraphStore {
  queries = 0;
  seen: QueryOptions[] = [];
  #heldQuery: Promise<void> | undefined;
  #heldWrite: Promise<void> | undefined;
  #failure: Error | undefined;

  constructor(readonly inner: GraphStore) {}

  /** Holds the next query, once answered by the engine, until `open()`; `answered` settles when it has been. */
  holdNextQuery(): { open: () => void; answered: Promise<void> } {
    const release = gate();
    const answered = gate();
    this.#heldQuery = release.opened;
    this.#onAnswered = answered.open;
    return { open: release.open, answered: answered.opened };
  }
  #onAnswered: () => void = () => undefined;

  /** Holds the next write before it reaches the engine until `open()`. */
  holdNextWrite(): () => void {
    const release = gate();
    this.#heldWrite = release.opened;
    return release.open;
  }

  failNextQuery(error: Error): void {
    this.#failure = error;
  }

  async #run<T>(options: QueryOptions, answer: () => Promise<T>): Promise<T> {
    this.queries++;
    this.seen.push(options);
    const failure = this.#failure;
    this.#failure = undefined;
    if (failure) throw failure;
    const held = this.#heldQuery;
    this.#heldQuery = undefined;
    const value = await answer();
    if (held) {
      this.#onAnswered();
      await held;
    }
    return value;
  }

  query(sparql: string, options: QueryOptions = {}): Promise<QueryResult> {
    return this.#run(options, () => this.inner.query(sparql, options));
  }
  queryRaw(sparql: string, mediaType: string, options: QueryOptions = {}): Promise<RawQueryResult> {
    return this.#run(options, () => this.inner.queryRaw(sparql, mediaType, options));
  }
  async applyChanges(changes: GraphChange[]): Promise<void> {
    const held = this.#heldWrite;
    this.#heldWrite = undefined;
    await held;
    await this.inner.applyChanges(changes);
  }
  open(): Promise<void> {
    return this.inner.open();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
  getGraph(graph: string): Promise<Quad[]> {
    return this.inner.getGraph(graph);
  }
  hasGraph(graph: string): Promise<boolean> {
    return this.inner.hasGraph(graph);
  }
  listGraphs(options?: { dataset?: Dataset }): Promise<string[]> {
    return this.inner.listGraphs(options);
  }
  exportNQuads(): AsyncIterable<string> {
    return this.inner.exportNQuads();
  }
}

/** The values of the first variable of a SPARQL JSON body. */
function firstColumn(body: string): string[] {
  const json = JSON.parse(body) as {
    head: { vars: string[] };
    results: { bindings: Array<Record<string, { value: string }>> };
  };
  const name = json.head.vars[0]!;
  return json.results.bindings.map((row) => row[name]!.value);
}

describeGraphStore('CachingStore(EmbeddedStore)', async () => {
  const dir = await tempDir();
  let embedded = new EmbeddedStore({ dataDir: dir, logger: silent });
  await embedded.open();
  return {
    store: new CachingStore({ store: embedded, maxBytes: 1024 * 1024 }),
    async reopen(): Promise<GraphStore> {
      await embedded.close();
      embedded = new EmbeddedStore({ dataDir: dir, logger: silent });
      await embedded.open();
      return new CachingStore({ store: embedded, maxBytes: 1024 * 1024 });
    },
    async cleanup() {
      await embedded.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe('CachingStore', function () {
  this.timeout(60_000);
  let dir: string;
  let embedded: EmbeddedStore;
  let counting: CountingStore;
  let cache: CachingStore;

  beforeEach(async () => {
    dir = await tempDir();
    embedded = new EmbeddedStore({ dataDir: dir, logger: silent });
    await embedded.open();
    await embedded.applyChanges([
      { graph: ex('g/a'), quads: description('a', 'Alpha') },
      { graph: ex('g/b'), quads: description('b', 'Bravo') },
    ]);
    counting = new CountingStore(embedded);
    cache = new CachingStore({ store: counting, maxBytes: 1024 * 1024 });
  });
  afterEach(async () => {
    await cache.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers a repeated query from the cache without asking the store', async () => {
    const first = await cache.queryRaw(titles, JSON_RESULTS);
    const second = await cache.queryRaw(titles, JSON_RESULTS);
    assert.deepEqual(firstColumn(first.body), ['Alpha', 'Bravo']);
    assert.equal(second.body, first.body);
    assert.equal(second.mediaType, JSON_RESULTS);
    const parsed = await cache.query(titles);
    const again = await cache.query(titles);
    assert.deepEqual(again, parsed);
    assert.equal(counting.queries, 2, 'one run for queryRaw, one for query');
    assert.deepEqual(
      { hits: cache.stats().hits, misses: cache.stats().misses, entries: cache.stats().entries },
      { hits: 2, misses: 2, entries: 2 },
    );
  });

  it('hands out answers the caller may change without changing the cache', async () => {
    const first = await cache.query(titles);
    assert.equal(first.kind, 'bindings');
    if (first.kind === 'bindings') first.rows.length = 0;
    const second = await cache.query(titles);
    assert.ok(second.kind === 'bindings' && second.rows.length === 2);
  });

  it('shows the new data after a write', async () => {
    assert.deepEqual(firstColumn((await cache.queryRaw(titles, JSON_RESULTS)).body), ['Alpha', 'Bravo']);
    await cache.applyChanges([{ graph: ex('g/a'), quads: description('a', 'Charlie') }]);
    assert.deepEqual(firstColumn((await cache.queryRaw(titles, JSON_RESULTS)).body), ['Bravo', 'Charlie']);
    assert.equal(counting.queries, 2);
    assert.equal(cache.stats().entries, 1);
  });

  it('does not keep the answer of a query that started before a write and finished after it', async () => {
    const held = counting.holdNextQuery();
    const slow = cache.queryRaw(titles, JSON_RESULTS);
    await held.answered; // the engine answered with the data before the write
    await cache.applyChanges([{ graph: ex('g/a'), quads: description('a', 'Charlie') }]);
    // A caller after the write does not join the slow query either.
    const during = await cache.queryRaw(titles, JSON_RESULTS);
    assert.deepEqual(firstColumn(during.body), ['Bravo', 'Charlie']);
    held.open();
    assert.deepEqual(firstColumn((await slow).body), ['Alpha', 'Bravo']);
    const after = await cache.queryRaw(titles, JSON_RESULTS);
    assert.deepEqual(firstColumn(after.body), ['Bravo', 'Charlie']);
    assert.equal(counting.queries, 2, 'the fresh answer was kept, the stale one not');
  });

  it('does not keep an answer read while a write was under way', async () => {
    const release = counting.holdNextWrite();
    const write = cache.applyChanges([{ graph: ex('g/a'), quads: description('a', 'Charlie') }]);
    const during = await cache.queryRaw(titles, JSON_RESULTS);
    assert.deepEqual(firstColumn(during.body), ['Alpha', 'Bravo']);
    release();
    await write;
    assert.deepEqual(firstColumn((await cache.queryRaw(titles, JSON_RESULTS)).body), ['Bravo', 'Charlie']);
  });

  it('runs identical concurrent misses once', async () => {
    const held = counting.holdNextQuery();
    const first = cache.queryRaw(titles, JSON_RESULTS);
    const second = cache.queryRaw(titles, JSON_RESULTS);
    await held.answered;
    held.open();
    assert.equal((await first).body, (await second).body);
    assert.equal(counting.queries, 1);
    assert.equal(cache.stats().shared, 1);
  });

  it('lets one caller of a shared run give up without stopping the others', async () => {
    const held = counting.holdNextQuery();
    const leaving = new AbortController();
    const first = cache.queryRaw(titles, JSON_RESULTS);
    const second = cache.queryRaw(titles, JSON_RESULTS, { signal: leaving.signal });
    await held.answered;
    leaving.abort();
    await assert.rejects(
      second,
      (error) => isAtlasError(error, 'TIMEOUT') && error.context['aborted'] === true,
    );
    held.open();
    assert.deepEqual(firstColumn((await first).body), ['Alpha', 'Bravo']);
    assert.equal(counting.seen[0]?.signal?.aborted, false);
  });

  it('aborts the run on the store when every caller has given up', async () => {
    const held = counting.holdNextQuery();
    const one = new AbortController();
    const two = new AbortController();
    const first = cache.queryRaw(titles, JSON_RESULTS, { signal: one.signal });
    const second = cache.queryRaw(titles, JSON_RESULTS, { signal: two.signal });
    await held.answered;
    one.abort();
    two.abort();
    await assert.rejects(first, (error) => isAtlasError(error, 'TIMEOUT'));
    await assert.rejects(second, (error) => isAtlasError(error, 'TIMEOUT'));
    assert.equal(counting.seen[0]?.signal?.aborted, true);
    held.open();
  });

  it('keeps answers within its byte bound, dropping the least recently used', async () => {
    await embedded.applyChanges([{ graph: ex('g/c'), quads: description('c', 'Cetus') }]);
    await cache.queryRaw(titleOf('a'), JSON_RESULTS);
    const one = cache.stats().bytes;
    assert.ok(one > 0);
    const small = new CachingStore({ store: counting, maxBytes: Math.floor(one * 2.5) });
    await small.queryRaw(titleOf('a'), JSON_RESULTS);
    await small.queryRaw(titleOf('b'), JSON_RESULTS);
    await small.queryRaw(titleOf('a'), JSON_RESULTS); // hit: a is now the most recently used
    await small.queryRaw(titleOf('c'), JSON_RESULTS); // drops b
    assert.equal(small.stats().entries, 2);
    assert.ok(small.stats().bytes <= small.stats().maxBytes);
    const before = counting.queries;
    assert.deepEqual(firstColumn((await small.queryRaw(titleOf('a'), JSON_RESULTS)).body), ['Alpha']);
    assert.equal(counting.queries, before, 'a was kept');
    assert.deepEqual(firstColumn((await small.queryRaw(titleOf('b'), JSON_RESULTS)).body), ['Bravo']);
    assert.equal(counting.queries, before + 1, 'b was dropped');

    const tiny = new CachingStore({ store: counting, maxBytes: 10 });
    await tiny.queryRaw(titles, JSON_RESULTS);
    assert.deepEqual({ entries: tiny.stats().entries, bytes: tiny.stats().bytes }, { entries: 0, bytes: 0 });
  });

  it('bypasses the cache with noCache', async () => {
    await cache.queryRaw(titles, JSON_RESULTS);
    await embedded.applyChanges([{ graph: ex('g/a'), quads: description('a', 'Charlie') }]); // behind its back
    const fresh = await cache.queryRaw(titles, JSON_RESULTS, { noCache: true });
    assert.deepEqual(firstColumn(fresh.body), ['Bravo', 'Charlie']);
    const parsed = await cache.query(titles, { noCache: true });
    assert.ok(parsed.kind === 'bindings' && parsed.rows.map((r) => r['t']?.value).includes('Charlie'));
    assert.equal(counting.queries, 3);
    assert.equal(cache.stats().bypassed, 2);
    assert.equal(cache.stats().entries, 1, 'bypassing answers are not kept');
  });

  it('keeps a separate answer per media type and per option that changes the answer', async () => {
    await embedded.applyChanges([{ graph: sysGraph('x'), quads: description('x', 'Xray') }]);
    const calls: Array<[string, QueryOptions]> = [
      [JSON_RESULTS, {}],
      ['text/csv', {}],
      [JSON_RESULTS, { dataset: 'system' }],
      [JSON_RESULTS, { defaultGraphs: [ex('g/a')] }],
      [JSON_RESULTS, { defaultGraphs: [ex('g/b')] }],
    ];
    const expected = [['Alpha', 'Bravo'], null, ['Xray'], ['Alpha'], ['Bravo']];
    for (const round of [1, 2]) {
      for (const [index, [mediaType, options]] of calls.entries()) {
        const answer = await cache.queryRaw(titles, mediaType, options);
        const direct = await embedded.queryRaw(titles, mediaType, options);
        assert.equal(answer.body, direct.body, `call ${index}, round ${round}`);
        const want = expected[index];
        if (want) assert.deepEqual(firstColumn(answer.body), want);
      }
    }
    const named = 'SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g';
    const relative = 'SELECT ?t WHERE { <tre/a> <http://purl.org/dc/terms/title> ?t }';
    for (const round of [1, 2]) {
      assert.deepEqual(
        firstColumn((await cache.queryRaw(named, JSON_RESULTS, { namedGraphs: [ex('g/b')] })).body),
        [ex('g/b')],
      );
      assert.equal(firstColumn((await cache.queryRaw(named, JSON_RESULTS)).body).length, 2, `round ${round}`);
      assert.deepEqual(
        firstColumn((await cache.queryRaw(relative, JSON_RESULTS, { baseIri: ex('') })).body),
        ['Alpha'],
      );
      assert.deepEqual(
        firstColumn((await cache.queryRaw(relative, JSON_RESULTS, { baseIri: ex('x/') })).body),
        [],
      );
    }
    assert.equal(counting.queries, calls.length + 4);
    assert.equal(cache.stats().hits, calls.length + 4);
  });

  it('never keeps an error', async () => {
    for (let i = 0; i < 2; i++) {
      await assert.rejects(cache.queryRaw('SELECT nonsense {', JSON_RESULTS), (e) =>
        isAtlasError(e, 'SYNTAX'),
      );
    }
    assert.equal(counting.queries, 2);
    counting.failNextQuery(new Error('store unreachable'));
    await assert.rejects(cache.query(titles), /store unreachable/);
    const result = await cache.query(titles);
    assert.ok(result.kind === 'bindings' && result.rows.length === 2);
    assert.equal(cache.stats().entries, 1);
  });
});

describe('CachingStore behind the HTTP faces', function () {
  this.timeout(60_000);

  it('answers repeated requests from the cache; Cache-Control: no-cache reaches the store as noCache', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tre-atlas-cache-http-'));
    const queriesDir = join(dataDir, 'queries');
    const embedded = new EmbeddedStore({ dataDir, logger: silent });
    await embedded.open();
    await embedded.applyChanges([{ graph: ex('g/a'), quads: description('a', 'Alpha') }]);
    const counting = new CountingStore(embedded);
    const store = new CachingStore({ store: counting, maxBytes: 1024 * 1024 });
    await mkdir(queriesDir);
    await writeFile(
      join(queriesDir, 'titles.rq'),
      `# @title Titles\n# @description Every title.\n${titles}\n`,
    );
    const validator = await ShaclValidator.create({ profile: 'recommended' });
    const app = await createServer({
      config: { queryTimeout: 10_000, bodyLimit: 1024 * 1024 },
      store,
      ingestor: await Ingestor.create({ store, validator, logger: silent }),
      validator,
      tokens: await TokenStore.open({ dataDir }),
      logger: silent,
      queries: await NamedQueries.load(queriesDir),
    });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const get = async (path: string, headers: Record<string, string> = {}): Promise<string[]> => {
        const response = await fetch(`${url}${path}`, { headers: { accept: JSON_RESULTS, ...headers } });
        assert.equal(response.status, 200, await response.clone().text());
        return firstColumn(await response.text());
      };
      const sparql = `/sparql?query=${encodeURIComponent(titles)}`;
      for (const path of ['/queries/titles', sparql]) {
        const before = counting.queries;
        assert.deepEqual(await get(path), ['Alpha']);
        assert.deepEqual(await get(path), ['Alpha']);
        assert.equal(counting.queries, before + 1, `${path}: the second request came from the cache`);
        assert.equal(counting.seen.at(-1)?.noCache, undefined);
        assert.deepEqual(await get(path, { 'cache-control': 'no-cache' }), ['Alpha']);
        assert.equal(counting.queries, before + 2, `${path}: no-cache reached the store`);
        assert.equal(counting.seen.at(-1)?.noCache, true);
        assert.deepEqual(await get(path, { 'cache-control': 'max-age=0, No-Cache' }), ['Alpha']);
        assert.equal(counting.seen.at(-1)?.noCache, true);
      }
      await store.applyChanges([{ graph: ex('g/a'), quads: description('a', 'Charlie') }]);
      assert.deepEqual(await get('/queries/titles'), ['Charlie']);
      assert.deepEqual(await get(sparql), ['Charlie']);
    } finally {
      await app.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
