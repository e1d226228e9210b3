import type { Quad } from '@rdfjs/types';
import type { RdfFormat } from './formats.js';
import { parseJsonLd } from './parseJsonLd.js';
import { parseN3 } from './parseN3.js';
import { parseRdfXml } from './parseRdfXml.js';

/** Options of {@link parseRdf}. */
export interface ParseRdfOptions {
  /** The serialisation of `text`. */
  format: RdfFormat;
  /** Base IRI against which relative IRIs resolve. */
  baseIri?: string;
  /** Name of the input (a file path or URL) used in error messages; default `<input>`. */
  source?: string;
}

/**
 * Parses RDF text into n3 DataFactory quads; blank node labels are unique to each call, so quads of different
 * files never share a blank node. Malformed input -> `AtlasError('SYNTAX')` whose message starts
 * `source:line:column:`; JSON-LD naming an unbundled context -> `AtlasError('REMOTE_CONTEXT')`; RDF/XML declaring
 * entities -> `AtlasError('UNSAFE_INPUT')`.
 */
export async function parseRdf(text: string, options: ParseRdfOptions): Promise<Quad[]> {
  const source = options.source ?? '<input>';
  const { format, baseIri } = options;
  switch (format.name) {
    case 'turtle':
    case 'trig':
    case 'ntriples':
    case 'nquads':
      return parseN3(text, format, source, baseIri);
    case 'jsonld':
      return parseJsonLd(text, source, baseIri);
    case 'rdfxml':
      return parseRdfXml(text, source, baseIri);
  }
}
