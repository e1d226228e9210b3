import { readFileSync } from 'node:fs';
import oxigraph from 'oxigraph';
import type { Store } from 'oxigraph';
import { AtlasError } from '../../errors.js';
import { decodePayload, type BulkHeader } from '../batch.js';
import type { Dataset, QueryKind } from '../GraphStore.js';
import { isSystemGraph } from '../systemGraphs.js';
import { scanSegment } from '../wal/records.js';
import { parseSnapshot } from '../wal/snapshot.js';
import { nquadsError, splitRanges, type BulkProgress } from './bulkChunks.js';
import { queryKind } from './queryKind.js';

/** What a replica loads from the data directory: a snapshot and log segments up to a sequence number. */
export interface LoadPlan {
  snapshot?: { path: string; seq: number };
  segments: Array<{ path: string; firstSeq: number }>;
  upToSeq: number;
}

/** Query options a replica understands. */
export interface ReplicaQueryOptions {
  dataset?: Dataset;
  defaultGraphs?: string[];
  namedGraphs?: string[];
  baseIri?: string;
}

/** A query answer serialised by oxigraph. */
export interface ReplicaAnswer {
  kind: QueryKind;
  mediaType: string;
  body: string;
}

const NQUADS = 'application/n-quads';
const LOAD_OPTIONS = { format: NQUADS, lenient: true, no_transaction: true } as const;
/** Loading a payload not validated yet: the strict parser, in a transaction (an error stores nothing). */
const STRICT_OPTIONS = { format: NQUADS } as const;
const PARSED_FORMAT: Record<QueryKind, string> = {
  bindings: 'application/sparql-results+json',
  boolean: 'application/sparql-results+json',
  quads: 'application/n-triples',
};

function engineError(error: unknown): AtlasError {
  const message = error instanceof Error ? error.message : String(error);
  const position = /^error at (\d+):(\d+)/.exec(message);
  if (position) {
    return new AtlasError('SYNTAX', `query:${position[1]}:${position[2]}: ${message}`, {
      context: { source: 'query', line: Number(position[1]), column: Number(position[2]) },
    });
  }
  if (/^Not supported .*(format|media type)/i.test(message))
    return new AtlasError('UNSUPPORTED_FORMAT', message);
  return new AtlasError('USAGE', `query failed: ${message}`);
}

/**
 * A full in-memory replica of the store: one oxigraph store for public graphs and one for system graphs.
 * Runs inside a query worker.
 */
export class Replica {
  private readonly public = new oxigraph.Store();
  private readonly system = new oxigraph.Store();
  /** Names of the graphs holding quads, so that replacing a new graph costs no DROP. */
  private readonly graphs = new Set<string>();
  /** Sequence number of the last applied log record. */
  appliedSeq = 0;

  /** Loads a snapshot and the log records after it, up to `plan.upToSeq`. */
  load(plan: LoadPlan): void {
    let after = 0;
    if (plan.snapshot) {
      const content = parseSnapshot(readFileSync(plan.snapshot.path), plan.snapshot.path);
      if (content.publicNQuads.length > 0) this.public.load(content.publicNQuads, LOAD_OPTIONS);
      if (content.systemNQuads.length > 0) this.system.load(content.systemNQuads, LOAD_OPTIONS);
      after = content.seq;
      for (const dataset of ['public', 'system'] as const) {
        for (const graph of this.listGraphs(dataset)) this.graphs.add(graph);
      }
    }
    this.appliedSeq = after;
    let expected: number | undefined;
    for (const segment of plan.segments) {
      if (this.appliedSeq >= plan.upToSeq) break;
      const scan = scanSegment(
        readFileSync(segment.path),
        segment.path,
        expected ?? segment.firstSeq,
        plan.upToSeq,
      );
      for (const record of scan.records) {
        if (record.seq > after && record.seq <= plan.upToSeq) this.apply(record.seq, record.payload);
      }
      expected = (scan.records.at(-1)?.seq ?? (expected ?? segment.firstSeq) - 1) + 1;
    }
    if (this.appliedSeq !== plan.upToSeq) {
      throw new AtlasError(
        'CORRUPT',
        `the data directory ends at sequence ${this.appliedSeq}, expected ${plan.upToSeq}`,
      );
    }
  }

