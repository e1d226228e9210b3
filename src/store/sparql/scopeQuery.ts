import sparqljs from 'sparqljs';
import { DataFactory } from 'n3';
import { sys } from '../../namespaces.js';
import type { Dataset, QueryOptions } from '../GraphStore.js';

/** The graphs a store knows, to scope a query to the public or the system dataset. */
export interface GraphSets {
  /** Graph IRIs never visible to public queries: system graphs, staging graphs, the server's own graphs. */
  hidden(): Iterable<string>;
  /** The system graphs (the default and named graphs of `dataset: 'system'`). */
  system(): Iterable<string>;
  /** True when `graph` belongs to `dataset`. */
  inDataset(graph: string, dataset: Dataset): boolean;
}

const EMPTY = sys('empty-dataset');
const FROM = /\bFROM\b/i;
const parser = new sparqljs.Parser();
const generator = new sparqljs.Generator();

/**
 * Rewrites a query so that Virtuoso answers it over the right dataset. Virtuoso's default graph is the union of
 * ALL graphs, so a public query gets `define input:default-graph-exclude` and `input:named-graph-exclude` for each
 * hidden graph (few: the system graphs, not the thousands of descriptions); a system query gets
 * `define input:default-graph-uri` / `named-graph-uri` for each system graph. A query with its own FROM clauses,
 * or options naming graphs, gets its FROM / FROM NAMED rewritten with graphs outside the dataset removed
 * (Virtuoso merges protocol `default-graph-uri` with a query's FROM instead of replacing it).
 * The defines go on the first line, so the engine's line numbers stay those of the original text.
 */
export function scopeQuery(sparql: string, options: QueryOptions, graphs: GraphSets): string {
  const dataset = options.dataset ?? 'public';
  const base = options.baseIri ? `BASE <${options.baseIri}> ` : '';
  if (options.defaultGraphs || options.namedGraphs || FROM.test(sparql)) {
    const explicit = explicitDataset(sparql, options, dataset, graphs);
    if (explicit !== undefined) return `define sql:describe-mode "CBD" ${base}${explicit}`;
  }
  // CBD: Virtuoso's default DESCRIBE over the union graph answers nothing; CBD is what oxigraph gives.
  const defines: string[] = ['define sql:describe-mode "CBD"'];
  if (dataset === 'public') {
    for (const g of graphs.hidden())
      defines.push(`define input:default-graph-exclude <${g}> define input:named-graph-exclude <${g}>`);
  } else {
    const system = [...graphs.system()];
    if (system.length === 0) system.push(EMPTY);
    for (const g of system)
      defines.push(`define input:default-graph-uri <${g}> define input:named-graph-uri <${g}>`);
  }
  return `${defines.join(' ')} ${base}${sparql}`;
}

function explicitDataset(
  sparql: string,
  options: QueryOptions,
  dataset: Dataset,
  graphs: GraphSets,
): string | undefined {
  let parsed: sparqljs.SparqlQuery;
  try {
    const reader = options.baseIri ? new sparqljs.Parser({ baseIRI: options.baseIri }) : parser;
    parsed = reader.parse(sparql);
  } catch {
    return undefined; // let the engine report the syntax error with its own position
  }
  if (parsed.type !== 'query') return undefined;
  const fromQuery = parsed.from;
  let defaults = options.defaultGraphs ?? fromQuery?.default.map((t) => t.value);
  let named = options.namedGraphs ?? fromQuery?.named.map((t) => t.value);
  if (!defaults && !named) return undefined;
  defaults = (defaults ?? []).filter((g) => graphs.inDataset(g, dataset));
  named = (named ?? []).filter((g) => graphs.inDataset(g, dataset));
  parsed.from = {
    default: (defaults.length > 0 ? defaults : [EMPTY]).map((g) => DataFactory.namedNode(g)),
    named: (named.length > 0 ? named : [EMPTY]).map((g) => DataFactory.namedNode(g)),
  };
  return generator.stringify(parsed);
}
