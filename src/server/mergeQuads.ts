import type { Quad, Term } from '@rdfjs/types';

function termKey(term: Term): string {
  if (term.termType === 'Literal') return `L${term.value}\u0000${term.language}\u0000${term.datatype.value}`;
  return `${term.termType.charAt(0)}${term.value}`;
}

/** The triples of `a` and `b` without duplicates (graph terms ignored), for a Graph Store Protocol POST. */
export function mergeQuads(a: readonly Quad[], b: readonly Quad[]): Quad[] {
  const seen = new Set<string>();
  const merged: Quad[] = [];
  for (const quad of [...a, ...b]) {
    const key = [quad.subject, quad.predicate, quad.object].map(termKey).join('\u0001');
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(quad);
  }
  return merged;
}
