import type { Quad } from '@rdfjs/types';
import assert from 'node:assert/strict';
import { DataFactory, Parser } from 'n3';
import { isomorphic } from 'rdf-isomorphic';
import { isAtlasError, type ErrorCode } from '../../src/errors.js';
import type { GraphStore } from '../../src/store/index.js';
import { description, ex, manyTriples, sysGraph } from './fixtures.js';

const { namedNode, literal, quad, defaultGraph } = DataFactory;

/** A store under test. `reopen` closes it and opens a new instance on the same data (when the backend can). */
export interface StoreFixture {
  store: GraphStore;
  cleanup(): Promise<void>;
  reopen?(): Promise<GraphStore>;
}

function inGraph(quads: Quad[], graph: string): Quad[] {
  return quads.map((q) => quad(q.subject, q.predicate, q.object, namedNode(graph)));
}

function triples(quads: Quad[]): Quad[] {
  return quads.map((q) => quad(q.subject, q.predicate, q.object, defaultGraph()));
}

async function rejectsWith(promise: Promise<unknown>, code: ErrorCode): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isAtlasError(error, code), `expected AtlasError ${code}, got ${String(error)}`);
    return error;
  }
  assert.fail(`expected AtlasError ${code}, but it succeeded`);
}

async function values(store: GraphStore, sparql: string, options = {}): Promise<string[]> {
  const result = await store.query(sparql, options);
  assert.equal(result.kind, 'bindings');
  return result.rows.map((row) => Object.values(row)[0]!.value).sort();
}

