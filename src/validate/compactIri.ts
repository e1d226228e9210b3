import { prefixes } from '../namespaces.js';

const byLength = Object.entries(prefixes).sort(([, a], [, b]) => b.length - a.length);
const localPattern = /^[A-Za-z_][\w-]*(\.[\w-]+)*$/;

/** `dct:title` for a known namespace and a simple local name, else `<iri>`. */
export function compactIri(iri: string): string {
  for (const [prefix, ns] of byLength) {
    if (iri.startsWith(ns) && localPattern.test(iri.slice(ns.length)))
      return `${prefix}:${iri.slice(ns.length)}`;
  }
  return `<${iri}>`;
}

/** Shortens every `<iri>` in a SPARQL path, or a bare IRI (a simple path). */
export function compactPath(path: string): string {
  return path.startsWith('<') || path.startsWith('^') || path.startsWith('(')
    ? path.replace(/<([^>]*)>/g, (_, iri: string) => compactIri(iri))
    : compactIri(path);
}

/** Shortens the datatype of a literal written in N-Triples syntax; other values are returned unchanged. */
export function compactValue(value: string): string {
  if (!value.startsWith('"')) return value;
  return value.replace(/\^\^<([^>]*)>$/, (_, iri: string) => `^^${compactIri(iri)}`);
}
