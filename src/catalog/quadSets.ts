import type { Quad, Term } from '@rdfjs/types';
import { DataFactory } from 'n3';

/** A key that tells terms apart (kind, value, language, datatype). */
function termKey(term: Term): string {
  switch (term.termType) {
    case 'NamedNode':
      return `<${term.value}>`;
    case 'BlankNode':
      return `_:${term.value}`;
    case 'Literal':
      return `"${term.value}"@${term.language}^^${term.datatype.value}`;
    case 'DefaultGraph':
    case 'Variable':
    case 'Quad':
      return term.termType;
  }
}

function tripleKey(q: Quad): string {
  return `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`;
}

/** The quads as triples in the default graph, each once. */
export function dedupeQuads(quads: readonly Quad[]): Quad[] {
  const seen = new Map<string, Quad>();
  for (const q of quads) {
    const key = tripleKey(q);
    if (!seen.has(key)) seen.set(key, DataFactory.quad(q.subject, q.predicate, q.object));
  }
  return [...seen.values()];
}

/** The quads sorted by subject, predicate and object, so that the same data is always written the same way. */
export function sortQuads(quads: readonly Quad[]): Quad[] {
  return quads
    .map((q) => ({ q, key: tripleKey(q) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ q }) => q);
}
