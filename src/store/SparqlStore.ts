import type { Quad } from '@rdfjs/types';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { AtlasError } from '../errors.js';
import { formatFromMediaType, serializeRdf } from '../rdf/index.js';
import type {
  Dataset,
  GraphChange,
  GraphStore,
  QueryKind,
  QueryOptions,
  QueryResult,
  RawQueryResult,
} from './GraphStore.js';
import { assertIri, quadsToNQuads } from './nquads.js';
import { parseAnswer, parseNTriples } from './results.js';
import { commitUpdate, planBatch } from './sparql/batchUpdate.js';
import { GraphRegistry, STAGING_PREFIX } from './sparql/GraphRegistry.js';
import { scopeQuery } from './sparql/scopeQuery.js';
import { serverError } from './sparql/serverError.js';
import { SparqlHttp, type HttpAnswer } from './sparql/SparqlHttp.js';
import { RESULT_TYPES, writeResults } from './sparql/writeResults.js';
import { queryKind } from './worker/queryKind.js';

/** Options of a `SparqlStore`. */
export interface SparqlStoreOptions {
  /** SPARQL 1.1 Protocol query endpoint (Virtuoso: `/sparql`, or `/sparql-auth` to read system graphs with a login). */
  queryUrl: string;
  /** SPARQL 1.1 Update endpoint (Virtuoso: `/sparql-auth`, digest login of a user granted SPARQL_UPDATE). */
  updateUrl: string;
  /**
   * Graph Store Protocol endpoint used to load a batch's staging graphs (Virtuoso: `/sparql-graph-crud-auth`).
   * Without it staging graphs are loaded with `INSERT DATA`, which Virtuoso refuses for blank nodes.
   */
  gspUrl?: string;
  /** User for HTTP basic or digest authentication (whichever a server asks for). */
  user?: string;
  password?: string;
  logger: Logger;
  /** Default query time limit (default 10000 ms). */
  queryTimeoutMs?: number;
  /** Time limit of each write request (default 120000 ms). */
  updateTimeoutMs?: number;
  /** Retries of transient failures (default 2). */
  retries?: number;
  fetch?: typeof fetch;
}

const JSON_RESULTS = 'application/sparql-results+json';
const NTRIPLES = 'application/n-triples';
/** GROUP BY, not DISTINCT: Virtuoso 7.2 plans `SELECT DISTINCT ?g` over all quads badly (10 s+ on 30k triples). */
const LIST_GRAPHS = 'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g';

/**
 * A `GraphStore` on a remote SPARQL server, built for and tested against Virtuoso 7: queries over the SPARQL 1.1
 * Protocol, batches staged over the Graph Store Protocol and committed by ONE SPARQL Update statement (atomic,
 * and safe to retry), system graphs kept out of public queries by Virtuoso `define input:*-graph-exclude`.
 * One TRE Atlas process should write a given server (it knows the system graphs from open and its own writes).
 */
export class SparqlStore implements GraphStore {
  private readonly http: SparqlHttp;
  private readonly graphs = new GraphRegistry();
  private readonly queryTimeoutMs: number;
  private readonly updateTimeoutMs: number;
  private writes: Promise<void> = Promise.resolve();
  private state: 'new' | 'open' | 'closed' = 'new';

