import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { createHash } from 'node:crypto';
import { dct, rdf, sys, tre, xsd } from '../namespaces.js';
import type { GraphChange, GraphStore } from '../store/index.js';
import type { Validators } from './HttpFetcher.js';

/** What was remembered about one fetched URL. */
export interface UrlState extends Validators {
  url: string;
  /** SHA-256 of the body last read. */
  hash?: string | undefined;
  /** Its paging links (`hydra:next`): followed again when it answers 304. */
  next: string[];
  /** The other documents it led to (FDP catalogues, services): followed again when it answers 304. */
  links: string[];
}

/** What TRE Atlas remembers about one source between runs. */
export interface SourceState {
  id: string;
  /** When the source was last harvested. */
  lastRun?: Date | undefined;
  /** The description graphs this source brought and still provides. */
  graphs: Set<string>;
  /** Per fetched URL: validators, body hash, links. */
  urls: Map<string, UrlState>;
}

/** The IRI (and system graph) of a source's harvest state. */
export function sourceStateIri(id: string): string {
  return sys(`harvest/source/${encodeURIComponent(id)}`);
}

const prefix = sys('harvest/source/');
const n = (iri: string) => DataFactory.namedNode(iri);
const lit = (value: string) => DataFactory.literal(value);

/** Reads the state of every source (one `getGraph` per source graph). */
export async function readAllStates(store: GraphStore): Promise<Map<string, SourceState>> {
  const graphs = (await store.listGraphs({ dataset: 'system' })).filter(
    (g) => g.startsWith(prefix) && !g.slice(prefix.length).includes('/'),
  );
  const states = new Map<string, SourceState>();
  for (const graph of graphs) {
    const state = stateFromQuads(await store.getGraph(graph));
    if (state !== undefined) states.set(state.id, state);
  }
  return states;
}

/** The state recorded in a source's system graph; undefined when it holds none. */
export function stateFromQuads(quads: readonly Quad[]): SourceState | undefined {
  const subjects = new Map<string, Quad[]>();
  for (const q of quads)
    (subjects.get(q.subject.value) ?? subjects.set(q.subject.value, []).get(q.subject.value)!).push(q);
  const source = quads.find(
    (q) => q.predicate.value === rdf('type') && q.object.value === tre('HarvestSource'),
  );
  if (source === undefined) return undefined;
  const own = subjects.get(source.subject.value) ?? [];
  const value = (list: readonly Quad[], p: string) => list.find((q) => q.predicate.value === p)?.object.value;
  const id = value(own, dct('identifier'));
  if (id === undefined) return undefined;
  const last = value(own, tre('lastHarvest'));
  const urls = new Map<string, UrlState>();
  for (const q of own.filter((x) => x.predicate.value === tre('fetchRecord'))) {
    const rec = subjects.get(q.object.value) ?? [];
    const url = value(rec, tre('requestUrl'));
    if (url === undefined) continue;
    urls.set(url, {
      url,
      etag: value(rec, tre('etag')),
      lastModified: value(rec, tre('lastModifiedHeader')),
      hash: value(rec, tre('contentHash')),
      next: rec.filter((x) => x.predicate.value === tre('nextLink')).map((x) => x.object.value),
      links: rec.filter((x) => x.predicate.value === tre('link')).map((x) => x.object.value),
    });
  }
  return {
    id,
    lastRun: last === undefined ? undefined : new Date(last),
    graphs: new Set(
      own.filter((x) => x.predicate.value === tre('harvestedGraph')).map((x) => x.object.value),
    ),
    urls,
  };
}

/** The change that replaces a source's state graph with `state`. */
export function stateChange(state: SourceState): GraphChange {
  const graph = sourceStateIri(state.id);
  const s = n(graph);
  const g = n(graph);
  const out: Quad[] = [
    DataFactory.quad(s, n(rdf('type')), n(tre('HarvestSource')), g),
    DataFactory.quad(s, n(dct('identifier')), lit(state.id), g),
  ];
  if (state.lastRun !== undefined) {
    out.push(
      DataFactory.quad(
        s,
        n(tre('lastHarvest')),
        DataFactory.literal(state.lastRun.toISOString(), n(xsd('dateTime'))),
        g,
      ),
    );
  }
  for (const graphIri of [...state.graphs].sort())
    out.push(DataFactory.quad(s, n(tre('harvestedGraph')), n(graphIri), g));
  for (const u of state.urls.values()) {
    const rec = n(`${graph}/url/${createHash('sha256').update(u.url).digest('hex').slice(0, 32)}`);
    out.push(DataFactory.quad(s, n(tre('fetchRecord')), rec, g));
    out.push(DataFactory.quad(rec, n(tre('requestUrl')), lit(u.url), g));
    if (u.etag !== undefined) out.push(DataFactory.quad(rec, n(tre('etag')), lit(u.etag), g));
    if (u.lastModified !== undefined)
      out.push(DataFactory.quad(rec, n(tre('lastModifiedHeader')), lit(u.lastModified), g));
    if (u.hash !== undefined) out.push(DataFactory.quad(rec, n(tre('contentHash')), lit(u.hash), g));
    for (const link of u.next) out.push(DataFactory.quad(rec, n(tre('nextLink')), lit(link), g));
    for (const link of u.links) out.push(DataFactory.quad(rec, n(tre('link')), lit(link), g));
  }
  return { graph, quads: out };
}
