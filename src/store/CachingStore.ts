import type { Quad, Term } from '@rdfjs/types';
import { AtlasError } from '../errors.js';
import type {
  Dataset,
  GraphChange,
  GraphStore,
  QueryOptions,
  QueryResult,
  RawQueryResult,
} from './GraphStore.js';

/** Options of {@link CachingStore}. */
export interface CachingStoreOptions {
  /** The store whose query answers are cached; every other call goes straight to it. */
  store: GraphStore;
  /** Estimated bytes of answers kept; past it the least recently used answers are dropped. */
  maxBytes: number;
}

/** Counters of a {@link CachingStore} since it was created. */
export interface CacheStats {
  /** Queries answered from the cache. */
  hits: number;
  /** Queries not in the cache (each ran on the store, or joined an identical query already running). */
  misses: number;
  /** Misses that joined an identical query already running instead of starting one. */
  shared: number;
  /** Queries with `noCache` (run on the store, answer not kept). */
  bypassed: number;
  /** Answers held now. */
  entries: number;
  /** Estimated bytes held now. */
  bytes: number;
  /** The bound on `bytes`. */
  maxBytes: number;
}

type Answer = QueryResult | RawQueryResult;
type Run = (options: QueryOptions) => Promise<Answer>;

interface Entry {
  value: Answer;
  bytes: number;
}

/** A query running on the inner store, shared by every identical caller until it settles. */
interface Flight {
  promise: Promise<Answer>;
  controller: AbortController;
  waiters: number;
  settled: boolean;
}

/** Rough bytes of one term held in memory: object overhead plus its text. */
const termBytes = (term: Term): number => 48 + term.value.length;
const quadBytes = (q: Quad): number =>
  32 + termBytes(q.subject) + termBytes(q.predicate) + termBytes(q.object) + termBytes(q.graph);

function estimateBytes(key: string, value: Answer): number {
  let bytes = 128 + key.length;
  if ('body' in value) return bytes + value.body.length;
  if (value.kind === 'quads') for (const q of value.quads) bytes += quadBytes(q);
  if (value.kind === 'bindings') {
    for (const row of value.rows) {
      bytes += 32;
      for (const term of Object.values(row)) bytes += 16 + termBytes(term);
    }
  }
  return bytes;
}

/** A copy the caller may change without touching the cached answer (terms are immutable and shared). */
function copyOf<T extends Answer>(value: T): T {
  if ('body' in value) return { ...value };
  if (value.kind === 'bindings')
    return { ...value, variables: [...value.variables], rows: value.rows.map((row) => ({ ...row })) };
  if (value.kind === 'quads') return { ...value, quads: [...value.quads] };
  return { ...value };
}

/** Everything of a call that can change its answer (not the time limit, signal or `noCache`). */
function cacheKey(method: string, sparql: string, mediaType: string, options: QueryOptions): string {
  const dataset: Dataset = options.dataset ?? 'public';
  const { defaultGraphs = null, namedGraphs = null, baseIri = null } = options;
  return JSON.stringify([method, mediaType, dataset, defaultGraphs, namedGraphs, baseIri, sparql]);
}

/**
 * A {@link GraphStore} that keeps the answers of `query` and `queryRaw` until the next write, for read-mostly
 * workloads (named queries, GraphQL listings, the catalogue). Answers are keyed by the query text, the media type
 * and the options that change the answer (dataset, default and named graphs, base IRI), bounded by estimated bytes
 * (least recently used dropped first). Every `applyChanges` empties the cache before it starts and again before it
 * resolves, and an answer is kept only when no write began while its query ran, so a caller never reads an answer
 * older than a write it saw acknowledged. Identical queries running at the same time share one run on the inner
 * store (bounded by the time limit of the first); each caller keeps its own abort signal and time limit, and the
 * run is aborted only when every caller has given up. Errors are never kept; `noCache` bypasses the cache.
 */
export class CachingStore implements GraphStore {
  readonly #inner: GraphStore;
  readonly #maxBytes: number;
  readonly #entries = new Map<string, Entry>();
  readonly #flights = new Map<string, Flight>();
  #bytes = 0;
  #generation = 0;
  readonly #counts = { hits: 0, misses: 0, shared: 0, bypassed: 0 };

  constructor(options: CachingStoreOptions) {
    this.#inner = options.store;
    this.#maxBytes = options.maxBytes;
  }

