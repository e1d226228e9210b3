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

/**
 * The quads sorted by subject, predicate and object, so that the same data is always written the same way; the
 * subjects in `first` come first, in that order.
 */
export function sortQuads(quads: readonly Quad[], first: readonly string[] = []): Quad[] {
  const rank = (q: Quad): string => {
    const at = q.subject.termType === 'NamedNode' ? first.indexOf(q.subject.value) : -1;
    return at < 0 ? `1 ${tripleKey(q)}` : `0 ${String(at).padStart(4, '0')} ${tripleKey(q)}`;
  };
  return quads
    .map((q) => ({ q, key: rank(q) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ q }) => q);
}
