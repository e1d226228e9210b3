/**
 * Every SPARQL query the ingestor runs. IRIs are checked by `sparqlIri` before they are written into a query.
 */
import { AtlasError } from '../errors.js';
import { dct, foaf, prov, rdf, sys, tre, xsd } from '../namespaces.js';

/** The meta graph: one record per version of every description graph. */
export const metaGraph = sys('meta');

/** True when `iri` can be written as a SPARQL IRIREF (absolute, no forbidden characters). */
export function isSafeIri(iri: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*$/.test(iri);
}

/** `<iri>`, or `AtlasError('USAGE')` when the IRI cannot be written in SPARQL. */
export function sparqlIri(iri: string): string {
  if (!isSafeIri(iri)) throw new AtlasError('USAGE', `not an absolute IRI: '${iri}'`, { context: { iri } });
  return `<${iri}>`;
}

/**
 * The public triples about `subjects`, outside the graphs in `exclude` (the graphs a batch replaces), as the
 * validation background of a batch. Subjects that cannot be written in SPARQL are skipped.
 */
export function backgroundQuery(subjects: Iterable<string>, exclude: Iterable<string>): string | undefined {
  const values = [...new Set(subjects)].filter(isSafeIri).sort().map(sparqlIri);
  if (values.length === 0) return undefined;
  const excluded = [...new Set(exclude)].filter(isSafeIri).map(sparqlIri);
  const filter = excluded.length === 0 ? '' : `\n  FILTER (?g NOT IN (${excluded.join(', ')}))`;
  return `CONSTRUCT { ?s ?p ?o } WHERE {
  VALUES ?s { ${values.join(' ')} }
  GRAPH ?g { ?s ?p ?o }${filter}
}`;
}

/** Variables of {@link recordsQuery}, one row per version record. */
export type RecordVariable =
  | 'record'
  | 'graph'
  | 'version'
  | 'modified'
  | 'hash'
  | 'submitter'
  | 'source'
  | 'publisher'
  | 'conforms'
  | 'activity'
  | 'withdrawn'
  | 'withdrawnAt';

/**
 * Every version record in the meta graph (of `graphs` only, when given), ordered by graph and version. Run with
 * `{ dataset: 'system' }`.
 */
export function recordsQuery(graphs?: readonly string[]): string {
  const values = graphs === undefined ? '' : `VALUES ?graph { ${graphs.map(sparqlIri).join(' ')} }\n    `;
  return `SELECT ?record ?graph ?version ?modified ?hash ?submitter ?source ?publisher ?conforms ?activity
       ?withdrawn ?withdrawnAt
WHERE {
  GRAPH <${metaGraph}> {
    ${values}?record <${rdf('type')}> <${tre('DescriptionRecord')}> ;
      <${foaf('primaryTopic')}> ?graph ;
      <${tre('versionNumber')}> ?version ;
      <${dct('modified')}> ?modified ;
      <${tre('contentHash')}> ?hash ;
      <${prov('wasAttributedTo')}> ?submitter ;
      <${dct('source')}> ?source .
    OPTIONAL { ?record <${tre('publisher')}> ?publisher }
    OPTIONAL { ?record <${tre('conforms')}> ?conforms }
    OPTIONAL { ?record <${prov('wasGeneratedBy')}> ?activity }
    OPTIONAL { ?record <${tre('withdrawn')}> ?withdrawn }
    OPTIONAL { ?record <${prov('invalidatedAtTime')}> ?withdrawnAt }
  }
}
ORDER BY ?graph ?version`;
}

/** The datatype IRIs the records use. */
export const recordDatatypes = {
  dateTime: xsd('dateTime'),
  integer: xsd('integer'),
  boolean: xsd('boolean'),
} as const;
