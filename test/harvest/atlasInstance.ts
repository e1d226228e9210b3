import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { TokenStore } from '../../src/auth/index.js';
import { Ingestor, loadSeed } from '../../src/ingest/index.js';
import { createServer } from '../../src/server/index.js';
import { EmbeddedStore } from '../../src/store/index.js';
import { coreValidator } from '../ingest/helpers.js';

/** The repository's example data. */
export const dataDir = new URL('../../data/', import.meta.url).pathname;

/** A running TRE Atlas instance on a loopback port, with its own store in a temporary directory. */
export interface AtlasInstance {
  url: string;
  store: EmbeddedStore;
  ingestor: Ingestor;
  /** A graph's triples without graph terms. */
  triples(graph: string): Promise<Quad[]>;
  close(): Promise<void>;
}

/** Starts TRE Atlas (createServer over an EmbeddedStore, core shapes) with the given seed folders loaded in order. */
export async function startAtlas(seeds: readonly string[] = []): Promise<AtlasInstance> {
  const dir = await mkdtemp(join(tmpdir(), 'tre-atlas-harvest-'));
  const logger = pino({ level: 'silent' });
  const store = new EmbeddedStore({ dataDir: dir, logger });
  await store.open();
  const validator = await coreValidator();
  const ingestor = await Ingestor.create({ store, validator, logger });
  for (const seed of seeds) await loadSeed({ ingestor, dir: seed });
  const tokens = await TokenStore.open({ dataDir: dir });
  const app = await createServer({
    config: { queryTimeout: 20_000, bodyLimit: 10 * 1024 * 1024 },
    store,
    ingestor,
    validator,
    tokens,
    logger,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    store,
    ingestor,
    async triples(graph) {
      return (await store.getGraph(graph)).map((q) => DataFactory.quad(q.subject, q.predicate, q.object));
    },
    async close() {
      await app.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
