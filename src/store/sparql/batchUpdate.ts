import type { Quad, Term } from '@rdfjs/types';
import { AtlasError } from '../../errors.js';
import type { GraphChange } from '../GraphStore.js';
import { assertIri, termToNQuads } from '../nquads.js';

/** A batch as one SPARQL 1.1 Update request. */
export interface BatchUpdate {
  /** The update text: a single operation, so the server applies it as one statement. */
  text: string;
  /** True when sending it twice leaves the same data as sending it once (no blank nodes added to kept data). */
  idempotent: boolean;
}

interface GraphPlan {
  drop: boolean;
  inserts: Array<{ quads: readonly Quad[]; change: number }>;
}

function term(value: Term, change: number, where: string): string {
  if (value.termType === 'BlankNode')
    return `_:c${change}x${Buffer.from(value.value, 'utf8').toString('hex')}`;
  return termToNQuads(value, where);
}

function triples(quads: readonly Quad[], change: number, graph: string): string {
  const where = `graph <${graph}>`;
  const lines = new Array<string>(quads.length);
  for (let i = 0; i < quads.length; i++) {
    const q = quads[i]!;
    if ((q.subject as Term).termType === 'Literal')
      throw new AtlasError('USAGE', `${where}: a literal cannot be a subject`);
    if (q.predicate.termType !== 'NamedNode')
      throw new AtlasError('USAGE', `${where}: a predicate must be an IRI`);
    lines[i] =
      `${term(q.subject, change, where)} ${term(q.predicate, change, where)} ${term(q.object, change, where)} .`;
  }
  return lines.join('\n');
}

/** Folds the changes into one plan per graph, in order: a replace or delete drops what came before it. */
function plan(changes: readonly GraphChange[]): Map<string, GraphPlan> {
  const plans = new Map<string, GraphPlan>();
  changes.forEach((change, index) => {
    if (!change || typeof change.graph !== 'string')
      throw new AtlasError('USAGE', 'a change needs a graph IRI');
    assertIri(change.graph, 'graph name');
    const entry = plans.get(change.graph) ?? { drop: false, inserts: [] };
    plans.set(change.graph, entry);
    if ('add' in change) {
      if (!Array.isArray(change.add))
        throw new AtlasError('USAGE', `graph <${change.graph}>: add must be a list of quads`);
      entry.inserts.push({ quads: change.add, change: index });
    } else if (change.quads === null || Array.isArray(change.quads)) {
      entry.drop = true;
      entry.inserts = change.quads ? [{ quads: change.quads, change: index }] : [];
    } else {
      throw new AtlasError('USAGE', `graph <${change.graph}>: a change needs quads (a list or null) or add`);
    }
  });
  return plans;
}

/**
 * Writes a batch of graph changes as ONE update operation, so that the server runs it as one statement (all or
 * nothing; Virtuoso does not run several operations of one request as one transaction):
 * `DELETE { GRAPH ?g { ?s ?p ?o } } INSERT { GRAPH ?i0 { ... } } WHERE { { VALUES ?g { ... } GRAPH ?g { ?s ?p ?o } }
 * UNION { BIND(<g0> AS ?i0) } }`. The insert template only applies to the one solution of the UNION's second
 * branch, so its blank nodes are created once, and a replaced graph converges when the request is repeated.
 */
export function batchUpdate(changes: readonly GraphChange[]): BatchUpdate {
  const plans = plan(changes);
  const dropped: string[] = [];
  const inserts: Array<{ graph: string; body: string }> = [];
  let idempotent = true;
  for (const [graph, entry] of plans) {
    if (entry.drop) dropped.push(graph);
    const body = entry.inserts
      .filter((i) => i.quads.length > 0)
      .map((i) => triples(i.quads, i.change, graph))
      .join('\n');
    if (body === '') continue;
    inserts.push({ graph, body });
    if (!entry.drop && /(^|\s)_:/.test(body)) idempotent = false;
  }
  if (dropped.length === 0) {
    const data = inserts.map((i) => `GRAPH <${i.graph}> {\n${i.body}\n}`).join('\n');
    return { text: `INSERT DATA {\n${data}\n}`, idempotent };
  }
  const values = dropped.map((g) => `<${g}>`).join(' ');
  const deleted = `{ VALUES ?g { ${values} } GRAPH ?g { ?s ?p ?o } }`;
  if (inserts.length === 0) return { text: `DELETE { GRAPH ?g { ?s ?p ?o } }\nWHERE ${deleted}`, idempotent };
  const template = inserts.map((i, n) => `GRAPH ?i${n} {\n${i.body}\n}`).join('\n');
  const binds = inserts.map((i, n) => `BIND(<${i.graph}> AS ?i${n})`).join(' ');
  return {
    text: `DELETE { GRAPH ?g { ?s ?p ?o } }\nINSERT {\n${template}\n}\nWHERE { ${deleted} UNION { ${binds} } }`,
    idempotent,
  };
}
