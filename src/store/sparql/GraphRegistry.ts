import { ldp, sys, virtrdf } from '../../namespaces.js';
import type { Dataset } from '../GraphStore.js';
import { isSystemGraph } from '../systemGraphs.js';
import type { GraphSets } from './scopeQuery.js';

/** Prefix of the graphs a batch is loaded into before its one-statement commit. */
export const STAGING_PREFIX = sys('staging/');

/** Virtuoso's service description graph: `http://{DefaultHost}/sparql`. */
const SERVICE_DESCRIPTION = /^https?:\/\/[^/]+\/sparql$/;

/** True for graphs Virtuoso keeps for itself (its schema, the LDP vocabulary, the service description). */
export function isServerGraph(graph: string): boolean {
  return graph.startsWith(virtrdf.iri) || graph === ldp.iri || SERVICE_DESCRIPTION.test(graph);
}

/**
 * The graphs a SparqlStore must keep apart: system graphs (known from the server at open, then from this
 * process's writes), staging graphs in flight, and the server's own graphs. A graph becomes hidden BEFORE data is
 * written to it, so public queries never see system or staging data.
 */
export class GraphRegistry implements GraphSets {
  private readonly systemGraphs = new Set<string>();
  private readonly staging = new Set<string>();
  private readonly server = new Set<string>();

  /** Replaces what is known with a listing of every graph on the server. */
  reset(all: Iterable<string>): void {
    this.systemGraphs.clear();
    this.server.clear();
    for (const graph of all) this.note(graph);
  }

  /** Records a graph seen on the server or about to be written. */
  note(graph: string): void {
    if (graph.startsWith(STAGING_PREFIX)) this.staging.add(graph);
    else if (isSystemGraph(graph)) this.systemGraphs.add(graph);
    else if (isServerGraph(graph)) this.server.add(graph);
  }

  addStaging(graph: string): void {
    this.staging.add(graph);
  }

  removeStaging(graph: string): void {
    this.staging.delete(graph);
  }

  forgetSystem(graph: string): void {
    this.systemGraphs.delete(graph);
  }

  *hidden(): Iterable<string> {
    yield* this.systemGraphs;
    yield* this.staging;
    yield* this.server;
  }

  system(): Iterable<string> {
    return this.systemGraphs;
  }

  inDataset(graph: string, dataset: Dataset): boolean {
    if (graph.startsWith(STAGING_PREFIX) || isServerGraph(graph)) return false;
    return dataset === 'system' ? isSystemGraph(graph) : !isSystemGraph(graph);
  }
}
