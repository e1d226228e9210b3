import type { FastifyInstance } from 'fastify';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { TokenStore } from '../../src/auth/index.js';
import { Ingestor } from '../../src/ingest/index.js';
import { createServer } from '../../src/server/index.js';
import { NamedQueries } from '../../src/sparql/index.js';
import { EmbeddedStore, type GraphStore } from '../../src/store/index.js';
import { ShaclValidator } from '../../src/validate/index.js';
import type { VirtuosoInstance } from '../virtuoso/startVirtuoso.js';
import { clearVirtuoso, virtuosoStore } from '../virtuoso/virtuosoFixture.js';

/** The university the fixtures are published by. */
export const university = 'https://w3id.org/tre-atlas/id/org/example-university';

/** A backend of the end-to-end suite: how to make an empty store. */
export interface Backend {
  name: string;
  /** True when the backend needs Virtuoso (started once for its suite). */
  virtuoso: boolean;
  create(virtuoso?: VirtuosoInstance): Promise<{ store: GraphStore; cleanup(): Promise<void> }>;
}

/** The embedded store and the SPARQL store on Virtuoso 7. */
export const backends: Backend[] = [
  {
    name: 'embedded',
    virtuoso: false,
    async create() {
      const dir = await mkdtemp(join(tmpdir(), 'tre-atlas-e2e-'));
      const store = new EmbeddedStore({ dataDir: dir, logger: pino({ level: 'silent' }) });
      await store.open();
      return { store, cleanup: () => rm(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'sparql (Virtuoso 7)',
    virtuoso: true,
    async create(virtuoso) {
      await clearVirtuoso(virtuoso!);
      const store = virtuosoStore(virtuoso!);
      await store.open();
      return { store, cleanup: () => Promise.resolve() };
    },
  },
];

/** A TRE Atlas server on a loopback port over `store`. */
export interface E2eServer {
  url: string;
  app: FastifyInstance;
  ingestor: Ingestor;
  token: string;
  close(): Promise<void>;
}

let validator: Promise<ShaclValidator> | undefined;

/** Starts the HTTP server of src/server over `store`, with the named queries of queries/. */
export async function startE2eServer(store: GraphStore): Promise<E2eServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tre-atlas-e2e-tokens-'));
  const logger = pino({ level: 'silent' });
  const tokens = await TokenStore.open({ dataDir });
  const token = await tokens.create({ provider: university });
  validator ??= ShaclValidator.create({ profile: 'recommended' });
  const shacl = await validator;
  const ingestor = await Ingestor.create({ store, validator: shacl, logger });
  const queries = await NamedQueries.load(fileURLToPath(new URL('../../queries', import.meta.url)));
  const app = await createServer({
    config: { queryTimeout: 10_000, bodyLimit: 10 * 1024 * 1024 },
    store,
    ingestor,
    validator: shacl,
    tokens,
    logger,
    queries,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    app,
    ingestor,
    token,
    async close() {
      await app.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
