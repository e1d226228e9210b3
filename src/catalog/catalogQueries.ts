/**
 * Every SPARQL query the catalogue runs. IRIs are checked (`isSafeIri`) before they are written into a query.
 */
import { dct, foaf, prov, rdf, tre } from '../namespaces.js';
import { metaGraph } from '../ingest/index.js';

/** True when `iri` can be written as a SPARQL IRIREF. */
export function isSafeIri(iri: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*$/.test(iri);
}

/** Variables of {@link serviceGraphsQuery}. */
export type ServiceGraphVariable = 'graph' | 'service' | 'modified';

/**
 * Public dataset: every description graph holding a TRE, the TRE and its declared `dct:modified` (one row per TRE
 * and value; a TRE without one gives an unbound `?modified`).
 */
export function serviceGraphsQuery(): string {
  return `SELECT ?graph ?service ?modified WHERE {
  GRAPH ?graph {
    ?service <${rdf('type')}> <${tre('TrustedResearchEnvironment')}> .
    OPTIONAL { ?service <${dct('modified')}> ?modified }
  }
}`;
}

/** Variables of {@link recordsQuery}. */
export type RecordVariable = 'graph' | 'version' | 'modified' | 'hash' | 'withdrawnAt';

/**
 * System dataset: every version record of the meta graph, with its time and content hash and, for a withdrawal,
 * the time the description was withdrawn.
 */
export function recordsQuery(): string {
  return `SELECT ?graph ?version ?modified ?hash ?withdrawnAt WHERE {
  GRAPH <${metaGraph}> {
    ?record <${rdf('type')}> <${tre('DescriptionRecord')}> ;
      <${foaf('primaryTopic')}> ?graph ;
      <${tre('versionNumber')}> ?version ;
      <${dct('modified')}> ?modified .
    OPTIONAL { ?record <${tre('contentHash')}> ?hash }
    OPTIONAL { ?record <${prov('invalidatedAtTime')}> ?withdrawnAt }
  }
}`;
}

/**
 * Public dataset: all triples of the named graphs `graphs` (IRIs that cannot be written in SPARQL are skipped);
 * undefined when none is left.
 */
export function graphsContentQuery(graphs: Iterable<string>): string | undefined {
  const values = [...new Set(graphs)].filter(isSafeIri).sort();
  if (values.length === 0) return undefined;
  return `CONSTRUCT { ?s ?p ?o } WHERE {
  VALUES ?g { ${values.map((g) => `<${g}>`).join(' ')} }
  GRAPH ?g { ?s ?p ?o }
}`;
}
