import type { Ingestor, IngestDocument, IngestOptions } from '../ingest/index.js';
import type { HarvestedDescription } from './splitDescriptions.js';
import type { InvalidDescription } from './types.js';

/** The outcome of storing a source's descriptions. */
export interface IngestTally {
  created: string[];
  updated: string[];
  unchanged: string[];
  invalid: InvalidDescription[];
  errors: string[];
}

/** Options of {@link ingestDescriptions}. */
export interface IngestDescriptionsOptions {
  ingestor: Ingestor;
  /** Who stores, and the activity recorded in each new version's record. */
  as: IngestOptions;
  /** The graphs with a current version before the run (to tell new from updated). */
  current: ReadonlySet<string>;
  /** Descriptions per batch. */
  batchSize?: number;
  onProgress?: (done: number) => void;
}

/**
 * Stores descriptions in batches, each description on its own merits: a batch the ingestor refuses is retried
 * without the refused documents, so a valid description is stored (replacing its previous version atomically) and an
 * invalid one leaves its previous valid version in place, with its report kept for the harvest report.
 */
export async function ingestDescriptions(
  descriptions: readonly HarvestedDescription[],
  sourceUrl: (d: HarvestedDescription) => string,
  options: IngestDescriptionsOptions,
): Promise<IngestTally> {
  const tally: IngestTally = { created: [], updated: [], unchanged: [], invalid: [], errors: [] };
  const size = options.batchSize ?? 100;
  let done = 0;
  for (let start = 0; start < descriptions.length; start += size) {
    let batch: IngestDocument[] = descriptions
      .slice(start, start + size)
      .map((d) => ({ quads: d.quads, source: sourceUrl(d), graph: d.root }));
    while (batch.length > 0) {
      let result;
      try {
        result = await options.ingestor.ingest(batch, options.as);
      } catch (error) {
        tally.errors.push(
          `storing ${batch.length} description(s) failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        break;
      }
      if (result.committed) {
        for (const outcome of result.documents) {
          if (outcome.unchanged === true) tally.unchanged.push(outcome.graph);
          else if (options.current.has(outcome.graph)) tally.updated.push(outcome.graph);
          else tally.created.push(outcome.graph);
        }
        break;
      }
      const refused = new Set<string>();
      for (const outcome of result.documents) {
        if (outcome.refused === 'INVALID')
          tally.invalid.push({ graph: outcome.graph, report: outcome.report });
        if (outcome.refused === 'FORBIDDEN')
          tally.errors.push(`${outcome.graph}: refused: ${outcome.reason ?? 'forbidden'}`);
        if (outcome.refused !== undefined) refused.add(outcome.graph);
      }
      if (refused.size === 0) {
        tally.errors.push(`storing ${batch.length} description(s) failed: the batch was refused`);
        break;
      }
      batch = batch.filter((doc) => !refused.has(doc.graph ?? ''));
    }
    done = Math.min(descriptions.length, start + size);
    options.onProgress?.(done);
  }
  return tally;
}
