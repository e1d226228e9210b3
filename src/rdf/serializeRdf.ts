import type { Quad } from '@rdfjs/types';
import jsonld from 'jsonld';
import { DataFactory, Writer } from 'n3';
import { prefixes as defaultPrefixes } from '../namespaces.js';
import { bundledDocumentLoader, treAtlasContextUrl } from './bundledContexts.js';
import type { RdfFormat } from './formats.js';
import { usedPrefixes } from './usedPrefixes.js';
import { writeRdfXml } from './writeRdfXml.js';

/** Options of {@link serializeRdf}. */
export interface SerializeRdfOptions {
  /**
   * Prefix -> namespace IRI for Turtle, TriG and RDF/XML (only those used are written) and, as an inline context,
   * for JSON-LD. Default: the prefixes of `src/namespaces.ts`, with JSON-LD compacted against the TRE Atlas
   * context by reference.
   */
  prefixes?: Readonly<Record<string, string>>;
}

const n3Formats: Readonly<Record<string, string>> = {
  turtle: 'Turtle',
  trig: 'TriG',
  ntriples: 'N-Triples',
  nquads: 'N-Quads',
};

/**
 * Writes quads in `format`. Formats without named graphs (Turtle, N-Triples, RDF/XML) write every quad as a triple:
 * graph names are dropped.
 */
export async function serializeRdf(
  quads: readonly Quad[],
  format: RdfFormat,
  options: SerializeRdfOptions = {},
): Promise<string> {
  const data = format.quads ? [...quads] : quads.map(toTriple);
  const prefixes = usedPrefixes(data, options.prefixes ?? defaultPrefixes);
  switch (format.name) {
    case 'turtle':
    case 'trig':
    case 'ntriples':
    case 'nquads': {
      const writer = new Writer({ format: n3Formats[format.name] ?? format.name, prefixes });
      writer.addQuads(data);
      return new Promise((resolve, reject) => {
        writer.end((error, result) => (error === null ? resolve(result) : reject(error)));
      });
    }
    case 'jsonld':
      return writeJsonLd(data, options.prefixes === undefined ? treAtlasContextUrl : prefixes);
    case 'rdfxml':
      return writeRdfXml(data, prefixes);
  }
}

function toTriple(q: Quad): Quad {
  return q.graph.termType === 'DefaultGraph' ? q : DataFactory.quad(q.subject, q.predicate, q.object);
}

async function writeJsonLd(quads: Quad[], context: string | Record<string, string>): Promise<string> {
  const expanded = await jsonld.fromRDF(quads);
  const compacted = await jsonld.compact(
    expanded,
    context as jsonld.ContextDefinition,
    {
      documentLoader: bundledDocumentLoader('serializeRdf'),
    } as unknown as jsonld.Options.Compact,
  );
  return `${JSON.stringify(compacted, null, 2)}\n`;
}
