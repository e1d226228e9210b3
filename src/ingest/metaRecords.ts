import type { Quad, Term } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { dct, foaf, prov, rdf, sys, tre } from '../namespaces.js';
import { graphKey } from './canonical.js';
import { metaGraph, recordDatatypes, type RecordVariable } from './metaQueries.js';
import type { VersionRecord } from './types.js';

const { namedNode, literal, quad } = DataFactory;

/** IRI of the record of version `n` of `graph`; the graph of that IRI holds the version once archived. */
export function versionIri(graph: string, n: number): string {
  return sys(`version/${graphKey(graph)}/${n}`);
}

/** An IRI-looking string as an IRI, anything else as a plain literal. */
function iriOrLiteral(value: string) {
  return /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/.test(value) ? namedNode(value) : literal(value);
}

/** What a new version record says. */
export interface NewVersion {
  graph: string;
  version: number;
  modified: Date;
  contentHash: string;
  submitter: string;
  source: string;
  publisher: string | undefined;
  conforms: boolean;
  activity: string | undefined;
}

/** The meta-graph quads of a new version record, `prov:wasRevisionOf` the previous version when there is one. */
export function versionRecordQuads(v: NewVersion): Quad[] {
  const record = namedNode(versionIri(v.graph, v.version));
  const g = namedNode(metaGraph);
  const triples: Array<[string, Term]> = [
    [rdf('type'), namedNode(tre('DescriptionRecord'))],
    [rdf('type'), namedNode(prov('Entity'))],
    [foaf('primaryTopic'), namedNode(v.graph)],
    [tre('versionNumber'), literal(String(v.version), namedNode(recordDatatypes.integer))],
    [dct('modified'), literal(v.modified.toISOString(), namedNode(recordDatatypes.dateTime))],
    [tre('contentHash'), literal(v.contentHash)],
    [prov('wasAttributedTo'), iriOrLiteral(v.submitter)],
    [dct('source'), iriOrLiteral(v.source)],
    [tre('conforms'), literal(String(v.conforms), namedNode(recordDatatypes.boolean))],
  ];
  if (v.publisher !== undefined) triples.push([tre('publisher'), iriOrLiteral(v.publisher)]);
  if (v.activity !== undefined) triples.push([prov('wasGeneratedBy'), iriOrLiteral(v.activity)]);
  if (v.version > 1) triples.push([prov('wasRevisionOf'), namedNode(versionIri(v.graph, v.version - 1))]);
  return triples.map(([p, o]) => quad(record, namedNode(p), o as Quad['object'], g));
}

/** The meta-graph quads that mark a version withdrawn (deleted) at `at`. */
export function withdrawalQuads(graph: string, version: number, at: Date): Quad[] {
  const record = namedNode(versionIri(graph, version));
  const g = namedNode(metaGraph);
  return [
    quad(record, namedNode(tre('withdrawn')), literal('true', namedNode(recordDatatypes.boolean)), g),
    quad(
      record,
      namedNode(prov('invalidatedAtTime')),
      literal(at.toISOString(), namedNode(recordDatatypes.dateTime)),
      g,
    ),
  ];
}

/**
 * Version records from the rows of `recordsQuery`, grouped by graph, each list sorted by version; the last version
 * of a graph is `current` unless withdrawn.
 */
export function recordsFromRows(
  rows: ReadonlyArray<Partial<Record<RecordVariable, Term>>>,
): Map<string, VersionRecord[]> {
  const byGraph = new Map<string, Map<number, VersionRecord>>();
  for (const row of rows) {
    const { record, graph, version, modified, hash, submitter, source } = row;
    if (!record || !graph || !version || !modified || !hash || !submitter || !source) continue;
    const n = Number(version.value);
    if (!Number.isInteger(n)) continue;
    const versions = byGraph.get(graph.value) ?? new Map<number, VersionRecord>();
    byGraph.set(graph.value, versions);
    if (versions.has(n)) continue;
    versions.set(n, {
      version: n,
      iri: record.value,
      modified: new Date(modified.value),
      contentHash: hash.value,
      submitter: submitter.value,
      source: source.value,
      ...(row.publisher ? { publisher: row.publisher.value } : {}),
      conforms: row.conforms?.value !== 'false',
      ...(row.activity ? { activity: row.activity.value } : {}),
      current: false,
      withdrawn: row.withdrawn?.value === 'true',
      ...(row.withdrawnAt ? { withdrawnAt: new Date(row.withdrawnAt.value) } : {}),
    });
  }
  const result = new Map<string, VersionRecord[]>();
  for (const [graph, versions] of byGraph) {
    const list = [...versions.values()].sort((a, b) => a.version - b.version);
    const last = list.at(-1);
    if (last !== undefined && !last.withdrawn) last.current = true;
    result.set(graph, list);
  }
  return result;
}
