import { sys } from '../namespaces.js';

/** True when `graph` is a system graph IRI (under the `sys` namespace). */
export function isSystemGraph(graph: string): boolean {
  return graph.startsWith(sys.iri);
}
