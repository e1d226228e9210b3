// Measures the embedded store (not a test): bulk load of 10,000 graphs / ~1M triples, reopen, lookups by IRI.
// Run: npx tsx test/store/measureStore.ts
import { rm } from 'node:fs/promises';
import { DataFactory } from 'n3';
import { pino } from 'pino';
import { EmbeddedStore, type GraphChange } from '../../src/store/index.js';
import { ex } from './fixtures.js';
import { tempDir } from './helpers.js';

const { namedNode, literal, quad } = DataFactory;
const GRAPHS = 10_000;
const PER_GRAPH = 100;
const dir = await tempDir();
const ms = (start: number): string => `${(performance.now() - start).toFixed(1)} ms`;
const changes: GraphChange[] = Array.from({ length: GRAPHS }, (_, g) => ({
  graph: ex(`graph/${g}`),
  quads: Array.from({ length: PER_GRAPH }, (_, i) =>
    quad(namedNode(ex(`tre/${g}`)), namedNode(ex(`p${i % 20}`)), literal(`value ${g} ${i}`)),
  ),
}));
let store = new EmbeddedStore({ dataDir: dir, logger: pino({ level: 'silent' }) });
await store.open();
let start = performance.now();
await store.applyChanges(changes);
console.log(`applyChanges ${GRAPHS} graphs, ${GRAPHS * PER_GRAPH} triples: ${ms(start)} (durable)`);
start = performance.now();
await store.query('ASK { ?s ?p ?o }', { timeoutMs: 600_000 });
console.log(`first query after the load (replicas applied): ${ms(start)}`);
await store.close();
start = performance.now();
store = new EmbeddedStore({ dataDir: dir, logger: pino({ level: 'silent' }) });
await store.open();
console.log(`reopen (replay the log into 2 replicas): ${ms(start)}`);
const times: number[] = [];
for (let i = 0; i < 200; i++) {
  const t = performance.now();
  await store.query(`SELECT ?p ?o { <${ex(`tre/${(i * 37) % GRAPHS}`)}> ?p ?o }`);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(
  `lookup by IRI over the union of ${GRAPHS} graphs: median ${times[100]!.toFixed(2)} ms, p90 ${times[180]!.toFixed(2)} ms`,
);
await store.close();
await rm(dir, { recursive: true, force: true });
