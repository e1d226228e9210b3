import type { Logger } from 'pino';
import type { Ingestor } from '../ingest/index.js';
import type { SourceState } from './HarvestState.js';
import type { HttpFetcher } from './HttpFetcher.js';
import { ingestDescriptions } from './ingestDescriptions.js';
import { readSource } from './readSource.js';
import type { HarvestSource } from './sourcesFile.js';
import { splitDescriptions } from './splitDescriptions.js';
import type { HarvestProgress, SourceReport } from './types.js';

/** What {@link harvestSource} needs. */
export interface HarvestSourceContext {
  ingestor: Ingestor;
  fetcher: HttpFetcher;
  logger: Logger;
  clock: () => Date;
  /** IRI of this source's activity. */
  activity: string;
  /** This source's state from the last run (empty on the first). */
  state: SourceState;
  /** Graphs other sources brought, by graph: the id of the source. */
  claimed: ReadonlyMap<string, string>;
  /** Graphs with a current version. */
  current: ReadonlySet<string>;
  onProgress?: ((event: HarvestProgress) => void) | undefined;
}

const safeIri = /^https?:\/\/[^\s<>"{}|\\^`]+$/i;

/**
 * Harvests one source: reads it (conditionally), splits it into descriptions, stores each valid one, keeps the
 * reports of invalid ones, withdraws what a completely read source no longer provides, and returns the report with
 * the source's next state.
 */
export async function harvestSource(
  source: HarvestSource,
  ctx: HarvestSourceContext,
): Promise<{ report: SourceReport; state: SourceState }> {
  const startedAt = ctx.clock();
  const read = await readSource(source, {
    fetcher: ctx.fetcher,
    previous: ctx.state.urls,
    onDocument: (url, fetched) => ctx.onProgress?.({ phase: 'fetch', source: source.id, url, fetched }),
  });
  const report: SourceReport = {
    id: source.id,
    type: source.type,
    url: source.url,
    activity: ctx.activity,
    startedAt,
    endedAt: startedAt,
    complete: read.complete,
    sourceUnchanged: read.unchanged,
    fetched: read.fetched,
    descriptions: 0,
    created: [],
    updated: [],
    unchanged: [],
    invalid: [],
    withdrawn: [],
    errors: [...read.errors],
  };
  const urls = read.complete ? read.urls : new Map([...ctx.state.urls, ...read.urls]);
  const next: SourceState = { id: source.id, lastRun: startedAt, graphs: new Set(), urls };

  if (read.unchanged) {
    report.unchanged = [...ctx.state.graphs].sort();
    report.descriptions = report.unchanged.length;
    next.graphs = new Set(ctx.state.graphs);
  } else {
    const all = splitDescriptions(read.quads, read.services === undefined ? {} : { only: read.services });
    const descriptions = all.filter((d) => {
      const other = ctx.claimed.get(d.root);
      if (other !== undefined) {
        report.errors.push(`${d.root}: not taken, it is harvested from source '${other}'`);
        return false;
      }
      if (!safeIri.test(d.root)) {
        report.errors.push(`${d.root}: not an http(s) IRI usable as a graph name`);
        return false;
      }
      return true;
    });
    report.descriptions = all.length;
    const tally = await ingestDescriptions(descriptions, () => source.url, {
      ingestor: ctx.ingestor,
      as: { submitter: ctx.activity, admin: true, activity: ctx.activity },
      current: ctx.current,
      onProgress: (done) =>
        ctx.onProgress?.({ phase: 'ingest', source: source.id, done, total: descriptions.length }),
    });
    Object.assign(report, {
      created: tally.created,
      updated: tally.updated,
      unchanged: tally.unchanged,
      invalid: tally.invalid,
    });
    report.errors.push(...tally.errors);
    // Not stored everything: forget this run's validators and hashes, so the next run reads and stores again.
    if (tally.errors.length > 0 || descriptions.length < all.length) next.urls = new Map(ctx.state.urls);
    const stored = [...tally.created, ...tally.updated, ...tally.unchanged];
    const kept = tally.invalid.map((i) => i.graph).filter((g) => ctx.state.graphs.has(g));
    next.graphs = new Set([...(read.complete ? [] : ctx.state.graphs), ...stored, ...kept]);
    if (read.complete && tally.errors.length === 0) {
      const provided = new Set(all.map((d) => d.root));
      for (const graph of [...ctx.state.graphs].sort()) {
        if (provided.has(graph)) continue;
        try {
          const gone = await ctx.ingestor.deleteDescription(graph, {
            submitter: ctx.activity,
            admin: true,
            activity: ctx.activity,
          });
          if (gone) report.withdrawn.push(graph);
        } catch (error) {
          report.errors.push(
            `${graph}: not withdrawn: ${error instanceof Error ? error.message : String(error)}`,
          );
          next.graphs.add(graph);
        }
      }
    } else if (read.complete) {
      for (const graph of ctx.state.graphs) next.graphs.add(graph);
    }
  }
  report.endedAt = ctx.clock();
  ctx.logger.info(
    {
      source: source.id,
      complete: report.complete,
      fetched: report.fetched,
      new: report.created.length,
      updated: report.updated.length,
      unchanged: report.unchanged.length,
      invalid: report.invalid.length,
      withdrawn: report.withdrawn.length,
      errors: report.errors.length,
    },
    'harvested source',
  );
  ctx.onProgress?.({ phase: 'done', source: source.id, report });
  return { report, state: next };
}
