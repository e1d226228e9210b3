import http from 'node:http';
import type ox from 'oxigraph';
import type { NamedQueries } from '../../src/sparql/index.js';
import { benchQueries } from './benchQueries.js';
import { medianOf } from './stats.js';

/** One named query measured both ways. */
export interface QueryTiming {
  name: string;
  label: string;
  rows: number;
  /** Median on oxigraph in this process, results serialised as SPARQL JSON. */
  directMs: number;
  /** Median through `POST /sparql` of the server, SPARQL JSON, body read. */
  endpointMs: number;
  /** The target: within 1.3x for queries of 10 ms or more directly, else within +2 ms. */
  withinTarget: boolean;
}

/** One keep-alive connection pool for the whole run, as a benchmarking client would hold (node:http, no fetch layer). */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** POSTs a query (application/sparql-query, SPARQL JSON wanted) and reads the whole answer. */
function postQuery(url: string, text: string, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/sparql-query',
          accept: 'application/sparql-results+json',
          'content-length': Buffer.byteLength(text),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          response.statusCode === 200
            ? resolve()
            : reject(new Error(`${name}: HTTP ${response.statusCode} ${Buffer.concat(chunks).toString()}`)),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(text);
  });
}

/** Medians of every bench query in-process on oxigraph and through the server's SPARQL endpoint. */
export async function benchQueriesSideBySide(options: {
  direct: ox.Store;
  url: string;
  queries: NamedQueries;
  runs: number;
}): Promise<QueryTiming[]> {
  const out: QueryTiming[] = [];
  // Steady state first: the server has just started (JIT, worker threads, first answers), so run the whole mix a few
  // times unmeasured, on both sides, before any timing.
  for (let round = 0; round < 3; round++) {
    for (const { name, params } of benchQueries) {
      const text = options.queries.bind(name, params);
      options.direct.query(text, {
        use_default_graph_as_union: true,
        results_format: 'application/sparql-results+json',
      });
      await postQuery(`${options.url}/sparql`, text, name);
    }
  }
  for (const { name, label, params } of benchQueries) {
    const text = options.queries.bind(name, params);
    const json = (): string =>
      options.direct.query(text, {
        use_default_graph_as_union: true,
        results_format: 'application/sparql-results+json',
      }) as string;
    const rows = (JSON.parse(json()) as { results: { bindings: unknown[] } }).results.bindings.length;
    const viaHttp = (): Promise<void> => postQuery(`${options.url}/sparql`, text, name);
    // Interleave the two measurements so that drift of the machine affects both alike.
    const directMs: number[] = [];
    const endpointMs: number[] = [];
    for (let round = 0; round < 3; round++) {
      directMs.push(await medianOf(Math.ceil(options.runs / 3), 1, json));
      endpointMs.push(await medianOf(Math.ceil(options.runs / 3), 1, viaHttp));
    }
    const d = [...directMs].sort((a, b) => a - b)[1]!;
    const e = [...endpointMs].sort((a, b) => a - b)[1]!;
    out.push({
      name,
      label,
      rows,
      directMs: d,
      endpointMs: e,
      withinTarget: d >= 10 ? e <= 1.3 * d : e <= d + 2,
    });
  }
  return out;
}
