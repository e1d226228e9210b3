import { readFile } from 'node:fs/promises';
import ox from 'oxigraph';
import { Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import { pino } from 'pino';
import { bundledOntology } from '../../src/config.js';
import { syncVocabulary } from '../../src/ingest/index.js';
import { EmbeddedStore, type GraphChange } from '../../src/store/index.js';
import { readRdfPaths } from '../../src/rdf/index.js';
import { since } from './stats.js';

/** Loads the ontology graphs into an in-process oxigraph store, as TRE Atlas keeps them, so queries compare fairly. */
export async function loadOntologyDirect(store: ox.Store): Promise<void> {
  for (const { file, quads } of await readRdfPaths([bundledOntology])) {
    const graph = ox.namedNode(`urn:bench:ontology:${file}`);
    for (const q of quads)
      store.add(ox.quad(ox.fromTerm(q.subject), ox.fromTerm(q.predicate), ox.fromTerm(q.object), graph));
  }
}

/** The reference: oxigraph loading the N-Quads file directly, in this process. */
export async function directLoad(file: string): Promise<{ store: ox.Store; ms: number; triples: number }> {
  // Bytes, not a string: oxigraph's fastest way in (a string costs it about 10% more), so the reference is its best.
  const bytes = await readFile(file);
  const store = new ox.Store();
  const start = performance.now();
  store.load(bytes, { format: 'application/n-quads' });
  const ms = since(start);
  const triples = store.size;
  await loadOntologyDirect(store);
  return { store, ms, triples };
}

/**
 * TRE Atlas loading the same file into its embedded store as a bulk load command does (`loadNQuads`): one atomic
 * batch replacing every graph the file names, logged (fsync) while every query replica loads it with the strict
 * parser; timed until a query sees all of it.
 */
export async function atlasLoad(file: string, dataDir: string): Promise<{ ms: number; graphs: number }> {
  const logger = pino({ level: 'warn' });
  const store = new EmbeddedStore({ dataDir, logger, queryTimeoutMs: 600_000 });
  await store.open();
  await syncVocabulary({ store, dir: bundledOntology });
  const start = performance.now();
  const { graphs } = await store.loadNQuads(await readFile(file));
  await store.query('ASK { ?s ?p ?o }');
  const ms = since(start);
  await store.close();
  return { ms, graphs };
}

/**
 * The general write path on the same file, for comparison: n3 parse, one atomic batch of graph replacements
 * (`applyChanges`) through the write-ahead log, applied to every query replica; timed until a query sees it.
 */
export async function atlasChangesLoad(
  file: string,
  dataDir: string,
): Promise<{ ms: number; graphs: number }> {
  const logger = pino({ level: 'warn' });
  const store = new EmbeddedStore({ dataDir, logger, queryTimeoutMs: 600_000 });
  await store.open();
  await syncVocabulary({ store, dir: bundledOntology });
  const start = performance.now();
  const text = await readFile(file, 'utf8');
  const byGraph = new Map<string, Quad[]>();
  for (const q of new Parser({ format: 'application/n-quads' }).parse(text)) {
    let list = byGraph.get(q.graph.value);
    if (list === undefined) byGraph.set(q.graph.value, (list = []));
    list.push(q);
  }
  const changes: GraphChange[] = [...byGraph].map(([graph, quads]) => ({ graph, quads }));
  await store.applyChanges(changes);
  await store.query('ASK { ?s ?p ?o }');
  const ms = since(start);
  await store.close();
  return { ms, graphs: changes.length };
}
