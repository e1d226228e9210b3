import type { Quad, Term } from '@rdfjs/types';
import { rdf } from '../namespaces.js';

/** The quads one request loaded, indexed both ways; GraphQL field resolvers read from here, never from the store. */
export class NodeGraph {
  private readonly out = new Map<string, Map<string, Term[]>>();
  private readonly in = new Map<string, Map<string, Term[]>>();

  constructor(quads: Iterable<Quad> = []) {
    for (const q of quads) {
      add(this.out, q.subject.value, q.predicate.value, q.object);
      if (q.object.termType === 'NamedNode') add(this.in, q.object.value, q.predicate.value, q.subject);
    }
  }

  /** Objects of `node predicate ?o` (or subjects of `?s predicate node` when inverse), deduplicated. */
  values(node: string, predicate: string, inverse = false): Term[] {
    return (inverse ? this.in : this.out).get(node)?.get(predicate) ?? [];
  }

  /** True when the node is typed with one of `classes`. */
  hasType(node: string, classes: readonly string[]): boolean {
    return this.values(node, rdf('type')).some((t) => classes.includes(t.value));
  }

  /** True when any triple has the node as subject. */
  has(node: string): boolean {
    return this.out.has(node);
  }
}

function add(index: Map<string, Map<string, Term[]>>, key: string, predicate: string, term: Term): void {
  let byPredicate = index.get(key);
  if (byPredicate === undefined) {
    byPredicate = new Map();
    index.set(key, byPredicate);
  }
  const list = byPredicate.get(predicate);
  if (list === undefined) byPredicate.set(predicate, [term]);
  else if (!list.some((t) => t.equals(term))) list.push(term);
}

/** A node as GraphQL resolvers see it: its IRI and the graph it was loaded into. */
export interface NodeRef {
  iri: string;
  graph: NodeGraph;
}
