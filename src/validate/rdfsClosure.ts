import type { Quad, Term } from '@rdfjs/types';
import { DataFactory, Store } from 'n3';
import { rdf, rdfs } from '../namespaces.js';

const df = DataFactory;
const type = df.namedNode(rdf('type'));
const resource = df.namedNode(rdfs('Resource'));

/** Reflexive-transitive closure of a relation given as a map from a term to its direct supers. */
function closure(direct: Map<string, Set<string>>, start: string): Set<string> {
  const seen = new Set([start]);
  const todo = [start];
  for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
    for (const sup of direct.get(next) ?? []) {
      if (!seen.has(sup)) {
        seen.add(sup);
        todo.push(sup);
      }
    }
  }
  return seen;
}

function index(quads: readonly Quad[], predicate: string): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const q of quads) {
    if (q.predicate.value !== predicate || q.object.termType !== 'NamedNode') continue;
    const set = map.get(q.subject.value) ?? new Set<string>();
    set.add(q.object.value);
    map.set(q.subject.value, set);
  }
  return map;
}

/**
 * RDFS entailment, materialised: `quads` (all graphs read as one, results in the default graph) plus every triple
 * entailed by `rdfs:subPropertyOf`, `rdfs:domain`, `rdfs:range` and `rdfs:subClassOf` stated in `quads`, and
 * `rdf:type rdfs:Resource` for every IRI and blank node. The schema is read from `quads` themselves, so pass the
 * vocabulary along with the data.
 */
export function rdfsClosure(quads: readonly Quad[]): Quad[] {
  const subProperty = index(quads, rdfs('subPropertyOf'));
  const subClass = index(quads, rdfs('subClassOf'));
  const domain = index(quads, rdfs('domain'));
  const range = index(quads, rdfs('range'));
  const superProps = new Map<string, Set<string>>();
  const superClasses = new Map<string, Set<string>>();
  const cached = (
    cache: Map<string, Set<string>>,
    direct: Map<string, Set<string>>,
    key: string,
  ): Set<string> => {
    let found = cache.get(key);
    if (!found) cache.set(key, (found = closure(direct, key)));
    return found;
  };
  const store = new Store();
  const addType = (node: Term, cls: string): void => {
    if (node.termType !== 'NamedNode' && node.termType !== 'BlankNode') return;
    for (const c of cached(superClasses, subClass, cls)) store.addQuad(df.quad(node, type, df.namedNode(c)));
  };
  for (const q of quads) {
    for (const p of cached(superProps, subProperty, q.predicate.value)) {
      store.addQuad(df.quad(q.subject, df.namedNode(p), q.object));
      if (p === rdf('type') && q.object.termType === 'NamedNode') addType(q.subject, q.object.value);
      for (const d of domain.get(p) ?? []) addType(q.subject, d);
      for (const r of range.get(p) ?? []) addType(q.object, r);
    }
    for (const term of [q.subject, q.predicate, q.object]) {
      if (term.termType === 'NamedNode' || term.termType === 'BlankNode')
        store.addQuad(df.quad(term, type, resource));
    }
  }
  return [...store];
}
