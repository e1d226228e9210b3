import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { AtlasError } from '../errors.js';
import type { GraphStore } from '../store/index.js';
import type { ShaclValidator } from '../validate/index.js';
import { contentHash } from './canonical.js';
import { diffQuads } from './diffQuads.js';
import { planChanges } from './planChanges.js';
import { metaGraph, recordsQuery } from './metaQueries.js';
import { recordsFromRows, withdrawalQuads } from './metaRecords.js';
import { ownershipProblem } from './ownership.js';
import { isReservedGraph, prepareDocument } from './prepareDocument.js';
import type {
  DescriptionRecord,
  DocumentOutcome,
  IngestDocument,
  IngestOptions,
  IngestResult,
  IngestorOptions,
  VersionRecord,
} from './types.js';
import { fetchBackground, validateBatch } from './validateBatch.js';

/**
 * The only writer of descriptions: validates documents, enforces ownership, stores each document as one named
 * graph with all-or-nothing batches, and keeps provenance and every replaced version in system graphs.
 */
export class Ingestor {
  private readonly store: GraphStore;
  private readonly validator: ShaclValidator;
  private readonly clock: () => Date;
  private readonly logger: Logger;
  /** Writes run one after another, so two batches never build on the same version. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(options: IngestorOptions) {
    this.store = options.store;
    this.validator = options.validator;
    this.clock = options.clock ?? (() => new Date());
    this.logger = options.logger;
  }

  /** An ingestor writing to `options.store` (opened by the caller). */
  static create(options: IngestorOptions): Promise<Ingestor> {
    return Promise.resolve(new Ingestor(options));
  }

  /**
   * Validates and stores a batch: every document or none (`committed: false` when any is invalid or forbidden).
   * A document whose canonical content equals the current version is `unchanged` and makes no new version.
   * An empty document or an unusable graph IRI -> `AtlasError('USAGE')`; two documents mapping to one graph too.
   */
  ingest(docs: readonly IngestDocument[], options: IngestOptions): Promise<IngestResult> {
    return this.exclusive(() => this.ingestNow(docs, options));
  }

  private async ingestNow(docs: readonly IngestDocument[], options: IngestOptions): Promise<IngestResult> {
    if (docs.length === 0) return { committed: true, documents: [] };
    const prefix = `b${randomBytes(4).toString('hex')}`;
    const prepared = docs.map((doc, i) => prepareDocument(doc, i, prefix));
    const seen = new Map<string, string>();
    for (const doc of prepared) {
      const other = seen.get(doc.graph);
      if (other !== undefined) {
        throw new AtlasError('USAGE', `${other} and ${doc.source} both map to graph ${doc.graph}`, {
          context: { graph: doc.graph, sources: [other, doc.source] },
        });
      }
      seen.set(doc.graph, doc.source);
    }
    const records = await this.loadRecords(prepared.map((d) => d.graph));
    const reports = await validateBatch(prepared, this.store, this.validator);
    const outcomes: DocumentOutcome[] = [];
    const hashes: string[] = [];
    for (const doc of prepared) {
      const report = reports[doc.index] ?? { conforms: true, results: [] };
      const history = records.get(doc.graph) ?? [];
      const outcome: DocumentOutcome = { graph: doc.graph, source: doc.source, report, stored: false };
      const reason = await this.forbiddenReason(doc.graph, doc.quads, history, options);
      if (reason !== undefined) {
        outcome.refused = 'FORBIDDEN';
        outcome.reason = reason;
      } else if (!report.conforms) {
        outcome.refused = 'INVALID';
      }
      hashes.push(await contentHash(doc.quads));
      outcomes.push(outcome);
    }
    if (outcomes.some((o) => o.refused !== undefined)) {
      this.logger.info(
        { documents: outcomes.map((o) => ({ graph: o.graph, refused: o.refused })) },
        'batch refused: nothing stored',
      );
      return { committed: false, documents: outcomes };
    }

    const changes = await planChanges({
      docs: prepared,
      outcomes,
      hashes,
      records,
      store: this.store,
      options,
      modified: this.clock(),
    });
    if (changes.length > 0) await this.store.applyChanges(changes);
    this.logger.info(
      {
        submitter: options.submitter,
        documents: outcomes.map((o) => ({
          graph: o.graph,
          version: o.version,
          unchanged: o.unchanged === true,
        })),
      },
      'batch stored',
    );
    return { committed: true, documents: outcomes };
  }

