import type { Quad_Object } from '@rdfjs/types';
import { DataFactory } from 'n3';

const unescapes: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', n: '\n', r: '\r', t: '\t' };

/** Reads back a term written by `termToString`: `_:label`, a literal in N-Triples syntax, else an IRI. */
export function stringToTerm(text: string): Quad_Object {
  if (text.startsWith('_:')) return DataFactory.blankNode(text.slice(2));
  if (!text.startsWith('"')) return DataFactory.namedNode(text);
  const end = text.lastIndexOf('"');
  const lexical = text.slice(1, end).replace(/\\(["\\nrt])/g, (_, c: string) => unescapes[c] ?? c);
  const rest = text.slice(end + 1);
  if (rest.startsWith('@')) return DataFactory.literal(lexical, rest.slice(1));
  if (rest.startsWith('^^<')) return DataFactory.literal(lexical, DataFactory.namedNode(rest.slice(3, -1)));
  return DataFactory.literal(lexical);
}
