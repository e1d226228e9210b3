import { formats } from '../namespaces.js';
import type { QueryKind } from '../store/index.js';
import { negotiateMediaType } from './negotiateMediaType.js';

/** A serialisation of query results the endpoint offers. */
export interface ResultFormat {
  /** Short name. */
  readonly name: 'json' | 'xml' | 'csv' | 'tsv' | 'turtle' | 'ntriples' | 'jsonld' | 'rdfxml';
  /** The media type sent in `Content-Type`. */
  readonly mediaType: string;
  /** Further media types a client may ask for to get it. */
  readonly aliases: readonly string[];
  /** Its W3C format IRI (`http://www.w3.org/ns/formats/...`), named in the Service Description. */
  readonly formatIri: string;
}

/** Formats for SELECT and ASK results, preferred first. */
export const bindingsFormats: readonly ResultFormat[] = Object.freeze([
  {
    name: 'json',
    mediaType: 'application/sparql-results+json',
    aliases: ['application/json'],
    formatIri: formats('SPARQL_Results_JSON'),
  },
  {
    name: 'xml',
    mediaType: 'application/sparql-results+xml',
    aliases: ['application/xml', 'text/xml'],
    formatIri: formats('SPARQL_Results_XML'),
  },
  { name: 'csv', mediaType: 'text/csv', aliases: [], formatIri: formats('SPARQL_Results_CSV') },
  {
    name: 'tsv',
    mediaType: 'text/tab-separated-values',
    aliases: [],
    formatIri: formats('SPARQL_Results_TSV'),
  },
]);

/** Formats for CONSTRUCT and DESCRIBE results (and RDF documents), preferred first. */
export const graphFormats: readonly ResultFormat[] = Object.freeze([
  {
    name: 'turtle',
    mediaType: 'text/turtle',
    aliases: ['application/x-turtle'],
    formatIri: formats('Turtle'),
  },
  { name: 'ntriples', mediaType: 'application/n-triples', aliases: [], formatIri: formats('N-Triples') },
  { name: 'jsonld', mediaType: 'application/ld+json', aliases: [], formatIri: formats('JSON-LD') },
  { name: 'rdfxml', mediaType: 'application/rdf+xml', aliases: [], formatIri: formats('RDF_XML') },
]);

/** The formats offered for a query kind. */
export function formatsFor(kind: QueryKind): readonly ResultFormat[] {
  return kind === 'quads' ? graphFormats : bindingsFormats;
}

/**
 * Picks a format among `formats` for an `Accept` header (absent: the first). Undefined when none is
 * acceptable: the caller answers 406.
 */
export function negotiateResultFormat(
  accept: string | undefined,
  formats: readonly ResultFormat[],
): ResultFormat | undefined {
  const offers = formats.flatMap((f) => [f.mediaType, ...f.aliases]);
  const chosen = negotiateMediaType(accept, offers);
  return chosen === undefined
    ? undefined
    : formats.find((f) => f.mediaType === chosen || f.aliases.includes(chosen));
}