  /**
   * Deletes a description graph, keeping its history: the version is archived and its record marked withdrawn.
   * False when there is no such description; a provider's token on another's graph -> `AtlasError('FORBIDDEN')`.
   */
  deleteDescription(graph: string, options: IngestOptions): Promise<boolean> {
    return this.exclusive(async () => {
      if (isReservedGraph(graph)) {
        throw new AtlasError('FORBIDDEN', `${graph} is a system graph`, { context: { graph } });
      }
      const latest = (await this.listVersionsNow(graph)).at(-1);
      const restricted = options.provider !== undefined && options.admin !== true;
      if (latest === undefined || !latest.current) {
        if (!(await this.store.hasGraph(graph))) return false;
        if (restricted) {
          throw new AtlasError(
            'FORBIDDEN',
            `${graph} has no recorded publisher; only an administrator may delete it`,
            {
              context: { graph, provider: options.provider },
            },
          );
        }
        await this.store.applyChanges([{ graph, quads: null }]);
        this.logger.info({ graph, submitter: options.submitter }, 'deleted unrecorded graph');
        return true;
      }
      if (restricted && latest.publisher !== options.provider) {
        throw new AtlasError(
          'FORBIDDEN',
          `${graph} is published by ${latest.publisher ?? 'nobody'}; a token of ${options.provider} may not delete it`,
          { context: { graph, provider: options.provider } },
        );
      }
      await this.store.applyChanges([
        { graph: latest.iri, quads: await this.store.getGraph(graph) },
        { graph, quads: null },
        { graph: metaGraph, add: withdrawalQuads(graph, latest.version, this.clock()) },
      ]);
      this.logger.info(
        { graph, version: latest.version, submitter: options.submitter },
        'withdrew description',
      );
      return true;
    });
  }

  /**
   * The validation background of `quads`: the public triples about the IRIs they refer to, outside `exclude`
   * (e.g. the graph the quads would replace). For validating without storing (`POST /validate`).
   */
  backgroundFor(quads: readonly Quad[], options: { exclude?: readonly string[] } = {}): Promise<Quad[]> {
    return fetchBackground(this.store, quads, options.exclude);
  }

  /** The records of every current (not withdrawn) description, sorted by graph IRI. */
  async listDescriptions(): Promise<DescriptionRecord[]> {
    const records = await this.loadRecords();
    return [...records]
      .map(([graph, versions]) => ({ graph, latest: versions.at(-1) }))
      .filter((e): e is { graph: string; latest: VersionRecord } => e.latest?.current === true)
      .map(({ graph, latest }) => toDescriptionRecord(graph, latest))
      .sort((a, b) => (a.graph < b.graph ? -1 : a.graph > b.graph ? 1 : 0));
  }

  /** The record of a current description; undefined when there is none (never stored, or withdrawn). */
  async getRecord(graph: string): Promise<DescriptionRecord | undefined> {
    const latest = (await this.listVersions(graph)).at(-1);
    return latest?.current ? toDescriptionRecord(graph, latest) : undefined;
  }

  /** Every version of a description graph, oldest first (withdrawn ones included); empty when unknown. */
  listVersions(graph: string): Promise<VersionRecord[]> {
    return this.listVersionsNow(graph);
  }

  /** The triples of version `version` of a graph (default graph), or undefined when there is no such version. */
  async getVersion(graph: string, version: number): Promise<Quad[] | undefined> {
    const record = (await this.listVersions(graph)).find((v) => v.version === version);
    if (record === undefined) return undefined;
    const quads = await this.store.getGraph(record.current ? graph : record.iri);
    return quads.map((q) => DataFactory.quad(q.subject, q.predicate, q.object));
  }

  /** The triples added and removed from version `a` to version `b`, compared on canonical N-Quads. */
  async diffVersions(graph: string, a: number, b: number): Promise<{ added: Quad[]; removed: Quad[] }> {
    const [before, after] = await Promise.all([this.getVersion(graph, a), this.getVersion(graph, b)]);
    const missing = before === undefined ? a : after === undefined ? b : undefined;
    if (before === undefined || after === undefined) {
      throw new AtlasError('NOT_FOUND', `${graph} has no version ${missing}`, {
        context: { graph, version: missing },
      });
    }
    return diffQuads(before, after, `diff of ${graph}`);
  }

  private async listVersionsNow(graph: string): Promise<VersionRecord[]> {
    return (await this.loadRecords([graph])).get(graph) ?? [];
  }

  private async loadRecords(graphs?: readonly string[]): Promise<Map<string, VersionRecord[]>> {
    if (graphs !== undefined && graphs.length === 0) return new Map();
    const result = await this.store.query(recordsQuery(graphs), { dataset: 'system' });
    return result.kind === 'bindings' ? recordsFromRows(result.rows) : new Map();
  }

  private async forbiddenReason(
    graph: string,
    quads: readonly Quad[],
    history: readonly VersionRecord[],
    options: IngestOptions,
  ): Promise<string | undefined> {
    if (isReservedGraph(graph)) return `${graph} is a system graph`;
    if (options.provider === undefined || options.admin === true) return undefined;
    const latest = history.at(-1);
    const exists = latest !== undefined || (await this.store.hasGraph(graph));
    return ownershipProblem(quads, options.provider, { exists, publisher: latest?.publisher });
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function toDescriptionRecord(graph: string, v: VersionRecord): DescriptionRecord {
  const { current: _current, withdrawn: _withdrawn, withdrawnAt: _at, ...rest } = v;
  return { graph, ...rest };
}