  /** Hit and miss counters and the current size. */
  stats(): CacheStats {
    return { ...this.#counts, entries: this.#entries.size, bytes: this.#bytes, maxBytes: this.#maxBytes };
  }

  open(): Promise<void> {
    return this.#inner.open();
  }

  async close(): Promise<void> {
    this.#invalidate();
    await this.#inner.close();
  }

  async query(sparql: string, options: QueryOptions = {}): Promise<QueryResult> {
    if (options.noCache === true) {
      this.#counts.bypassed++;
      return this.#inner.query(sparql, options);
    }
    const key = cacheKey('query', sparql, '', options);
    return copyOf((await this.#answer(key, options, (o) => this.#inner.query(sparql, o))) as QueryResult);
  }

  async queryRaw(sparql: string, mediaType: string, options: QueryOptions = {}): Promise<RawQueryResult> {
    if (options.noCache === true) {
      this.#counts.bypassed++;
      return this.#inner.queryRaw(sparql, mediaType, options);
    }
    const key = cacheKey('queryRaw', sparql, mediaType, options);
    const run = (o: QueryOptions): Promise<RawQueryResult> => this.#inner.queryRaw(sparql, mediaType, o);
    return copyOf((await this.#answer(key, options, run)) as RawQueryResult);
  }

  async applyChanges(changes: GraphChange[]): Promise<void> {
    // Before: queries now running will not be kept. After: neither will queries that ran during the write.
    this.#invalidate();
    try {
      await this.#inner.applyChanges(changes);
    } finally {
      this.#invalidate();
    }
  }

  getGraph(graph: string): Promise<Quad[]> {
    return this.#inner.getGraph(graph);
  }

  hasGraph(graph: string): Promise<boolean> {
    return this.#inner.hasGraph(graph);
  }

  listGraphs(options?: { dataset?: Dataset }): Promise<string[]> {
    return this.#inner.listGraphs(options);
  }

  exportNQuads(): AsyncIterable<string> {
    return this.#inner.exportNQuads();
  }

  #answer(key: string, options: QueryOptions, run: Run): Promise<Answer> {
    const entry = this.#entries.get(key);
    if (entry !== undefined) {
      this.#counts.hits++;
      this.#entries.delete(key);
      this.#entries.set(key, entry);
      return Promise.resolve(entry.value);
    }
    this.#counts.misses++;
    const running = this.#flights.get(key);
    if (running !== undefined) {
      this.#counts.shared++;
      return this.#wait(running, options, true);
    }
    return this.#wait(this.#start(key, options, run), options, false);
  }

  #start(key: string, options: QueryOptions, run: Run): Flight {
    const generation = this.#generation;
    const controller = new AbortController();
    const { signal: _signal, noCache: _noCache, ...rest } = options;
    const promise = run({ ...rest, signal: controller.signal })
      .then((value) => {
        if (this.#generation === generation) this.#insert(key, value);
        return value;
      })
      .finally(() => {
        flight.settled = true;
        if (this.#flights.get(key) === flight) this.#flights.delete(key);
      });
    const flight: Flight = { promise, controller, waiters: 0, settled: false };
    flight.promise.catch(() => undefined); // every caller may have left; the rejection is theirs to see or nobody's
    this.#flights.set(key, flight);
    return flight;
  }

  /** The flight's answer, or this caller's own abort or time limit (a joiner's limit runs from when it joined). */
  #wait(flight: Flight, options: QueryOptions, joined: boolean): Promise<Answer> {
    const { signal, timeoutMs } = options;
    flight.waiters++;
    // A caller with no signal and no limit of its own never leaves, so the run is never aborted under it.
    if (signal === undefined && (!joined || timeoutMs === undefined)) return flight.promise;
    return new Promise<Answer>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const leave = (error: AtlasError): void => {
        done();
        reject(error);
        if (--flight.waiters === 0 && !flight.settled) flight.controller.abort();
      };
      const onAbort = (): void =>
        leave(new AtlasError('TIMEOUT', 'query aborted', { context: { aborted: true } }));
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      if (signal?.aborted === true) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      if (joined && timeoutMs !== undefined) {
        const expired = new AtlasError('TIMEOUT', 'query exceeded its time limit', {
          context: { timeoutMs },
        });
        timer = setTimeout(() => leave(expired), timeoutMs);
      }
      void flight.promise.then(resolve, reject).finally(done);
    });
  }

  #insert(key: string, value: Answer): void {
    const bytes = estimateBytes(key, value);
    if (bytes > this.#maxBytes) return;
    const old = this.#entries.get(key);
    if (old !== undefined) this.#bytes -= old.bytes;
    this.#entries.delete(key);
    this.#entries.set(key, { value, bytes });
    this.#bytes += bytes;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.bytes;
    }
  }

  #invalidate(): void {
    this.#generation++;
    this.#entries.clear();
    this.#flights.clear();
    this.#bytes = 0;
  }
}
