import type { Quad } from '@rdfjs/types';
import type { FastifyInstance } from 'fastify';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { TokenStore } from '../../src/auth/index.js';
import { Ingestor, loadSeed } from '../../src/ingest/index.js';
import { formatFromMediaType, parseRdf } from '../../src/rdf/index.js';
import { createServer, type ServerConfig } from '../../src/server/index.js';
import { EmbeddedStore } from '../../src/store/index.js';
import { ShaclValidator } from '../../src/validate/index.js';

/** The repository root and its example data. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const seedDir = join(repoRoot, 'data');

let validator: Promise<ShaclValidator> | undefined;

/** One validator per test run. */
export function sharedValidator(): Promise<ShaclValidator> {
  validator ??= ShaclValidator.create({ profile: 'recommended' });
  return validator;
}

/** A real server on loopback over a real EmbeddedStore in a temporary directory. */
export interface CatalogTestServer {
  url: string;
  app: FastifyInstance;
  store: EmbeddedStore;
  ingestor: Ingestor;
  dataDir: string;
  close(): Promise<void>;
}

/** Starts a server; with `seed` (default true) the example data of `data/` is loaded first. */
export async function startCatalogServer(
  options: { seed?: boolean; config?: Partial<ServerConfig>; clock?: () => Date } = {},
): Promise<CatalogTestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tre-atlas-catalog-'));
  const logger = pino({ level: 'silent' });
  const store = new EmbeddedStore({ dataDir, logger });
  await store.open();
  const tokens = await TokenStore.open({ dataDir });
  const shacl = await sharedValidator();
  const ingestor = await Ingestor.create({
    store,
    validator: shacl,
    logger,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  if (options.seed !== false) await loadSeed({ ingestor, dir: seedDir, logger });
  const config: ServerConfig = { queryTimeout: 10_000, bodyLimit: 10 * 1024 * 1024, ...options.config };
  const app = await createServer({ config, store, ingestor, validator: shacl, tokens, logger });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    app,
    store,
    ingestor,
    dataDir,
    async close() {
      await app.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Parses a response body in the format its Content-Type names. */
export async function parseBody(response: Response): Promise<Quad[]> {
  const format = formatFromMediaType(response.headers.get('content-type') ?? '');
  return parseRdf(await response.text(), { format, source: response.url });
}

/** IRIs the catalogue tests look for. */
export const terms = {
  type: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type',
  catalog: 'http://www.w3.org/ns/dcat#Catalog',
  service: 'http://www.w3.org/ns/dcat#service',
  dataset: 'http://www.w3.org/ns/dcat#dataset',
  record: 'http://www.w3.org/ns/dcat#record',
  dataService: 'http://www.w3.org/ns/dcat#DataService',
  primaryTopic: 'http://xmlns.com/foaf/0.1/primaryTopic',
  modified: 'http://purl.org/dc/terms/modified',
  seeAlso: 'http://www.w3.org/2000/01/rdf-schema#seeAlso',
  hydraView: 'http://www.w3.org/ns/hydra/core#view',
  partialView: 'http://www.w3.org/ns/hydra/core#PartialCollectionView',
  totalItems: 'http://www.w3.org/ns/hydra/core#totalItems',
  first: 'http://www.w3.org/ns/hydra/core#first',
  last: 'http://www.w3.org/ns/hydra/core#last',
  next: 'http://www.w3.org/ns/hydra/core#next',
  previous: 'http://www.w3.org/ns/hydra/core#previous',
  tre: 'https://w3id.org/tre-atlas/ns#',
  mfaRequired: 'https://w3id.org/tre-atlas/ns#mfaRequired',
  catalogIri: 'https://w3id.org/tre-atlas/catalog',
  treProfile: 'https://w3id.org/tre-atlas/profile/tre',
  dcatApProfile: 'https://semiceu.github.io/DCAT-AP/releases/3.0.1',
};

/** Objects of `predicate` (with `subject`, when given), sorted. */
export function objects(quads: readonly Quad[], predicate: string, subject?: string): string[] {
  return quads
    .filter((q) => q.predicate.value === predicate && (subject === undefined || q.subject.value === subject))
    .map((q) => q.object.value)
    .sort();
}

/** The single object of `predicate`, or undefined (fails when there are several). */
export function single(quads: readonly Quad[], predicate: string, subject?: string): string | undefined {
  const found = objects(quads, predicate, subject);
  if (found.length > 1) throw new Error(`${found.length} values of <${predicate}>: ${found.join(', ')}`);
  return found[0];
}

/** Fetches a catalogue URL and parses it; fails unless the status is 200. */
export async function getPage(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ response: Response; quads: Quad[] }> {
  const response = await fetch(url, { headers });
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return { response, quads: await parseBody(response) };
}

/** Triples as sorted N-Triples-like lines, for comparing graphs without blank nodes. */
export function tripleLines(quads: readonly Quad[]): string[] {
  const term = (t: Quad['object']): string =>
    t.termType === 'Literal' ? `"${t.value}"@${t.language}^^${t.datatype.value}` : `<${t.value}>`;
  return [...new Set(quads.map((q) => `${term(q.subject)} <${q.predicate.value}> ${term(q.object)}`))].sort();
}