  constructor(private readonly options: SparqlStoreOptions) {
    this.http = new SparqlHttp({
      logger: options.logger,
      ...(options.user !== undefined ? { user: options.user, password: options.password ?? '' } : {}),
      ...(options.retries !== undefined ? { retries: options.retries } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    this.queryTimeoutMs = options.queryTimeoutMs ?? 10_000;
    this.updateTimeoutMs = options.updateTimeoutMs ?? 120_000;
  }

  async open(): Promise<void> {
    if (this.state !== 'new')
      throw new AtlasError('USAGE', `store ${this.options.queryUrl} was already opened`);
    const all = await this.allGraphs();
    this.graphs.reset(all);
    const leftovers = all.filter((g) => g.startsWith(STAGING_PREFIX));
    if (leftovers.length > 0) await this.dropGraphs(leftovers);
    this.state = 'open';
    this.options.logger.debug({ queryUrl: this.options.queryUrl, graphs: all.length }, 'sparql store opened');
  }

  async close(): Promise<void> {
    if (this.state !== 'open') return;
    this.state = 'closed';
    await this.writes.catch(() => undefined);
  }

  private assertOpen(): void {
    if (this.state !== 'open')
      throw new AtlasError('UNAVAILABLE', `store ${this.options.queryUrl} is not open`);
  }

  /** Sends a query as it is (no dataset scoping); fails unless the server answers 200. */
  private async send(
    text: string,
    accept: string,
    timeoutMs: number,
    signal?: AbortSignal,
    original = text,
  ): Promise<HttpAnswer> {
    const body = new URLSearchParams({ query: text, timeout: String(timeoutMs) }).toString();
    const answer = await this.http.send({
      method: 'POST',
      url: this.options.queryUrl,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept },
      body,
      timeoutMs: timeoutMs + 2000,
      ...(signal ? { signal } : {}),
      idempotent: true,
    });
    const state = answer.headers.get('x-sql-state');
    if (answer.status === 200 && state && /^S1T/.test(state)) {
      throw new AtlasError('TIMEOUT', `query took longer than ${timeoutMs} ms`, {
        context: { timeoutMs, state },
      });
    }
    if (answer.status !== 200) throw serverError(answer, 'query', original);
    return answer;
  }

  private async ask(sparql: string, kind: QueryKind, options: QueryOptions): Promise<QueryResult> {
    this.assertOpen();
    for (const g of [...(options.defaultGraphs ?? []), ...(options.namedGraphs ?? [])])
      assertIri(g, 'query dataset');
    const text = scopeQuery(sparql, options, this.graphs);
    const accept = kind === 'quads' ? NTRIPLES : JSON_RESULTS;
    const answer = await this.send(
      text,
      accept,
      options.timeoutMs ?? this.queryTimeoutMs,
      options.signal,
      sparql,
    );
    return parseAnswer(kind, answer.body);
  }

  private kindOf(sparql: string): QueryKind {
    const kind = queryKind(sparql);
    if (!kind)
      throw new AtlasError('SYNTAX', 'query:1:1: not a query (SELECT, ASK, CONSTRUCT or DESCRIBE)', {
        context: { source: 'query', line: 1, column: 1 },
      });
    return kind;
  }

  async query(sparql: string, options: QueryOptions = {}): Promise<QueryResult> {
    return this.ask(sparql, this.kindOf(sparql), options);
  }

  async queryRaw(sparql: string, mediaType: string, options: QueryOptions = {}): Promise<RawQueryResult> {
    const type = mediaType.split(';')[0]!.trim().toLowerCase();
    const kind = this.kindOf(sparql);
    if (kind === 'quads') {
      const format = formatFromMediaType(type);
      const result = await this.ask(sparql, kind, options);
      return {
        kind,
        mediaType: type,
        body: await serializeRdf(result.kind === 'quads' ? result.quads : [], format),
      };
    }
    if (!(RESULT_TYPES as readonly string[]).includes(type))
      throw new AtlasError('UNSUPPORTED_FORMAT', `no ${type} serialisation of SPARQL results`, {
        context: { mediaType: type },
      });
    return { kind, mediaType: type, body: writeResults(await this.ask(sparql, kind, options), type) };
  }

  async getGraph(graph: string): Promise<Quad[]> {
    this.assertOpen();
    assertIri(graph, 'getGraph');
    if (!this.graphs.inDataset(graph, 'public') && !this.graphs.inDataset(graph, 'system')) return [];
    const text = `CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <${graph}> { ?s ?p ?o } }`;
    return parseNTriples((await this.send(text, NTRIPLES, this.queryTimeoutMs)).body, graph);
  }

  async hasGraph(graph: string): Promise<boolean> {
    this.assertOpen();
    assertIri(graph, 'hasGraph');
    if (!this.graphs.inDataset(graph, 'public') && !this.graphs.inDataset(graph, 'system')) return false;
    const answer = await this.send(
      `ASK WHERE { GRAPH <${graph}> { ?s ?p ?o } }`,
      JSON_RESULTS,
      this.queryTimeoutMs,
    );
    const result = parseAnswer('boolean', answer.body);
    return result.kind === 'boolean' && result.value;
  }

  private async allGraphs(): Promise<string[]> {
    const result = parseAnswer(
      'bindings',
      (await this.send(LIST_GRAPHS, JSON_RESULTS, this.queryTimeoutMs)).body,
    );
    return result.kind === 'bindings' ? result.rows.map((row) => row['g']!.value) : [];
  }

  async listGraphs(options: { dataset?: Dataset } = {}): Promise<string[]> {
    this.assertOpen();
    const dataset = options.dataset ?? 'public';
    return (await this.allGraphs()).filter((g) => this.graphs.inDataset(g, dataset)).sort();
  }

  async *exportNQuads(): AsyncIterable<string> {
    const graphs = [...(await this.listGraphs()), ...(await this.listGraphs({ dataset: 'system' }))];
    for (const graph of graphs) yield quadsToNQuads(await this.getGraph(graph), graph);
  }

  async applyChanges(changes: GraphChange[]): Promise<void> {
    this.assertOpen();
    if (changes.length === 0) return;
    const plans = planBatch(changes);
    const run = this.writes.then(() => this.commit(plans));
    this.writes = run.catch(() => undefined);
    return run;
  }

  /** Stages the new triples, commits the batch in one statement, then drops the staging graphs. */
  private async commit(plans: ReturnType<typeof planBatch>): Promise<void> {
    const batch = randomBytes(8).toString('hex');
    const copies: Array<[string, string]> = [];
    const staged: string[] = [];
    for (const [i, plan] of plans.entries()) {
      this.graphs.note(plan.graph);
      if (plan.ntriples === '') continue;
      const staging = `${STAGING_PREFIX}${batch}/${i}`;
      this.graphs.addStaging(staging);
      copies.push([staging, plan.graph]);
      staged.push(plan.ntriples);
    }
    try {
      for (const [n, [staging]] of copies.entries()) await this.stage(staging, staged[n]!);
      const dropped = plans.filter((p) => p.drop).map((p) => p.graph);
      await this.update(commitUpdate(dropped, copies), 'commit');
      for (const plan of plans) if (plan.drop && plan.ntriples === '') this.graphs.forgetSystem(plan.graph);
    } finally {
      if (copies.length > 0) {
        await this.dropGraphs(copies.map(([s]) => s)).catch((error: unknown) =>
          this.options.logger.warn({ err: error, batch }, 'staging graphs left behind; removed at next open'),
        );
      }
      for (const [staging] of copies) this.graphs.removeStaging(staging);
    }
  }

  private async stage(graph: string, ntriples: string): Promise<void> {
    if (!this.options.gspUrl) return this.update(`INSERT DATA { GRAPH <${graph}> {\n${ntriples}} }`, 'stage');
    const answer = await this.http.send({
      method: 'PUT',
      url: `${this.options.gspUrl}?graph=${encodeURIComponent(graph)}`,
      headers: { 'content-type': NTRIPLES },
      body: ntriples,
      timeoutMs: this.updateTimeoutMs,
      idempotent: true,
    });
    if (answer.status >= 300) throw serverError(answer, `staging <${graph}>`);
  }

  private async dropGraphs(graphs: string[]): Promise<void> {
    await this.update(graphs.map((g) => `DROP SILENT GRAPH <${g}>`).join(' ;\n'), 'drop staging');
  }

  private async update(text: string, what: string): Promise<void> {
    const answer = await this.http.send({
      method: 'POST',
      url: this.options.updateUrl,
      headers: { 'content-type': 'application/sparql-update', accept: JSON_RESULTS },
      body: text,
      timeoutMs: this.updateTimeoutMs,
      idempotent: true,
    });
    if (answer.status >= 300) throw serverError(answer, what);
  }
}
