import type { Quad } from '@rdfjs/types';
import type { GraphChange, GraphStore } from '../store/index.js';
import { metaGraph } from './metaQueries.js';
import { versionRecordQuads } from './metaRecords.js';
import { publisherOf } from './ownership.js';
import type { PreparedDocument } from './prepareDocument.js';
import type { DocumentOutcome, IngestOptions, VersionRecord } from './types.js';

/** What {@link planChanges} needs: the accepted batch and what the store holds. */
export interface PlanInput {
  docs: readonly PreparedDocument[];
  /** Outcomes by document index; updated in place (`stored`, `version`, `unchanged`). */
  outcomes: DocumentOutcome[];
  /** Content hashes by document index. */
  hashes: readonly string[];
  /** Version records of the batch's graphs. */
  records: ReadonlyMap<string, readonly VersionRecord[]>;
  store: GraphStore;
  options: IngestOptions;
  modified: Date;
}

/**
 * The store changes of an accepted batch: per changed document, the current version archived into its system
 * graph, the graph replaced, and a new version record added to the meta graph. Unchanged documents (same hash as
 * the current version) make no change. Empty when nothing changed.
 */
export async function planChanges(input: PlanInput): Promise<GraphChange[]> {
  const changes: GraphChange[] = [];
  const metaAdds: Quad[] = [];
  for (const doc of input.docs) {
    const outcome = input.outcomes[doc.index];
    const hash = input.hashes[doc.index];
    if (outcome === undefined || hash === undefined) throw new Error(`no outcome for document ${doc.index}`);
    const latest = (input.records.get(doc.graph) ?? []).at(-1);
    if (latest?.current && latest.contentHash === hash) {
      Object.assign(outcome, { stored: true, version: latest.version, unchanged: true });
      continue;
    }
    const version = (latest?.version ?? 0) + 1;
    if (latest?.current) changes.push({ graph: latest.iri, quads: await input.store.getGraph(doc.graph) });
    changes.push({ graph: doc.graph, quads: doc.quads });
    metaAdds.push(
      ...versionRecordQuads({
        graph: doc.graph,
        version,
        modified: input.modified,
        contentHash: hash,
        submitter: input.options.submitter,
        source: doc.source,
        publisher: publisherOf(doc.quads),
        conforms: outcome.report.conforms,
        activity: input.options.activity,
      }),
    );
    Object.assign(outcome, { stored: true, version });
  }
  if (changes.length > 0) changes.push({ graph: metaGraph, add: metaAdds });
  return changes;
}
