import type { Quad, Term } from '@rdfjs/types';

/** The entries of `prefixes` whose namespace starts some IRI (or datatype IRI) in `quads`. */
export function usedPrefixes(
  quads: readonly Quad[],
  prefixes: Readonly<Record<string, string>>,
): Record<string, string> {
  const iris = new Set<string>();
  const visit = (term: Term): void => {
    if (term.termType === 'NamedNode') iris.add(term.value);
    else if (term.termType === 'Literal') iris.add(term.datatype.value);
  };
  for (const q of quads) {
    visit(q.subject);
    visit(q.predicate);
    visit(q.object);
    visit(q.graph);
  }
  const entries = Object.entries(prefixes).filter(([, ns]) => [...iris].some((iri) => iri.startsWith(ns)));
  return Object.fromEntries(entries);
}
