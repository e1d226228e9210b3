import type { Quad } from '@rdfjs/types';
import { foaf, id, org, rdf, tre, dcat } from '../namespaces.js';

/** The types that make a subject the primary one of a document, in order of precedence. */
const primaryTypes: readonly string[][] = [
  [tre('TrustedResearchEnvironment')],
  [tre('Federation')],
  [org('Organization'), foaf('Organization')],
  [dcat('Catalog')],
];

/**
 * The document's single primary subject: the only IRI typed `tre:TrustedResearchEnvironment`, else the only
 * `tre:Federation`, else the only organisation, else the only `dcat:Catalog`. Undefined when the first type that
 * occurs has several subjects, or none occurs.
 */
export function primarySubject(quads: readonly Quad[]): string | undefined {
  for (const types of primaryTypes) {
    const subjects = new Set(
      quads
        .filter(
          (q) =>
            q.subject.termType === 'NamedNode' &&
            q.predicate.value === rdf('type') &&
            types.includes(q.object.value),
        )
        .map((q) => q.subject.value),
    );
    if (subjects.size > 0) return subjects.size === 1 ? [...subjects][0] : undefined;
  }
  return undefined;
}

/** Lower-case words of `source` joined by `-`, without a file extension. */
export function slugOf(source: string): string {
  const slug = source
    .replace(/\.[A-Za-z0-9]{1,8}$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'document' : slug;
}

/**
 * The graph IRI of a document: the explicit `graph`; else its primary subject (so dereferencing a TRE returns its
 * graph); else the source when it is an http(s) IRI; else `id('graph/' + slug of the source)`.
 */
export function graphIriOf(doc: { quads: readonly Quad[]; source: string; graph?: string }): string {
  if (doc.graph !== undefined) return doc.graph;
  const primary = primarySubject(doc.quads);
  if (primary !== undefined) return primary;
  if (/^https?:\/\/\S+$/i.test(doc.source)) return doc.source;
  return id(`graph/${slugOf(doc.source)}`);
}
