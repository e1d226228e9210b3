import type { Quad, Term } from '@rdfjs/types';
import { AtlasError } from '../../errors.js';
import type { GraphChange } from '../GraphStore.js';
import { sys } from '../../namespaces.js';
import { assertIri, termToNQuads } from '../nquads.js';

/** A graph never written: the drop list of a batch that drops nothing. */
const NOTHING = sys('empty-dataset');

/** What a batch does to one graph: optionally empty it first, then add the staged triples. */
export interface GraphPlan {
  graph: string;
  /** True when the graph's current content goes (a replace or a delete). */
  drop: boolean;
  /** N-Triples to add after the drop ('' for none). */
  ntriples: string;
}

function term(value: Term, change: number, where: string): string {
  if (value.termType === 'BlankNode')
    return `_:c${change}x${Buffer.from(value.value, 'utf8').toString('hex')}`;
  return termToNQuads(value, where);
}

function triples(quads: readonly Quad[], change: number, graph: string): string {
  const where = `graph <${graph}>`;
  let text = '';
  for (const q of quads) {
    if ((q.subject as Term).termType === 'Literal')
      throw new AtlasError('USAGE', `${where}: a literal cannot be a subject`);
    if (q.predicate.termType !== 'NamedNode')
      throw new AtlasError('USAGE', `${where}: a predicate must be an IRI`);
    text += `${term(q.subject, change, where)} ${term(q.predicate, change, where)} ${term(q.object, change, where)} .\n`;
  }
  return text;
}

/**
 * Validates a batch and folds it into one plan per graph, in order: a replace or delete drops what came before
 * it in the batch too. Any invalid change (IRI, literal subject, ...) throws `AtlasError('USAGE')` before
 * anything is sent.
 */
export function planBatch(changes: readonly GraphChange[]): GraphPlan[] {
  const plans = new Map<string, { drop: boolean; parts: string[] }>();
  changes.forEach((change, index) => {
    if (!change || typeof change.graph !== 'string')
      throw new AtlasError('USAGE', 'a change needs a graph IRI');
    assertIri(change.graph, 'graph name');
    const entry = plans.get(change.graph) ?? { drop: false, parts: [] };
    plans.set(change.graph, entry);
    if ('add' in change) {
      if (!Array.isArray(change.add))
        throw new AtlasError('USAGE', `graph <${change.graph}>: add must be a list of quads`);
      entry.parts.push(triples(change.add, index, change.graph));
    } else if (change.quads === null || Array.isArray(change.quads)) {
      entry.drop = true;
      entry.parts = change.quads ? [triples(change.quads, index, change.graph)] : [];
    } else {
      throw new AtlasError('USAGE', `graph <${change.graph}>: a change needs quads (a list or null) or add`);
    }
  });
  return [...plans].map(([graph, entry]) => ({ graph, drop: entry.drop, ntriples: entry.parts.join('') }));
}

/**
 * The commit of a batch as ONE update operation, which Virtuoso runs as one statement and so as one
 * transaction (several operations in one request are committed one by one there; measured on 7.2):
 * `DELETE { GRAPH ?g { ?s ?p ?o } } INSERT { GRAPH ?t { ?s2 ?p2 ?o2 } }
 *  WHERE { { VALUES ?g { dropped } GRAPH ?g { ?s ?p ?o } } UNION { VALUES (?st ?t) { (staging target) } GRAPH ?st { ?s2 ?p2 ?o2 } } }`.
 * Copying from staging graphs keeps blank nodes as they were loaded, and repeating the statement converges
 * (the drops remove what a first run inserted, the copies insert the same nodes again), so it may be retried.
 */
export function commitUpdate(
  dropped: readonly string[],
  copies: ReadonlyArray<[staging: string, target: string]>,
): string {
  // Always a DELETE part: Virtuoso 7.2 fails on INSERT-only with VALUES pairs (SR002 string_output_string).
  const drops = dropped.length > 0 ? dropped : [NOTHING];
  const deleted = `{ VALUES ?g { ${drops.map((g) => `<${g}>`).join(' ')} } GRAPH ?g { ?s ?p ?o } }`;
  if (copies.length === 0) return `DELETE { GRAPH ?g { ?s ?p ?o } } WHERE ${deleted}`;
  const pairs = copies.map(([s, t]) => `(<${s}> <${t}>)`).join(' ');
  const copied = `{ VALUES (?st ?t) { ${pairs} } GRAPH ?st { ?s2 ?p2 ?o2 } }`;
  return `DELETE { GRAPH ?g { ?s ?p ?o } } INSERT { GRAPH ?t { ?s2 ?p2 ?o2 } } WHERE { ${deleted} UNION ${copied} }`;
}
