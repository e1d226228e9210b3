import { lookup as dnsLookup } from 'node:dns/promises';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { metaGraph, type Ingestor } from '../ingest/index.js';
import { sys } from '../namespaces.js';
import type { GraphStore } from '../store/index.js';
import type { LookupFunction } from './addressPolicy.js';
import { harvestSource } from './harvestSource.js';
import { readAllStates, stateChange, type SourceState } from './HarvestState.js';
import { HttpFetcher, type FetchFunction } from './HttpFetcher.js';
import { reportQuads } from './reportQuads.js';
import type { HarvestSources } from './sourcesFile.js';
import type { HarvestProgress, HarvestReport, SourceReport } from './types.js';

/** Options of {@link Harvester.create}. */
export interface HarvesterOptions {
  store: GraphStore;
  /** Stores every description (validation, versions, withdrawal). */
  ingestor: Ingestor;
  logger: Logger;
  /** HTTP client; default the global `fetch`. */
  fetch?: FetchFunction | undefined;
  /** DNS resolution (every address of a name); default `dns.promises.lookup` with `all: true`. */
  lookup?: LookupFunction | undefined;
  /** The time of reports and intervals; default `new Date()`. */
  clock?: (() => Date) | undefined;
}

/** Options of one run. */
export interface HarvestRunOptions {
  /** Skip sources whose own `interval` has not passed since their last run (scheduled harvests). */
  respectIntervals?: boolean;
  onProgress?: (event: HarvestProgress) => void;
}

/** Defaults of the per-source limits. */
export const harvestDefaults = { timeoutMs: 30_000, maxBytes: 50 * 1024 * 1024, maxRedirects: 5 } as const;

/**
 * Harvests provider sources into the knowledge graph through the Ingestor and records each run as PROV activities
 * in the meta graph. Runs never overlap: a second `run` waits for the first.
 */
export class Harvester {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly fetchFn: FetchFunction;
  private readonly lookup: LookupFunction;
  private readonly clock: () => Date;

  private constructor(private readonly options: HarvesterOptions) {
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.lookup = options.lookup ?? ((host) => dnsLookup(host, { all: true, verbatim: true }));
    this.clock = options.clock ?? (() => new Date());
  }

  /** A harvester writing through `options.ingestor` into `options.store`. */
  static create(options: HarvesterOptions): Harvester {
    return new Harvester(options);
  }

  /** Harvests every source of `sources` in order and stores the run's report; resolves with it. */
  run(sources: HarvestSources, options: HarvestRunOptions = {}): Promise<HarvestReport> {
    const task = (): Promise<HarvestReport> => this.runNow(sources, options);
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async runNow(sources: HarvestSources, options: HarvestRunOptions): Promise<HarvestReport> {
    const startedAt = this.clock();
    const stamp = startedAt.toISOString().replace(/[-:.]/g, '');
    const activity = sys(`harvest/run/${stamp}-${randomBytes(3).toString('hex')}`);
    const states = await readAllStates(this.options.store);
    const reports: SourceReport[] = [];
    for (const source of sources.sources) {
      const state: SourceState = states.get(source.id) ?? {
        id: source.id,
        graphs: new Set(),
        urls: new Map(),
      };
      if (options.respectIntervals === true && source.interval !== undefined && state.lastRun !== undefined) {
        if (this.clock().getTime() - state.lastRun.getTime() < source.interval * 1000) continue;
      }
      const claimed = new Map<string, string>();
      for (const [id, other] of states)
        if (id !== source.id) for (const g of other.graphs) claimed.set(g, id);
      const current = new Set((await this.options.ingestor.listDescriptions()).map((r) => r.graph));
      const fetcher = new HttpFetcher({
        fetch: this.fetchFn,
        lookup: this.lookup,
        allowPrivateNetwork: sources.allowPrivateNetwork === true,
        timeoutMs: source.timeoutMs ?? harvestDefaults.timeoutMs,
        maxBytes: source.maxBytes ?? harvestDefaults.maxBytes,
        maxRedirects: source.maxRedirects ?? harvestDefaults.maxRedirects,
        headers: source.headers,
      });
      const { report, state: next } = await harvestSource(source, {
        ingestor: this.options.ingestor,
        fetcher,
        logger: this.options.logger,
        clock: this.clock,
        activity: `${activity}/source/${encodeURIComponent(source.id)}`,
        state,
        claimed,
        current,
        onProgress: options.onProgress,
      });
      states.set(source.id, next);
      await this.options.store.applyChanges([stateChange(next)]);
      reports.push(report);
    }
    const report: HarvestReport = {
      activity,
      startedAt,
      endedAt: this.clock(),
      sources: reports,
      ok: reports.every((r) => r.complete && r.errors.length === 0),
    };
    await this.options.store.applyChanges([{ graph: metaGraph, add: reportQuads(report) }]);
    return report;
  }
}
