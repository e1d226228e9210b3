import type { Quad } from '@rdfjs/types';
import type { FastifyInstance } from 'fastify';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { TokenStore } from '../../src/auth/index.js';
import { Ingestor } from '../../src/ingest/index.js';
import { formatFromMediaType, parseRdf, rdfFormats } from '../../src/rdf/index.js';
import { createServer, Readiness, type ServerConfig } from '../../src/server/index.js';
import { EmbeddedStore } from '../../src/store/index.js';
import { ShaclValidator } from '../../src/validate/index.js';

/** IRIs of the fixtures. */
export const iris = {
  minimal: 'https://w3id.org/tre-atlas/id/tre/minimal',
  university: 'https://w3id.org/tre-atlas/id/org/example-university',
  other: 'https://w3id.org/tre-atlas/id/org/other-institute',
  meta: 'https://w3id.org/tre-atlas/system/meta',
};

/** A fixture file of test/server/fixtures as text. */
export function fixture(name: string): Promise<string> {
  return readFile(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
}

let validator: Promise<ShaclValidator> | undefined;

/** One validator per test run: compiling shapes is the slow part of starting a server. */
function sharedValidator(): Promise<ShaclValidator> {
  validator ??= ShaclValidator.create({ profile: 'recommended' });
  return validator;
}

/** A real server on a loopback port with a real EmbeddedStore in a temporary data directory. */
export interface TestServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  app: FastifyInstance;
  store: EmbeddedStore;
  readiness: Readiness;
  /** A token of the example university (the fixtures' publisher). */
  token: string;
  /** A token of another provider. */
  otherToken: string;
  /** Every stored quad (public and system) as sorted N-Quads lines. */
  exportLines(): Promise<string[]>;
  close(): Promise<void>;
}

/** Starts a test server; `config` overrides the defaults (10 s query limit, 10 MB bodies). */
export async function startTestServer(
  options: { config?: Partial<ServerConfig>; readiness?: Readiness } = {},
): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tre-atlas-server-'));
  const logger = pino({ level: 'silent' });
  const store = new EmbeddedStore({ dataDir, logger });
  await store.open();
  const tokenStore = await TokenStore.open({ dataDir });
  const token = await tokenStore.create({ provider: iris.university });
  const otherToken = await tokenStore.create({ provider: iris.other });
  const shacl = await sharedValidator();
  const ingestor = await Ingestor.create({ store, validator: shacl, logger });
  const readiness = options.readiness ?? new Readiness(true);
  const config: ServerConfig = { queryTimeout: 10_000, bodyLimit: 10 * 1024 * 1024, ...options.config };
  const app = await createServer({
    config,
    store,
    ingestor,
    validator: shacl,
    tokens: tokenStore,
    logger,
    readiness,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    app,
    store,
    readiness,
    token,
    otherToken,
    async exportLines() {
      let text = '';
      for await (const chunk of store.exportNQuads()) text += chunk;
      return text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .sort();
    },
    async close() {
      await app.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Stores the minimal fixture through the Graph Store Protocol; fails the test unless it was created. */
export async function putMinimal(server: TestServer): Promise<void> {
  const response = await fetch(`${server.url}/graphs?graph=${encodeURIComponent(iris.minimal)}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'text/turtle' },
    body: await fixture('minimal.ttl'),
  });
  if (response.status !== 201) throw new Error(`PUT minimal: ${response.status} ${await response.text()}`);
}

/** Parses an RDF response body in the format its Content-Type names. */
export async function parseResponse(response: Response, baseIri?: string): Promise<Quad[]> {
  const type = response.headers.get('content-type') ?? '';
  const format = type.startsWith('text/plain') ? rdfFormats.turtle : formatFromMediaType(type);
  return parseRdf(await response.text(), { format, source: 'response', ...(baseIri ? { baseIri } : {}) });
}
