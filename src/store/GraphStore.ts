import type { Quad, Term } from '@rdfjs/types';

/** Which set of graphs a query or listing addresses: public descriptions or system graphs (`sys` namespace). */
export type Dataset = 'public' | 'system';

/** The shape of a query's answer: variable bindings (SELECT), a boolean (ASK) or quads (CONSTRUCT, DESCRIBE). */
export type QueryKind = 'bindings' | 'boolean' | 'quads';

/**
 * One change in an atomic batch.
 * - `{ graph, quads }` replaces the named graph with `quads` (the graph term of each quad is ignored);
 *   `quads: null` deletes the graph.
 * - `{ graph, add }` adds `add` to the graph (creating it when absent).
 */
export type GraphChange = { graph: string; quads: Quad[] | null } | { graph: string; add: Quad[] };

/** Options of a query. */
export interface QueryOptions {
  /** Time limit in milliseconds; past it the query fails with `AtlasError('TIMEOUT')`. */
  timeoutMs?: number;
  /** Aborting fails the query with `AtlasError('TIMEOUT')` (context `{ aborted: true }`). */
  signal?: AbortSignal;
  /** `public` (default): the default graph is the union of non-system graphs. `system`: the system graphs. */
  dataset?: Dataset;
  /** Graph IRIs forming the default graph, instead of the union (SPARQL protocol `default-graph-uri`). */
  defaultGraphs?: string[];
  /** Graph IRIs visible to `GRAPH` patterns (SPARQL protocol `named-graph-uri`). */
  namedGraphs?: string[];
  /** Base IRI against which relative IRIs in the query resolve. */
  baseIri?: string;
  /**
   * Bypass any cache of answers (see `CachingStore`): the query runs on the engine and its answer is not kept.
   * Stores without a cache ignore it. HTTP faces set it for requests with `Cache-Control: no-cache`.
   */
  noCache?: boolean;
}

/** A parsed query result with RDF/JS (n3 DataFactory) terms. */
export type QueryResult =
  | { kind: 'bindings'; variables: string[]; rows: Array<Record<string, Term>> }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'quads'; quads: Quad[] };

/** A query result as serialised by the engine. */
export interface RawQueryResult {
  kind: QueryKind;
  /** The media type of `body` (the one requested, without parameters). */
  mediaType: string;
  body: string;
}

/**
 * A store of named graphs with a SPARQL engine. Graph IRIs under `sys` (src/namespaces.ts) are system graphs:
 * stored and readable with `getGraph`, queryable only with `{ dataset: 'system' }`; the public default graph is
 * the union of all non-system graphs.
 */
export interface GraphStore {
  /** Opens the store (recovering from its data). A corrupt data directory -> `AtlasError('CORRUPT')`. */
  open(): Promise<void>;
  /** Closes the store; pending writes finish first. */
  close(): Promise<void>;
  /** Runs a SPARQL query and parses its results. Syntax error -> `SYNTAX`; time limit or abort -> `TIMEOUT`. */
  query(sparql: string, options?: QueryOptions): Promise<QueryResult>;
  /**
   * Runs a SPARQL query with results serialised by the engine in `mediaType`: SPARQL JSON, XML, CSV or TSV for
   * SELECT and ASK; Turtle, N-Triples, RDF/XML or N-Quads for CONSTRUCT and DESCRIBE.
   * An unsupported media type for the query kind -> `AtlasError('UNSUPPORTED_FORMAT')`.
   */
  queryRaw(sparql: string, mediaType: string, options?: QueryOptions): Promise<RawQueryResult>;
  /** Atomic: every change or none. `quads: null` deletes the graph. Resolves once durable. */
  applyChanges(changes: GraphChange[]): Promise<void>;
  /** The quads of a graph (graph term set to the graph); empty when absent. */
  getGraph(graph: string): Promise<Quad[]>;
  /** True when the graph holds at least one quad. */
  hasGraph(graph: string): Promise<boolean>;
  /** Non-empty graph IRIs of a dataset (default `public`), sorted. */
  listGraphs(options?: { dataset?: Dataset }): Promise<string[]>;
  /** All graphs, public and system, as N-Quads text chunks. */
  exportNQuads(): AsyncIterable<string>;
}
