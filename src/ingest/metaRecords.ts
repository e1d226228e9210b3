import type { Quad, Term } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { dct, foaf, prov, rdf, sys, tre } from '../namespaces.js';
import { graphKey } from './canonical.js';
import { metaGraph, recordDatatypes, type RecordVariable } from './metaQueries.js';
import type { VersionRecord } from './types.js';

/** IRI of the record of version `n` of `graph`; the graph of that IRI holds the version once archived. */
export function versionIri(graph: string, n: number): string {
  return sys(`version/${graphKey(graph)}/${n}`);
}

/** An IRI-looking string as an IRI, anything else as a plain literal. */
function iriOrLiteral(value: string) {
  return /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/.test(value)
    ? DataFactory.namedNode(value)
    : DataFactory.literal(value);
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
  const record = DataFactory.namedNode(versionIri(v.graph, v.version));
  const g = DataFactory.namedNode(metaGraph);
  const triples: Array<[string, Term]> = [
    [rdf('type'), DataFactory.namedNode(tre('DescriptionRecord'))],
    [rdf('type'), DataFactory.namedNode(prov('Entity'))],
    [foaf('primaryTopic'), DataFactory.namedNode(v.graph)],
    [
      tre('versionNumber'),
      DataFactory.literal(String(v.version), DataFactory.namedNode(recordDatatypes.integer)),
    ],
    [
      dct('modified'),
      DataFactory.literal(v.modified.toISOString(), DataFactory.namedNode(recordDatatypes.dateTime)),
    ],
    [tre('contentHash'), DataFactory.literal(v.contentHash)],
    [prov('wasAttributedTo'), iriOrLiteral(v.submitter)],
    [dct('source'), iriOrLiteral(v.source)],
    [
      tre('conforms'),
      DataFactory.literal(String(v.conforms), DataFactory.namedNode(recordDatatypes.boolean)),
    ],
  ];
  if (v.publisher !== undefined) triples.push([tre('publisher'), iriOrLiteral(v.publisher)]);
  if (v.activity !== undefined) triples.push([prov('wasGeneratedBy'), iriOrLiteral(v.activity)]);
  if (v.version > 1)
    triples.push([prov('wasRevisionOf'), DataFactory.namedNode(versionIri(v.graph, v.version - 1))]);
  return triples.map(([p, o]) => DataFactory.quad(record, DataFactory.namedNode(p), o as Quad['object'], g));
}

/** The meta-graph quads that mark a version withdrawn (deleted) at `at`. */
export function withdrawalQuads(graph: string, version: number, at: Date): Quad[] {
  const record = DataFactory.namedNode(versionIri(graph, version));
  const g = DataFactory.namedNode(metaGraph);
  return [
    DataFactory.quad(
      record,
      DataFactory.namedNode(tre('withdrawn')),
      DataFactory.literal('true', DataFactory.namedNode(recordDatatypes.boolean)),
      g,
    ),
    DataFactory.quad(
      record,
      DataFactory.namedNode(prov('invalidatedAtTime')),
      DataFactory.literal(at.toISOString(), DataFactory.namedNode(recordDatatypes.dateTime)),
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