/** The GraphStore contract, run against any implementation. */
export function describeGraphStore(name: string, factory: () => Promise<StoreFixture>): void {
  describe(`GraphStore contract: ${name}`, function () {
    this.timeout(60_000);
    let fixture: StoreFixture;
    let store: GraphStore;

    beforeEach(async () => {
      fixture = await factory();
      store = fixture.store;
    });
    afterEach(async () => {
      await fixture.cleanup();
    });

    it('replaces a graph with its new content', async () => {
      await store.applyChanges([{ graph: ex('g/a'), quads: description('a') }]);
      assert.ok(isomorphic(await store.getGraph(ex('g/a')), inGraph(description('a'), ex('g/a'))));
      await store.applyChanges([{ graph: ex('g/a'), quads: description('a', 'Renamed') }]);
      const titles = await values(store, 'SELECT ?t { ?s <http://purl.org/dc/terms/title> ?t }');
      assert.deepEqual(titles, ['Renamed']);
      assert.equal((await store.getGraph(ex('g/a'))).length, 5);
    });

    it('keeps literals, language tags, datatypes and special characters intact', async () => {
      const tricky = [
        quad(namedNode(ex('s')), namedNode(ex('p')), literal('tab\there "q" \\ back\r\nnew ünï 😀')),
        quad(namedNode(ex('s')), namedNode(ex('p')), literal('x', 'de-CH')),
        quad(
          namedNode(ex('s')),
          namedNode(ex('p')),
          literal('2024-01-01', namedNode('http://www.w3.org/2001/XMLSchema#date')),
        ),
      ];
      await store.applyChanges([{ graph: ex('g/t'), quads: tricky }]);
      assert.ok(isomorphic(await store.getGraph(ex('g/t')), inGraph(tricky, ex('g/t'))));
    });

    it('adds to a graph, creating it when absent', async () => {
      const [first, second] = [manyTriples(2)[0]!, manyTriples(2)[1]!];
      await store.applyChanges([{ graph: ex('g/add'), add: [first] }]);
      await store.applyChanges([{ graph: ex('g/add'), add: [second] }]);
      assert.ok(isomorphic(await store.getGraph(ex('g/add')), inGraph([first, second], ex('g/add'))));
    });

    it('deletes a graph', async () => {
      await store.applyChanges([
        { graph: ex('g/a'), quads: description('a') },
        { graph: ex('g/b'), quads: description('b') },
      ]);
      await store.applyChanges([{ graph: ex('g/a'), quads: null }]);
      assert.equal(await store.hasGraph(ex('g/a')), false);
      assert.equal(await store.hasGraph(ex('g/b')), true);
      assert.deepEqual(await store.getGraph(ex('g/a')), []);
      assert.deepEqual(await store.listGraphs(), [ex('g/b')]);
    });

    it('commits nothing of a batch holding an invalid change', async () => {
      await store.applyChanges([{ graph: ex('g/keep'), quads: description('keep') }]);
      const bad = quad(namedNode('not an iri'), namedNode(ex('p')), literal('x'));
      await assert.rejects(
        store.applyChanges([
          { graph: ex('g/keep'), quads: null },
          { graph: ex('g/new'), quads: description('new') },
          { graph: ex('g/bad'), quads: [bad] },
        ]),
      );
      await assert.rejects(
        store.applyChanges([
          { graph: ex('g/new'), quads: description('new') },
          { graph: 'relative', quads: [] },
        ]),
      );
      assert.deepEqual(await store.listGraphs(), [ex('g/keep')]);
      assert.equal((await store.getGraph(ex('g/keep'))).length, 5);
    });

    it('answers SELECT with variables and RDF/JS terms', async () => {
      await store.applyChanges([{ graph: ex('g/a'), quads: description('a') }]);
      const result = await store.query(
        'SELECT ?s ?label ?n WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label ; <http://example.org/count> ?n }',
      );
      assert.equal(result.kind, 'bindings');
      assert.deepEqual(result.variables, ['s', 'label', 'n']);
      assert.equal(result.rows.length, 1);
      const row = result.rows[0]!;
      assert.ok(row['s']!.equals(namedNode(ex('tre/a'))));
      assert.ok(
        row['label']!.equals(literal('a "quoted"\nline', 'en-gb')) ||
          row['label']!.equals(literal('a "quoted"\nline', 'en-GB')),
      );
      assert.ok(row['n']!.equals(literal('42', namedNode('http://www.w3.org/2001/XMLSchema#integer'))));
    });

    it('answers ASK, CONSTRUCT and DESCRIBE', async () => {
      await store.applyChanges([{ graph: ex('g/a'), quads: description('a') }]);
      assert.deepEqual(await store.query('ASK { ?s <http://example.org/count> 42 }'), {
        kind: 'boolean',
        value: true,
      });
      assert.deepEqual(await store.query('ASK { ?s <http://example.org/count> 43 }'), {
        kind: 'boolean',
        value: false,
      });
      const constructed = await store.query(
        'PREFIX dct: <http://purl.org/dc/terms/> # a comment\nCONSTRUCT { ?s <http://example.org/named> ?t } WHERE { ?s dct:title ?t }',
      );
      assert.equal(constructed.kind, 'quads');
      assert.ok(
        isomorphic(constructed.quads, [
          quad(namedNode(ex('tre/a')), namedNode(ex('named')), literal('TRE a')),
        ]),
      );
      const described = await store.query(`DESCRIBE <${ex('tre/a')}>`);
      assert.equal(described.kind, 'quads');
      assert.ok(described.quads.some((q) => q.object.equals(literal('TRE a'))));
    });

    it('keeps system graphs out of the public default graph and serves them as the system dataset', async () => {
      await store.applyChanges([
        { graph: ex('g/a'), quads: description('a') },
        { graph: sysGraph('meta'), quads: description('meta') },
      ]);
      const ask = 'SELECT ?t { ?s <http://purl.org/dc/terms/title> ?t }';
      assert.deepEqual(await values(store, ask), ['TRE a']);
      assert.deepEqual(await values(store, `SELECT ?g { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g`), [ex('g/a')]);
      assert.deepEqual(await values(store, ask, { dataset: 'system' }), ['TRE meta']);
      assert.deepEqual(await values(store, ask, { defaultGraphs: [sysGraph('meta')] }), []);
      assert.deepEqual(await store.listGraphs(), [ex('g/a')]);
      assert.deepEqual(await store.listGraphs({ dataset: 'system' }), [sysGraph('meta')]);
      assert.ok(
        isomorphic(await store.getGraph(sysGraph('meta')), inGraph(description('meta'), sysGraph('meta'))),
      );
      assert.equal(await store.hasGraph(sysGraph('meta')), true);
    });

    it('honours defaultGraphs and namedGraphs', async () => {
      await store.applyChanges([
        { graph: ex('g/a'), quads: description('a') },
        { graph: ex('g/b'), quads: description('b') },
      ]);
      const titles = 'SELECT ?t { ?s <http://purl.org/dc/terms/title> ?t }';
      assert.deepEqual(await values(store, titles), ['TRE a', 'TRE b']);
      assert.deepEqual(await values(store, titles, { defaultGraphs: [ex('g/b')] }), ['TRE b']);
      const named = 'SELECT ?g { GRAPH ?g { ?s <http://purl.org/dc/terms/title> ?t } }';
      assert.deepEqual(await values(store, named, { defaultGraphs: [], namedGraphs: [ex('g/a')] }), [
        ex('g/a'),
      ]);
    });

    it('serialises results in the requested media type', async () => {
      await store.applyChanges([{ graph: ex('g/a'), quads: description('a') }]);
      const select = 'SELECT ?t { ?s <http://purl.org/dc/terms/title> ?t }';
      const json = await store.queryRaw(select, 'application/sparql-results+json');
      assert.equal(json.kind, 'bindings');
      assert.equal(json.mediaType, 'application/sparql-results+json');
      assert.equal(JSON.parse(json.body).results.bindings[0].t.value, 'TRE a');
      assert.match(
        (await store.queryRaw(select, 'application/sparql-results+xml')).body,
        /<literal>TRE a<\/literal>/,
      );
      assert.match((await store.queryRaw(select, 'text/csv; charset=utf-8')).body, /^t\r?\nTRE a/);
      assert.match((await store.queryRaw(select, 'text/tab-separated-values')).body, /^\?t\r?\n"TRE a"/);
      const ask = await store.queryRaw('ASK {}', 'application/sparql-results+json');
      assert.deepEqual([ask.kind, JSON.parse(ask.body).boolean], ['boolean', true]);
      const construct = `CONSTRUCT { ?s ?p ?o } WHERE { ?s <http://purl.org/dc/terms/title> ?o ; ?p ?o }`;
      for (const type of [
        'text/turtle',
        'application/n-triples',
        'application/rdf+xml',
        'application/n-quads',
      ]) {
        const raw = await store.queryRaw(construct, type);
        assert.equal(raw.kind, 'quads');
        assert.equal(raw.mediaType, type);
        assert.match(raw.body, /TRE a/);
      }
      const parsed = new Parser({ format: 'N-Triples' }).parse(
        (await store.queryRaw(construct, 'application/n-triples')).body,
      );
      assert.equal(parsed.length, 1);
      await rejectsWith(store.queryRaw(construct, 'application/sparql-results+json'), 'UNSUPPORTED_FORMAT');
    });

    it('exports every graph, public and system, as N-Quads', async () => {
      await store.applyChanges([
        { graph: ex('g/a'), quads: description('a') },
        { graph: sysGraph('meta'), quads: description('meta') },
      ]);
      let text = '';
      for await (const chunk of store.exportNQuads()) text += chunk;
      const quads = new Parser({ format: 'N-Quads' }).parse(text);
      assert.equal(quads.length, 10);
      assert.deepEqual([...new Set(quads.map((q) => q.graph.value))].sort(), [ex('g/a'), sysGraph('meta')]);
    });

    it('reports a syntax error as SYNTAX with the engine message', async () => {
      const error = await rejectsWith(store.query('SELECT * WHERE { ?s ?p '), 'SYNTAX');
      assert.match(error.message, /1:\d+/);
      await rejectsWith(store.query('INSERT DATA { <http://a> <http://b> <http://c> }'), 'SYNTAX');
    });

    it('stops a pathological query at its time limit, and keeps serving', async () => {
      await store.applyChanges([{ graph: ex('g/many'), quads: manyTriples(300) }]);
      // 300^4 = 8.1e9 solutions: far beyond any time limit used here.
      const cross = 'SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }';
      await rejectsWith(store.query(cross, { timeoutMs: 300 }), 'TIMEOUT');
      await rejectsWith(store.queryRaw(cross, 'text/csv', { timeoutMs: 300 }), 'TIMEOUT');
      assert.deepEqual(await values(store, 'SELECT (COUNT(*) AS ?n) { ?s ?p ?o }'), ['300']);
    });

    it('stops a query when its signal aborts', async () => {
      await store.applyChanges([{ graph: ex('g/many'), quads: manyTriples(300) }]);
      const controller = new AbortController();
      const running = store.query('SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }', {
        signal: controller.signal,
        timeoutMs: 60_000,
      });
      setTimeout(() => controller.abort(), 100);
      await rejectsWith(running, 'TIMEOUT');
      assert.deepEqual(await store.query('ASK { ?s ?p ?o }'), { kind: 'boolean', value: true });
    });

    it('reads its own writes at once, also under concurrent writes', async () => {
      for (let i = 0; i < 10; i++) {
        await store.applyChanges([{ graph: ex(`g/ryw${i}`), quads: description(`ryw${i}`) }]);
        assert.equal(await store.hasGraph(ex(`g/ryw${i}`)), true);
        assert.deepEqual(
          await values(store, `SELECT ?t { <${ex(`tre/ryw${i}`)}> <http://purl.org/dc/terms/title> ?t }`),
          [`TRE ryw${i}`],
        );
      }
      await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          store.applyChanges([{ graph: ex(`g/c${i}`), quads: description(`c${i}`) }]),
        ),
      );
      assert.equal((await store.listGraphs()).length, 40);
    });

    it('restores everything after close and re-open', async function () {
      if (!fixture.reopen) this.skip();
      await store.applyChanges([
        { graph: ex('g/a'), quads: description('a') },
        { graph: ex('g/b'), quads: description('b') },
        { graph: sysGraph('meta'), quads: description('meta') },
      ]);
      await store.applyChanges([{ graph: ex('g/b'), quads: null }]);
      await store.applyChanges([{ graph: ex('g/a'), add: manyTriples(3) }]);
      store = await fixture.reopen();
      assert.deepEqual(await store.listGraphs(), [ex('g/a')]);
      assert.deepEqual(await store.listGraphs({ dataset: 'system' }), [sysGraph('meta')]);
      const restored = await store.getGraph(ex('g/a'));
      assert.ok(isomorphic(triples(restored), triples([...description('a'), ...manyTriples(3)])));
    });
  });
}
