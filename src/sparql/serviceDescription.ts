import type { Quad, Quad_Object, Quad_Subject } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { dct, rdf, sd } from '../namespaces.js';
import { bindingsFormats, graphFormats } from './resultFormats.js';

const namedNode = (iri: string) => DataFactory.namedNode(iri);
const blankNode = (label: string) => DataFactory.blankNode(label);
const literal = (value: string, language: string) => DataFactory.literal(value, language);

/** Options of `serviceDescription`. */
export interface ServiceDescriptionOptions {
  /** The absolute URL of the SPARQL endpoint. */
  endpoint: string;
  /** Public graphs (descriptions) to list as named graphs of the default dataset. */
  namedGraphs?: readonly string[];
  /** Time limit of a query in milliseconds, stated in the description. */
  queryTimeoutMs?: number;
}

/**
 * The SPARQL 1.1 Service Description of the endpoint as quads (default graph): an `sd:Service` with its
 * endpoint, supported language, result formats, features and the default dataset, whose default graph is the
 * union of every description graph (system graphs excluded) and whose named graphs are the descriptions.
 */
export function serviceDescription(options: ServiceDescriptionOptions): Quad[] {
  const quads: Quad[] = [];
  const add = (s: Quad_Subject, p: string, o: Quad_Object): void => {
    quads.push(DataFactory.quad(s, namedNode(p), o));
  };
  const service = namedNode(options.endpoint);
  add(service, rdf('type'), namedNode(sd('Service')));
  add(service, sd('endpoint'), service);
  add(service, sd('supportedLanguage'), namedNode(sd('SPARQL11Query')));
  add(service, sd('feature'), namedNode(sd('UnionDefaultGraph')));
  for (const format of [...bindingsFormats, ...graphFormats]) {
    add(service, sd('resultFormat'), namedNode(format.formatIri));
  }
  const limit =
    options.queryTimeoutMs === undefined ? '' : ` Queries stop after ${options.queryTimeoutMs} ms.`;
  add(
    service,
    dct('description'),
    literal(
      'TRE Atlas SPARQL endpoint (read-only; SERVICE, LOAD and updates are refused). The default graph is the ' +
        'union of all description graphs. System graphs (the meta graph with provenance, archived versions) are ' +
        'queried by naming them in default-graph-uri or named-graph-uri.' +
        limit,
      'en',
    ),
  );
  const dataset = blankNode('defaultDataset');
  add(service, sd('defaultDataset'), dataset);
  add(dataset, rdf('type'), namedNode(sd('Dataset')));
  const defaultGraph = blankNode('defaultGraph');
  add(dataset, sd('defaultGraph'), defaultGraph);
  add(defaultGraph, rdf('type'), namedNode(sd('Graph')));
  add(
    defaultGraph,
    dct('description'),
    literal('The union of all description graphs (every named graph except system graphs).', 'en'),
  );
  (options.namedGraphs ?? []).forEach((graph, index) => {
    const named = blankNode(`namedGraph${index}`);
    add(dataset, sd('namedGraph'), named);
    add(named, rdf('type'), namedNode(sd('NamedGraph')));
    add(named, sd('name'), namedNode(graph));
  });
  return quads;
}
