import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { TokenStore } from '../../src/auth/index.js';
import { createGraphqlYoga, type GraphqlLimits, type GraphqlYoga } from '../../src/graphql/index.js';
import { Ingestor, loadSeed } from '../../src/ingest/index.js';
import type { GraphStore, QueryOptions } from '../../src/store/index.js';
import { EmbeddedStore } from '../../src/store/index.js';
import { ShaclValidator } from '../../src/validate/index.js';

/** A GraphStore wrapper that counts the queries it runs. */
export class CountingStore implements GraphStore {
  queries: string[] = [];
  constructor(private readonly inner: GraphStore) {}
  open() {
    return this.inner.open();
  }
  close() {
    return this.inner.close();
  }
  query(sparql: string, options?: QueryOptions) {
    this.queries.push(sparql);
    return this.inner.query(sparql, options);
  }
  queryRaw(sparql: string, mediaType: string, options?: QueryOptions) {
    this.queries.push(sparql);
    return this.inner.queryRaw(sparql, mediaType, options);
  }
  applyChanges(...args: Parameters<GraphStore['applyChanges']>) {
    return this.inner.applyChanges(...args);
  }
  getGraph(graph: string) {
    return this.inner.getGraph(graph);
  }
  hasGraph(graph: string) {
    return this.inner.hasGraph(graph);
  }
  listGraphs(...args: Parameters<GraphStore['listGraphs']>) {
    return this.inner.listGraphs(...args);
  }
  exportNQuads() {
    return this.inner.exportNQuads();
  }
}

/** Provider IRIs the harness issues tokens for. */
export const providers = {
  uio: 'https://ror.org/01xtthb56',
  csc: 'https://w3id.org/tre-atlas/id/org/csc',
};

/** What {@link Harness.makeYoga} may change. */
export interface YogaOptions {
  limits?: Partial<GraphqlLimits>;
  shapesDir?: string;
  store?: GraphStore;
}

/** The store, ingestor and a yoga server over a temp copy of `data/`. */
export interface Harness {
  store: EmbeddedStore;
  counting: CountingStore;
  ingestor: Ingestor;
  validator: ShaclValidator;
  tokens: TokenStore;
  /** Tokens: of UiO (operator of TSD), of another provider, of an admin. */
  token: { uio: string; other: string; admin: string };
  yoga: GraphqlYoga;
  dataDir: string;
  /** Another yoga server over the same store (other limits, shapes, or store wrapper). */
  makeYoga(options?: YogaOptions): Promise<GraphqlYoga>;
  close(): Promise<void>;
}

/** Starts a harness: EmbeddedStore in a temp dir, loadSeed('data'), a yoga server over a counting wrapper. */
export async function startHarness(
  options: { limits?: Partial<GraphqlLimits>; shapesDir?: string; seed?: boolean } = {},
): Promise<Harness> {
  const started = Date.now();
  const dataDir = await mkdtemp(join(tmpdir(), 'tre-atlas-graphql-'));
  const logger = pino({ level: 'silent' });
  const store = new EmbeddedStore({ dataDir, logger, workers: 1 });
  await store.open();
  const validator = await sharedValidator();
  const ingestor = await Ingestor.create({ store, validator, logger });
  if (options.seed !== false) {
    await loadSeed({ ingestor, dir: 'data' });
    await loadSeed({ ingestor, dir: 'test/fixtures/graphql/extra' });
  }
  if (process.env['HARNESS_TIMING']) process.stderr.write(`harness ready in ${Date.now() - started} ms\n`);
  const tokens = await TokenStore.open({ dataDir });
  const token = {
    uio: await tokens.create({ provider: providers.uio }),
    other: await tokens.create({ provider: providers.csc }),
    admin: await tokens.create({ provider: 'https://w3id.org/tre-atlas/id/org/admin', admin: true }),
  };
  const counting = new CountingStore(store);
  const makeYoga = (more: YogaOptions = {}) => {
    const limits = more.limits ?? options.limits;
    const shapesDir = more.shapesDir ?? options.shapesDir;
    return createGraphqlYoga({
      store: more.store ?? counting,
      ingestor,
      validator,
      tokens,
      logger,
      ...(limits ? { limits } : {}),
      ...(shapesDir ? { shapesDir } : {}),
    });
  };
  const yoga = await makeYoga();
  return {
    makeYoga,
    store,
    counting,
    ingestor,
    validator,
    tokens,
    token,
    yoga,
    dataDir,
    async close() {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

let validator: Promise<ShaclValidator> | undefined;
function sharedValidator(): Promise<ShaclValidator> {
  validator ??= ShaclValidator.create({ profile: 'core' });
  return validator;
}

/** The JSON body of a GraphQL response. */
export interface GraphqlBody {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response data is checked by deepEqual
  data?: Record<string, any> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown[] }>;
}

/** POSTs a query to the yoga server. */
export async function gql(
  yoga: GraphqlYoga,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ status: number; body: GraphqlBody }> {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphqlBody };
}

let shared: Promise<Harness> | undefined;
let users = 0;
let closing: NodeJS.Timeout | undefined;

/** The seeded harness shared by read-only test files: call in `before`, and {@link releaseShared} in `after`. */
export function acquireShared(): Promise<Harness> {
  users += 1;
  if (closing !== undefined) clearTimeout(closing);
  closing = undefined;
  shared ??= startHarness();
  return shared;
}

/** Releases the shared harness; the last user closes it (after a moment, in case another file follows). */
export function releaseShared(): void {
  users -= 1;
  if (users > 0 || shared === undefined) return;
  const closingHarness = shared;
  closing = setTimeout(() => {
    if (shared === closingHarness) shared = undefined;
    void closingHarness.then((h) => h.close());
  }, 300);
}
