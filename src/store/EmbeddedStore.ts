import type { Quad } from '@rdfjs/types';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Logger } from 'pino';
import { AtlasError } from '../errors.js';
import { encodeBatch, encodeBulk } from './batch.js';
import type {
  Dataset,
  GraphChange,
  GraphStore,
  QueryOptions,
  QueryResult,
  RawQueryResult,
} from './GraphStore.js';
import { assertIri } from './nquads.js';
import { parseAnswer, parseNTriples } from './results.js';
import { isSystemGraph } from './systemGraphs.js';
import { fsyncDir, removeFiles, writeSnapshotFile } from './wal/files.js';
import { acquireLock } from './wal/lock.js';
import { recoverDataDir } from './wal/recover.js';
import { WriteAheadLog, type PreparedRecord } from './wal/WriteAheadLog.js';
import type { ReplicaAnswer, LoadPlan } from './worker/Replica.js';
import { WorkerPool } from './worker/WorkerPool.js';

/** Options of an `EmbeddedStore`. */
export interface EmbeddedStoreOptions {
  /** The data directory: the write-ahead log and snapshots (the truth; replicas are rebuilt from it). */
  dataDir: string;
  logger: Logger;
  /** Default query time limit (default 10000 ms). */
  queryTimeoutMs?: number;
  /** Query worker threads, each with a full replica (default 2). */
  workers?: number;
  /** Write a snapshot after this many log records (default 5000)... */
  snapshotAfterRecords?: number;
  /** ...or this many log bytes (default 128 MiB), whichever comes first. */
  snapshotAfterBytes?: number;
}

/** What `loadNQuads` stored. */
export interface BulkLoadResult {
  /** Graphs replaced. */
  graphs: number;
  /** Statements read (duplicates included). */
  statements: number;
}

interface PendingWrite {
  payload: Uint8Array;
  /** A bulk payload: written alone, loaded by the replicas while it is written. */
  bulk?: boolean;
  resolve(): void;
  reject(error: unknown): void;
}

const GROUP_BYTES = 64 * 1024 * 1024;
const EXPORT_CHUNK = 1024 * 1024;

/**
 * A `GraphStore` in this process: oxigraph replicas in worker threads (queries run off the main thread, with
 * time limits), made durable by a write-ahead log and snapshots in `dataDir`. Only one process may open a
 * data directory.
 */
export class EmbeddedStore implements GraphStore {
  private readonly dir: string;
  private readonly logger: Logger;
  private readonly queryTimeoutMs: number;
  private readonly workers: number;
  private readonly snapshotAfterRecords: number;
  private readonly snapshotAfterBytes: number;
  private wal: WriteAheadLog | undefined;
  private pool: WorkerPool | undefined;
  private releaseLock: (() => Promise<void>) | undefined;
  private snapshot: { path: string; seq: number } | undefined;
  private lastPosted = 0;
  private recordsSinceSnapshot = 0;
  private bytesSinceSnapshot = 0;
  private pending: PendingWrite[] = [];
  private flushing: Promise<void> | undefined;
  private compacting: Promise<void> | undefined;
  private bulkSettled: Promise<void> = Promise.resolve();
  private state: 'new' | 'opening' | 'open' | 'closed' = 'new';

  constructor(options: EmbeddedStoreOptions) {
    this.dir = resolve(options.dataDir);
    this.logger = options.logger;
    this.queryTimeoutMs = options.queryTimeoutMs ?? 10_000;
    this.workers = Math.max(1, options.workers ?? 2);
    this.snapshotAfterRecords = options.snapshotAfterRecords ?? 5000;
    this.snapshotAfterBytes = options.snapshotAfterBytes ?? 128 * 1024 * 1024;
  }

  /** Sequence number of the last acknowledged write (0 for none). */
  get sequence(): number {
    return this.lastPosted;
  }

  async open(): Promise<void> {
    if (this.state !== 'new') throw new AtlasError('USAGE', `store ${this.dir} was already opened`);
    this.state = 'opening';
    const created = await mkdir(this.dir, { recursive: true });
    if (created) await fsyncDir(dirname(created));
    this.releaseLock = await acquireLock(this.dir);
    try {
      const recovered = await recoverDataDir(this.dir, this.logger);
      this.snapshot = recovered.snapshot;
      this.lastPosted = recovered.lastSeq;
      this.recordsSinceSnapshot = recovered.recordsSinceSnapshot;
      this.bytesSinceSnapshot = recovered.bytesSinceSnapshot;
      this.wal = new WriteAheadLog(this.dir, recovered);
      await this.wal.open();
      this.pool = new WorkerPool(this.workers, () => this.planFor(), this.logger);
      await this.pool.start();
      this.state = 'open';
      this.logger.debug({ dataDir: this.dir, seq: this.lastPosted }, 'store opened');
    } catch (error) {
      this.state = 'closed';
      await this.wal?.close();
      await this.releaseLock();
      throw error;
    }
  }

