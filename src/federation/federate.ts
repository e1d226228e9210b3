import type { Term } from '@rdfjs/types';
import { DataFactory } from 'n3';
import type { Logger } from 'pino';
import { AtlasError } from '../errors.js';
import type { GraphStore } from '../store/index.js';
import { checkSourceUrl, guardedFetch, type AddressPolicy } from './addressGuard.js';
import type { FederationSource } from './FederationSource.js';
import { sharedEngine } from './sharedEngine.js';

/** The name of the local graph in `source` attributions. */
export const LOCAL_SOURCE = 'local';

/**
 * Options of {@link federate}. The address policy (`allowPrivateNetwork`, `lookup`, `hint`) applies to every
 * provider source and every redirect: by default only public internet addresses are contacted.
 */
export interface FederateOptions extends AddressPolicy {
  /** The local graph, queried as one more source (its public dataset); omit to query providers only. */
  store?: GraphStore;
  /** Provider sources, each queried live. */
  sources: FederationSource[];
  /** Time limit of each source, in milliseconds (default 10000). A source past it counts as failed. */
  timeoutMs?: number;
  logger?: Logger;
}

/** A source that gave no answer, and why. */
export interface FailedSource {
  source: string;
  code: string;
  message: string;
}

/** Rows from every source that answered, each naming its source, and the sources that failed. */
export interface FederatedResult {
  /** The query's variables, then `source`. */
  variables: string[];
  rows: Array<Record<string, Term> & { source: Term }>;
  /** The sources that answered (with their row counts). */
  answered: Array<{ source: string; rows: number }>;
  failed: FailedSource[];
}

type SourceRows = { variables: string[]; rows: Array<Record<string, Term>> };

async function withTimeout<T>(
  work: (signal: AbortSignal) => Promise<T>,
  ms: number,
  source: string,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(
        new AtlasError('TIMEOUT', `${source} gave no answer within ${ms} ms`, {
          context: { source, timeoutMs: ms },
        }),
      );
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), limit]);
  } finally {
    clearTimeout(timer);
  }
}

async function queryProvider(
  query: string,
  source: FederationSource,
  ms: number,
  signal: AbortSignal,
  policy: AddressPolicy,
): Promise<SourceRows> {
  await checkSourceUrl(source.url, policy);
  const engine = await sharedEngine();
  const context = {
    fetch: guardedFetch(policy),
    sources: [
      source.type === 'sparql' ? { type: 'sparql' as const, value: source.url } : { value: source.url },
    ],
    httpTimeout: ms,
    httpAbortSignal: signal,
    httpRetryCount: 0,
    lenient: false,
  };
  const result = await engine.query(query, context);
  if (result.resultType !== 'bindings')
    throw new AtlasError('USAGE', 'a federated query must be a SELECT query', {
      context: { source: source.url },
    });
  const stream = await result.execute();
  signal.addEventListener('abort', () => stream.destroy(), { once: true });
  const metadata = await result.metadata();
  const variables = metadata.variables.map((v) => {
    const entry = v as unknown as { value?: string; variable?: { value: string } };
    return entry.variable?.value ?? entry.value ?? '';
  });
  const rows: Array<Record<string, Term>> = [];
  for (const bindings of await stream.toArray()) {
    const row: Record<string, Term> = {};
    for (const [variable, term] of bindings) row[variable.value] = term;
    rows.push(row);
  }
  return { variables, rows };
}

async function queryLocal(
  query: string,
  store: GraphStore,
  ms: number,
  signal: AbortSignal,
): Promise<SourceRows> {
  const result = await store.query(query, { timeoutMs: ms, signal });
  if (result.kind !== 'bindings') throw new AtlasError('USAGE', 'a federated query must be a SELECT query');
  return { variables: result.variables, rows: result.rows };
}

function failure(source: string, error: unknown): FailedSource {
  // comunica wraps the errors of its fetch: the first AtlasError in the cause chain says what went wrong.
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++)
    if (e instanceof AtlasError) return { source, code: e.code, message: e.message };
  const message = error instanceof Error ? error.message : String(error);
  return { source, code: 'UNAVAILABLE', message: `${source}: ${message}` };
}

/**
 * Runs a SELECT query live on the local graph and on each provider source (SPARQL endpoints, RDF documents, through
 * comunica), each source on its own with its own time limit, and returns the union of their rows, each with a
 * `source` binding naming where it came from. A source that fails or times out is reported in `failed`; the others'
 * rows still come back. Each source answers the whole query on its own: no join is made across sources, and
 * ORDER BY / LIMIT apply per source. A provider whose address the policy refuses is never contacted and is reported
 * in `failed` with code `FORBIDDEN`.
 */
export async function federate(query: string, options: FederateOptions): Promise<FederatedResult> {
  const ms = options.timeoutMs ?? 10_000;
  const jobs: Array<{ source: string; run: (signal: AbortSignal) => Promise<SourceRows> }> = [];
  const store = options.store;
  if (store) jobs.push({ source: LOCAL_SOURCE, run: (signal) => queryLocal(query, store, ms, signal) });
  for (const source of options.sources)
    jobs.push({ source: source.url, run: (signal) => queryProvider(query, source, ms, signal, options) });
  const settled = await Promise.allSettled(jobs.map((job) => withTimeout(job.run, ms, job.source)));
  const variables: string[] = [];
  const result: FederatedResult = { variables, rows: [], answered: [], failed: [] };
  settled.forEach((outcome, i) => {
    const source = jobs[i]!.source;
    if (outcome.status === 'rejected') {
      const failed = failure(source, outcome.reason);
      options.logger?.warn({ source, code: failed.code }, 'federated source failed');
      result.failed.push(failed);
      return;
    }
    for (const v of outcome.value.variables) if (!variables.includes(v)) variables.push(v);
    const sourceTerm = DataFactory.literal(source);
    for (const row of outcome.value.rows) result.rows.push({ ...row, source: sourceTerm });
    result.answered.push({ source, rows: outcome.value.rows.length });
  });
  variables.push('source');
  return result;
}
