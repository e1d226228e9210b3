import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFactory } from 'n3';
import { pino } from 'pino';
import { bundledData, bundledOntology } from '../../src/config.js';
import { Ingestor, loadSeed, syncVocabulary } from '../../src/ingest/index.js';
import { parseRdf, rdfFormats } from '../../src/rdf/index.js';
import { EmbeddedStore } from '../../src/store/index.js';
import { ShaclValidator } from '../../src/validate/index.js';

/** A temporary embedded store holding the vocabulary and the bundled data/, as `serve` has it after first start. */
export interface SeededStore {
  store: EmbeddedStore;
  close(): Promise<void>;
}

/**
 * Opens a store in a temporary directory with ontology/ and data/ loaded through the real ingest path; `extra` names
 * Turtle files stored as they are (one graph each), for queries that need data no public source confirms.
 */
export async function seededStore(extra: readonly string[] = []): Promise<SeededStore> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tre-atlas-queries-'));
  const logger = pino({ level: 'silent' });
  const store = new EmbeddedStore({ dataDir, logger });
  await store.open();
  const validator = await ShaclValidator.create({ profile: 'core' });
  const ingestor = await Ingestor.create({ store, validator, logger });
  await syncVocabulary({ store, dir: bundledOntology });
  await loadSeed({ ingestor, dir: bundledData });
  for (const file of extra) {
    const graph = DataFactory.namedNode(`urn:test:${file}`);
    const quads = await parseRdf(await readFile(file, 'utf8'), { format: rdfFormats.turtle, source: file });
    await store.applyChanges([
      {
        graph: graph.value,
        quads: quads.map((q) => DataFactory.quad(q.subject, q.predicate, q.object, graph)),
      },
    ]);
  }
  return {
    store,
    async close() {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
