import { rdfFormats, serializeRdf } from '../rdf/index.js';
import { isSystemGraph, type GraphStore, type QueryOptions } from '../store/index.js';
import type { ResultFormat } from './resultFormats.js';

/** The dataset of a protocol request (`default-graph-uri`, `named-graph-uri`). */
export interface ProtocolDataset {
  /** Graphs forming the default graph; empty or absent: the union of all descriptions. */
  defaultGraphs?: readonly string[];
  /** Graphs visible to GRAPH patterns; empty or absent: all descriptions. */
  namedGraphs?: readonly string[];
}

/**
 * Store query options for a protocol dataset: naming any system graph (sys namespace) switches to the system
 * dataset, so the meta graph and archived versions are reached only when asked for by name.
 */
export function queryOptionsFor(dataset: ProtocolDataset, options: QueryOptions = {}): QueryOptions {
  const defaultGraphs = [...(dataset.defaultGraphs ?? [])];
  const namedGraphs = [...(dataset.namedGraphs ?? [])];
  const system = [...defaultGraphs, ...namedGraphs].some(isSystemGraph);
  return {
    ...options,
    dataset: system ? 'system' : 'public',
    ...(defaultGraphs.length > 0 ? { defaultGraphs } : {}),
    ...(namedGraphs.length > 0 ? { namedGraphs } : {}),
  };
}

/**
 * Runs a checked query and serialises its answer in `format`. The engine writes every format but JSON-LD,
 * which is written from the parsed quads.
 */
export async function runQuery(
  store: GraphStore,
  query: string,
  format: ResultFormat,
  options: QueryOptions,
): Promise<{ mediaType: string; body: string }> {
  if (format.name === 'jsonld') {
    const result = await store.query(query, options);
    const quads = result.kind === 'quads' ? result.quads : [];
    return { mediaType: format.mediaType, body: await serializeRdf(quads, rdfFormats.jsonld) };
  }
  const raw = await store.queryRaw(query, format.mediaType, options);
  return { mediaType: format.mediaType, body: raw.body };
}