  async close(): Promise<void> {
    if (this.state === 'closed' || this.state === 'new') return;
    this.state = 'closed';
    while (this.flushing || this.compacting) await Promise.all([this.flushing, this.compacting]);
    await this.pool?.close();
    await this.wal?.close();
    await this.releaseLock?.();
  }

  private openPool(): WorkerPool {
    if (this.state !== 'open' || !this.pool)
      throw new AtlasError('UNAVAILABLE', `store ${this.dir} is not open`);
    return this.pool;
  }

  /** What a (re)started replica loads: the snapshot and the log up to the last write given to replicas. */
  private planFor(): LoadPlan {
    const after = this.snapshot?.seq ?? 0;
    const segments = (this.wal?.segments ?? [])
      .filter((s) => s.lastSeq > after)
      .map((s) => ({ path: s.path, firstSeq: s.firstSeq }));
    return { ...(this.snapshot ? { snapshot: this.snapshot } : {}), segments, upToSeq: this.lastPosted };
  }

  async applyChanges(changes: GraphChange[]): Promise<void> {
    this.openPool();
    if (changes.length === 0) return;
    const payload = encodeBatch(changes);
    await new Promise<void>((resolve, reject) => {
      this.pending.push({ payload, resolve, reject });
      this.kick();
    });
  }

  /**
   * Bulk load (EmbeddedStore only): replaces every graph named in `nquads` (N-Quads text or its UTF-8 bytes) with
   * the statements naming it, atomically; resolves once durable. The text itself is logged and the replicas'
   * strict parser validates it while the log is written: a malformed statement -> `AtlasError('SYNTAX')` naming
   * its line, a statement without a graph name -> `USAGE`; either way nothing is stored.
   */
  async loadNQuads(nquads: string | Uint8Array): Promise<BulkLoadResult> {
    this.openPool();
    const bytes = typeof nquads === 'string' ? Buffer.from(nquads, 'utf8') : nquads;
    const { payload, header } = encodeBulk(bytes);
    if (header.statements === 0) return { graphs: 0, statements: 0 };
    await new Promise<void>((resolve, reject) => {
      this.pending.push({ payload, bulk: true, resolve, reject });
      this.kick();
    });
    return { graphs: header.graphs.length, statements: header.statements };
  }

  private kick(): void {
    if (this.flushing) return;
    this.flushing = this.flush().finally(() => {
      this.flushing = undefined;
      if (this.pending.length > 0) this.kick();
    });
  }

