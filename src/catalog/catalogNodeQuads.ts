import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { createHash } from 'node:crypto';
import { dcat, dct, foaf, rdf, rdfs, xsd } from '../namespaces.js';
import type { CatalogSettings } from './CatalogSettings.js';

/** One listed description as the catalogue record shows it. */
export interface RecordEntry {
  /** The description graph. */
  graph: string;
  /** The service the record is about (`foaf:primaryTopic`). */
  topic: string;
  /** The record's `dct:modified`. */
  modified?: Date | undefined;
  /** A URL where the description graph alone can be fetched (`rdfs:seeAlso`), if any. */
  document?: string | undefined;
}

/** What one page (or the whole catalogue) lists. */
export interface CatalogListing {
  services: readonly string[];
  datasets: readonly string[];
  records: readonly RecordEntry[];
  /** The catalogue's `dct:modified`. */
  modified?: Date | undefined;
}

/** The IRI of the catalogue record of a description graph. */
export function recordIri(settings: CatalogSettings, graph: string): string {
  return `${settings.iri}/record/${createHash('sha256').update(graph).digest('hex').slice(0, 32)}`;
}

function dateTime(date: Date) {
  return DataFactory.literal(date.toISOString(), DataFactory.namedNode(xsd('dateTime')));
}

/**
 * The `dcat:Catalog` node with title, description, publisher (a `foaf:Agent` with `foaf:name`), `dcat:service`,
 * `dcat:dataset` and one `dcat:CatalogRecord` per description.
 */
export function catalogNodeQuads(settings: CatalogSettings, listing: CatalogListing): Quad[] {
  const catalog = DataFactory.namedNode(settings.iri);
  const publisher = DataFactory.namedNode(settings.publisher.iri);
  const p = (local: string) => DataFactory.namedNode(local);
  const text = (value: string) => DataFactory.literal(value, settings.language);
  const out: Quad[] = [
    DataFactory.quad(catalog, p(rdf('type')), p(dcat('Catalog'))),
    DataFactory.quad(catalog, p(dct('title')), text(settings.title)),
    DataFactory.quad(catalog, p(dct('description')), text(settings.description)),
    DataFactory.quad(catalog, p(dct('publisher')), publisher),
    DataFactory.quad(publisher, p(rdf('type')), p(foaf('Agent'))),
    DataFactory.quad(publisher, p(rdf('type')), p(foaf('Organization'))),
    DataFactory.quad(publisher, p(foaf('name')), text(settings.publisher.name)),
  ];
  if (settings.homepage !== undefined) {
    out.push(DataFactory.quad(catalog, p(foaf('homepage')), p(settings.homepage)));
    out.push(DataFactory.quad(p(settings.homepage), p(rdf('type')), p(foaf('Document'))));
  }
  if (listing.modified !== undefined)
    out.push(DataFactory.quad(catalog, p(dct('modified')), dateTime(listing.modified)));
  for (const service of listing.services) out.push(DataFactory.quad(catalog, p(dcat('service')), p(service)));
  for (const dataset of listing.datasets) out.push(DataFactory.quad(catalog, p(dcat('dataset')), p(dataset)));
  for (const entry of listing.records) {
    const record = p(recordIri(settings, entry.graph));
    out.push(DataFactory.quad(catalog, p(dcat('record')), record));
    out.push(DataFactory.quad(record, p(rdf('type')), p(dcat('CatalogRecord'))));
    out.push(DataFactory.quad(record, p(foaf('primaryTopic')), p(entry.topic)));
    if (entry.modified !== undefined)
      out.push(DataFactory.quad(record, p(dct('modified')), dateTime(entry.modified)));
    if (entry.document !== undefined)
      out.push(DataFactory.quad(record, p(rdfs('seeAlso')), p(entry.document)));
  }
  return out;
}