  /** Applies one logged batch. */
  apply(seq: number, payload: Uint8Array): void {
    const decoded = decodePayload(payload);
    if ('bulk' in decoded) {
      this.loadBulk(decoded.bulk, decoded.body, false);
      this.appliedSeq = seq;
      return;
    }
    const { ops, data } = decoded;
    const pending = { public: [] as Uint8Array[], system: [] as Uint8Array[] };
    const pendingGraphs = new Set<string>();
    const flush = (): void => {
      for (const key of ['public', 'system'] as const) {
        if (pending[key].length > 0) this[key].load(pending[key], LOAD_OPTIONS);
        pending[key] = [];
      }
      pendingGraphs.clear();
    };
    ops.forEach((op, i) => {
      const key = isSystemGraph(op.g) ? 'system' : 'public';
      if (op.op !== 'a' && this.graphs.has(op.g)) {
        if (pendingGraphs.has(op.g)) flush();
        this[key].update(`DROP SILENT GRAPH <${op.g}>`);
        this.graphs.delete(op.g);
      }
      if (op.n > 0) {
        pending[key].push(data[i]!);
        pendingGraphs.add(op.g);
        this.graphs.add(op.g);
      }
    });
    flush();
    this.appliedSeq = seq;
  }

  /**
   * Loads a bulk payload not logged yet, with the strict parser (the lenient one when already `validated`):
   * `SYNTAX` naming the line when it is malformed. `dirty` tells whether the replica changed before the error
   * (it then no longer matches the log).
   */
  stage(payload: Uint8Array, validated = false): { error?: unknown; dirty: boolean } {
    const decoded = decodePayload(payload);
    if (!('bulk' in decoded))
      return { error: new AtlasError('INTERNAL', 'not a bulk payload'), dirty: false };
    const progress: BulkProgress = { dirty: false, part: 'public' };
    try {
      this.loadBulk(decoded.bulk, decoded.body, !validated, progress);
      return { dirty: true };
    } catch (error) {
      return { error: nquadsError(error, decoded.body, decoded.bulk, progress.part), dirty: progress.dirty };
    }
  }

  /** Replaces the graphs a bulk payload names with its statements (system ones into the system store). */
  private loadBulk(
    bulk: BulkHeader,
    body: Uint8Array,
    strict: boolean,
    progress: BulkProgress = { dirty: false, part: 'public' },
  ): void {
    for (const graph of bulk.graphs) {
      if (!this.graphs.has(graph)) continue;
      progress.dirty = true;
      this[isSystemGraph(graph) ? 'system' : 'public'].update(`DROP SILENT GRAPH <${graph}>`);
      this.graphs.delete(graph);
    }
    const options = strict ? STRICT_OPTIONS : LOAD_OPTIONS;
    const { system, rest } = splitRanges(body, bulk.system);
    if (system.length > 0) {
      progress.part = 'system';
      this.system.load(system, options);
      progress.dirty = true;
    }
    progress.part = 'public';
    if (rest.length > 0) this.public.load(rest, options);
    for (const graph of bulk.graphs) this.graphs.add(graph);
  }

  /** Runs a query; `mediaType` undefined asks for the format the main thread parses. */
  query(sparql: string, options: ReplicaQueryOptions, mediaType?: string): ReplicaAnswer {
    const store = options.dataset === 'system' ? this.system : this.public;
    const engineOptions: NonNullable<Parameters<Store['query']>[1]> = {};
    if (options.baseIri) engineOptions.base_iri = options.baseIri;
    if (options.defaultGraphs)
      engineOptions.default_graph = options.defaultGraphs.map((g) => oxigraph.namedNode(g));
    else engineOptions.use_default_graph_as_union = true;
    if (options.namedGraphs)
      engineOptions.named_graphs = options.namedGraphs.map((g) => oxigraph.namedNode(g));
    let kind = queryKind(sparql);
    try {
      if (!kind) {
        const result = store.query(sparql, engineOptions);
        kind =
          typeof result === 'boolean'
            ? 'boolean'
            : Array.isArray(result) && result[0] instanceof Map
              ? 'bindings'
              : 'quads';
      }
      const format = mediaType ?? PARSED_FORMAT[kind];
      const body = store.query(sparql, { ...engineOptions, results_format: format }) as string;
      return { kind, mediaType: format, body };
    } catch (error) {
      throw engineError(error);
    }
  }

  /** The triples of a graph as N-Triples. */
  graph(graph: string): string {
    const store = isSystemGraph(graph) ? this.system : this.public;
    return store.dump({ format: 'application/n-triples', from_graph_name: oxigraph.namedNode(graph) });
  }

  /** Names of the non-empty graphs of a dataset. */
  listGraphs(dataset: Dataset): string[] {
    const store = dataset === 'system' ? this.system : this.public;
    const rows = store.query('SELECT DISTINCT ?g WHERE { GRAPH ?g {} }') as Array<
      Map<string, { value: string }>
    >;
    return rows.map((row) => row.get('g')!.value);
  }

  /** Everything as N-Quads, with the sequence number it reflects. */
  dump(): { seq: number; publicNQuads: string; systemNQuads: string } {
    return {
      seq: this.appliedSeq,
      publicNQuads: this.public.dump({ format: NQUADS }),
      systemNQuads: this.system.dump({ format: NQUADS }),
    };
  }
}
