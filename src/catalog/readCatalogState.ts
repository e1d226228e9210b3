import type { Term } from '@rdfjs/types';
import { createHash } from 'node:crypto';
import { AtlasError } from '../errors.js';
import type { GraphStore, QueryOptions } from '../store/index.js';
import {
  recordsQuery,
  serviceGraphsQuery,
  type RecordVariable,
  type ServiceGraphVariable,
} from './catalogQueries.js';

/** One description listed by the catalogue: a graph holding at least one TRE. */
export interface CatalogItem {
  /** The description graph IRI. */
  graph: string;
  /** The TREs the graph describes, sorted. */
  services: string[];
  /** When TRE Atlas stored the current version (meta record), if known. */
  recorded?: Date;
  /** The latest `dct:modified` the description declares for its TREs, if any. */
  declared?: Date;
}

/** What the catalogue lists right now, read with two SELECTs. */
export interface CatalogState {
  /** Every listed description, sorted by graph IRI. */
  items: CatalogItem[];
  /** Every description graph with a current (not withdrawn) meta record: those a page may include as referenced. */
  described: Set<string>;
  /** The latest change of any description (stored, replaced or withdrawn); undefined for an empty store. */
  lastModified?: Date;
  /** Changes whenever any description or record changes. */
  fingerprint: string;
}

/** The instant an `xsd:date`/`xsd:dateTime` literal names, or undefined. */
export function instantOf(term: Term | undefined): Date | undefined {
  if (term?.termType !== 'Literal') return undefined;
  const date = new Date(term.value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function later(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a.getTime() >= b.getTime() ? a : b;
}

/** The later of the two known modification times of an item. */
export function itemModified(item: CatalogItem): Date | undefined {
  return later(item.recorded, item.declared);
}

async function select<V extends string>(
  store: GraphStore,
  sparql: string,
  options: QueryOptions,
): Promise<Array<Partial<Record<V, Term>>>> {
  const result = await store.query(sparql, options);
  if (result.kind !== 'bindings') {
    throw new AtlasError('INTERNAL', `catalogue query answered ${result.kind}, expected bindings`);
  }
  return result.rows as Array<Partial<Record<V, Term>>>;
}

/**
 * Reads the listed descriptions (public dataset) and the meta records (system dataset): the current version of each
 * graph gives its recorded time; every record and withdrawal counts for `lastModified` and `fingerprint`.
 */
export async function readCatalogState(
  store: GraphStore,
  options: { timeoutMs?: number } = {},
): Promise<CatalogState> {
  const base = options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs };
  const [services, records] = await Promise.all([
    select<ServiceGraphVariable>(store, serviceGraphsQuery(), base),
    select<RecordVariable>(store, recordsQuery(), { ...base, dataset: 'system' }),
  ]);
  const lines: string[] = [];
  const latest = new Map<string, { version: number; modified: Date | undefined; withdrawn: boolean }>();
  let lastModified: Date | undefined;
  for (const row of records) {
    const graph = row.graph?.value;
    const version = Number(row.version?.value);
    const modified = instantOf(row.modified);
    const withdrawnAt = instantOf(row.withdrawnAt);
    lastModified = later(later(lastModified, modified), withdrawnAt);
    lines.push(`r ${graph ?? ''} ${version} ${row.hash?.value ?? ''} ${row.withdrawnAt?.value ?? ''}`);
    if (graph === undefined || !Number.isFinite(version)) continue;
    const seen = latest.get(graph);
    if (seen === undefined || version > seen.version) {
      latest.set(graph, { version, modified, withdrawn: withdrawnAt !== undefined });
    }
  }
  const items = new Map<string, CatalogItem>();
  for (const row of services) {
    const graph = row.graph?.value;
    if (graph === undefined) continue;
    const item = items.get(graph) ?? { graph, services: [] };
    const service = row.service?.value;
    if (service !== undefined && !item.services.includes(service)) item.services.push(service);
    const recorded = latest.get(graph)?.modified;
    if (recorded !== undefined) item.recorded = recorded;
    const declared = later(item.declared, instantOf(row.modified));
    if (declared !== undefined) item.declared = declared;
    items.set(graph, item);
    lines.push(`s ${graph} ${service ?? ''} ${row.modified?.value ?? ''}`);
  }
  for (const item of items.values()) item.services.sort();
  const described = new Set([...latest].filter(([, v]) => !v.withdrawn).map(([graph]) => graph));
  const sorted = [...items.values()].sort((a, b) => (a.graph < b.graph ? -1 : a.graph > b.graph ? 1 : 0));
  if (records.length === 0) for (const item of sorted) lastModified = later(lastModified, item.declared);
  return {
    items: sorted,
    described,
    ...(lastModified === undefined ? {} : { lastModified }),
    fingerprint: createHash('sha256').update(lines.sort().join('\n')).digest('base64url'),
  };
}