  /** Group commit: appends what is pending in one write + fdatasync, then hands it to the replicas. */
  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      if (this.pending[0]!.bulk) {
        await this.writeBulk(this.pending.shift()!);
        await this.compactIfDue();
        continue;
      }
      let bytes = 0;
      let count = 0;
      while (
        count < this.pending.length &&
        !this.pending[count]!.bulk &&
        (count === 0 || bytes + this.pending[count]!.payload.length <= GROUP_BYTES)
      ) {
        bytes += this.pending[count]!.payload.length;
        count++;
      }
      const group = this.pending.splice(0, count);
      try {
        const seqs = await this.wal!.append(group.map((w) => w.payload));
        group.forEach((write, i) => {
          this.pool!.apply(seqs[i]!, write.payload);
          this.lastPosted = seqs[i]!;
        });
        this.recordsSinceSnapshot += group.length;
        this.bytesSinceSnapshot += bytes;
        for (const write of group) write.resolve();
      } catch (error) {
        for (const write of group) write.reject(error);
      }
      await this.compactIfDue();
    }
  }

  /**
   * Writes a bulk payload: the replicas load it (strict parser) while it is logged as a pending record; once one
   * has accepted it and the record is durable, the record is committed and the replicas may show it.
   */
  private async writeBulk(write: PendingWrite): Promise<void> {
    const wal = this.wal!;
    const pool = this.pool!;
    const staged = pool.stage(write.payload);
    let prepared: PreparedRecord | undefined;
    try {
      prepared = await wal.prepare(write.payload);
      await staged.accepted;
      await wal.commit(prepared);
    } catch (error) {
      if (prepared && wal.lastSeq < prepared.seq) {
        await wal
          .abort(prepared)
          .catch((e: unknown) => this.logger.error({ err: e }, 'cannot drop a bulk record'));
      }
      await pool.abort(staged);
      write.reject(error);
      return;
    }
    pool.commit(staged, prepared.seq, write.payload);
    // A snapshot waits for every replica to finish loading, rather than slow the last one down.
    this.bulkSettled = Promise.allSettled(staged.catchingUp).then(() => undefined);
    this.lastPosted = prepared.seq;
    this.recordsSinceSnapshot++;
    this.bytesSinceSnapshot += write.payload.length;
    write.resolve();
  }

  /** Starts a snapshot when enough has been logged since the last one. */
  private async compactIfDue(): Promise<void> {
    const due =
      this.recordsSinceSnapshot >= this.snapshotAfterRecords ||
      this.bytesSinceSnapshot >= this.snapshotAfterBytes;
    if (!due || this.compacting || this.state !== 'open') return;
    try {
      await this.wal!.roll();
      this.recordsSinceSnapshot = 0;
      this.bytesSinceSnapshot = 0;
      this.compacting = this.compact().finally(() => (this.compacting = undefined));
    } catch (error) {
      this.logger.error({ err: error }, 'cannot start a new log segment');
    }
  }

  /** Writes a snapshot of a replica, then deletes the snapshot and log segments it covers. */
  private async compact(): Promise<void> {
    try {
      await this.bulkSettled;
      // `close` waits for a compaction under way before it stops the pool.
      const dump = (await this.pool!.run({ op: 'dump' })) as {
        seq: number;
        publicNQuads: string;
        systemNQuads: string;
      };
      if (this.snapshot && dump.seq <= this.snapshot.seq) return;
      const path = await writeSnapshotFile(this.dir, dump.seq, dump.publicNQuads, dump.systemNQuads);
      const previous = this.snapshot;
      this.snapshot = { path, seq: dump.seq };
      this.logger.info({ seq: dump.seq, path }, 'snapshot written');
      await Promise.all(this.pool!.loadsInFlight());
      await removeFiles(this.dir, previous ? [previous.path] : []);
      await this.wal!.removeCovered(dump.seq);
    } catch (error) {
      if (this.state === 'open') this.logger.error({ err: error }, 'snapshot failed; the log is kept');
    }
  }

  private async ask(sparql: string, options: QueryOptions, mediaType?: string): Promise<ReplicaAnswer> {
    const pool = this.openPool();
    for (const graph of [...(options.defaultGraphs ?? []), ...(options.namedGraphs ?? [])])
      assertIri(graph, 'query dataset');
    const replicaOptions = {
      ...(options.dataset ? { dataset: options.dataset } : {}),
      ...(options.defaultGraphs ? { defaultGraphs: options.defaultGraphs } : {}),
      ...(options.namedGraphs ? { namedGraphs: options.namedGraphs } : {}),
      ...(options.baseIri ? { baseIri: options.baseIri } : {}),
    };
    const deadline = Date.now() + (options.timeoutMs ?? this.queryTimeoutMs);
    const call = {
      op: 'query' as const,
      sparql,
      options: replicaOptions,
      ...(mediaType ? { mediaType } : {}),
    };
    return (await pool.run(call, {
      deadline,
      ...(options.signal ? { signal: options.signal } : {}),
    })) as ReplicaAnswer;
  }

  async query(sparql: string, options: QueryOptions = {}): Promise<QueryResult> {
    const answer = await this.ask(sparql, options);
    return parseAnswer(answer.kind, answer.body);
  }

  async queryRaw(sparql: string, mediaType: string, options: QueryOptions = {}): Promise<RawQueryResult> {
    const type = mediaType.split(';')[0]!.trim().toLowerCase();
    const answer = await this.ask(sparql, options, type);
    return { kind: answer.kind, mediaType: type, body: answer.body };
  }

  async getGraph(graph: string): Promise<Quad[]> {
    assertIri(graph, 'getGraph');
    const body = (await this.openPool().run(
      { op: 'graph', graph },
      { deadline: Date.now() + this.queryTimeoutMs },
    )) as string;
    return parseNTriples(body, graph);
  }

  async hasGraph(graph: string): Promise<boolean> {
    assertIri(graph, 'hasGraph');
    const dataset: Dataset = isSystemGraph(graph) ? 'system' : 'public';
    const result = await this.query(`ASK { GRAPH <${graph}> { ?s ?p ?o } }`, { dataset });
    return result.kind === 'boolean' && result.value;
  }

  async listGraphs(options: { dataset?: Dataset } = {}): Promise<string[]> {
    const call = { op: 'listGraphs' as const, dataset: options.dataset ?? 'public' };
    const graphs = (await this.openPool().run(call, {
      deadline: Date.now() + this.queryTimeoutMs,
    })) as string[];
    return graphs.sort();
  }

  async *exportNQuads(): AsyncIterable<string> {
    const dump = (await this.openPool().run({ op: 'dump' })) as {
      publicNQuads: string;
      systemNQuads: string;
    };
    for (const text of [dump.publicNQuads, dump.systemNQuads]) {
      for (let start = 0; start < text.length;) {
        let end = text.indexOf('\n', Math.min(start + EXPORT_CHUNK, text.length - 1));
        end = end < 0 ? text.length : end + 1;
        yield text.slice(start, end);
        start = end;
      }
    }
  }
}
