import type { BlankNode, Quad, Quad_Object, Quad_Subject } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { AtlasError } from '../errors.js';
import { isSystemGraph } from '../store/index.js';
import { graphIriOf } from './graphIri.js';
import { isSafeIri } from './metaQueries.js';
import type { IngestDocument } from './types.js';

/** A document ready to validate and store. */
export interface PreparedDocument {
  /** Position in the batch. */
  index: number;
  source: string;
  graph: string;
  /** Triples in the default graph, blank nodes relabelled so they never meet another graph's. */
  quads: Quad[];
}

/**
 * Derives the graph IRI, drops graph terms and gives blank nodes labels unique to this batch (`prefix`): the store
 * shares blank nodes between graphs, so labels from two parsers must never meet. An empty document or an IRI that
 * is not absolute -> `AtlasError('USAGE')`.
 */
export function prepareDocument(doc: IngestDocument, index: number, prefix: string): PreparedDocument {
  if (doc.quads.length === 0) {
    throw new AtlasError('USAGE', `${doc.source}: the document holds no triples`, {
      context: { source: doc.source },
    });
  }
  const graph = graphIriOf(doc);
  if (!isSafeIri(graph)) {
    throw new AtlasError('USAGE', `${doc.source}: '${graph}' is not an absolute IRI usable as a graph name`, {
      context: { source: doc.source, graph },
    });
  }
  const labels = new Map<string, BlankNode>();
  const relabel = <T extends Quad_Subject | Quad_Object>(term: T): T => {
    if (term.termType !== 'BlankNode') return term;
    let node = labels.get(term.value);
    if (node === undefined) {
      node = DataFactory.blankNode(`${prefix}d${index}n${labels.size}`);
      labels.set(term.value, node);
    }
    return node as T;
  };
  const quads = doc.quads.map((q) => DataFactory.quad(relabel(q.subject), q.predicate, relabel(q.object)));
  return { index, source: doc.source, graph, quads };
}

/** True when the graph IRI is reserved for the system (meta graph, archived versions). */
export function isReservedGraph(graph: string): boolean {
  return isSystemGraph(graph);
}
