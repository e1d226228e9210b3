/**
 * Bench: a listing of 100 TREs with nested fields through GraphQL, against the equivalent hand-written SPARQL
 * through /sparql, on the same running server, measured alternately in one run. Called by `test/bench/run.ts`.
 */
import { performance } from 'node:perf_hooks';

/** What the bench needs: a running server loaded with (at least 100 TREs of) the synthetic catalogue. */
export interface GraphqlBenchContext {
  /** Base URL of the server, e.g. `http://127.0.0.1:8080` (no trailing slash). */
  baseUrl: string;
  /** Measured runs per side (default 20). */
  iterations?: number;
  /** Unmeasured runs per side first (default 3). */
  warmup?: number;
  /** The fetch to use (default the global one). */
  fetch?: typeof fetch;
}

/** The medians side by side. */
export interface GraphqlBenchResult {
  name: string;
  graphqlMedianMs: number;
  sparqlMedianMs: number;
  /** graphql / sparql: below 1.5 meets the target. */
  ratio: number;
  /** TREs each side returned (both must be 100). */
  tres: { graphql: number; sparql: number };
  /** One line for a results table. */
  summary: string;
}

const graphqlQuery = `{
  tres(first: 100) {
    nodes {
      id
      title
      publisher { id name }
      country { iri }
      certification { standard { iri } expires }
      control { safeCode }
      interface { type { iri } endpointUrl }
    }
  }
}`;

/** The same data by hand: the first 100 TREs by IRI, each nested node reached in its own UNION branch. */
const sparqlQuery = `PREFIX tre: <https://w3id.org/tre-atlas/ns#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX dcat: <http://www.w3.org/ns/dcat#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX schema: <https://schema.org/>
CONSTRUCT {
  ?tre dct:title ?title ; dct:publisher ?pub ; dct:spatial ?country ;
       schema:hasCertification ?cert ; tre:hasControl ?ctl ; tre:hasInterface ?if .
  ?pub foaf:name ?pubName .
  ?cert dct:conformsTo ?std ; schema:expires ?expires .
  ?ctl tre:addressesSafe ?safe .
  ?if tre:interfaceType ?itype ; dcat:endpointURL ?ep .
}
WHERE {
  { SELECT ?tre WHERE { ?tre a tre:TrustedResearchEnvironment } ORDER BY STR(?tre) LIMIT 100 }
  { ?tre dct:title ?title ; dct:spatial ?country ; dct:publisher ?pub . OPTIONAL { ?pub foaf:name ?pubName } }
  UNION { ?tre schema:hasCertification ?cert . ?cert dct:conformsTo ?std . OPTIONAL { ?cert schema:expires ?expires } }
  UNION { ?tre tre:hasControl ?ctl . ?ctl tre:addressesSafe ?safe }
  UNION { ?tre tre:hasInterface ?if . ?if tre:interfaceType ?itype ; dcat:endpointURL ?ep }
}`;

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Runs the bench against `ctx.baseUrl`; throws when a side fails or returns other than 100 TREs. */
export async function benchGraphql(ctx: GraphqlBenchContext): Promise<GraphqlBenchResult> {
  const doFetch = ctx.fetch ?? fetch;
  const base = ctx.baseUrl.replace(/\/+$/, '');
  const viaGraphql = async (): Promise<number> => {
    const response = await doFetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: graphqlQuery }),
    });
    const body = (await response.json()) as { data?: { tres?: { nodes: unknown[] } }; errors?: unknown };
    if (!response.ok || body.errors !== undefined)
      throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
    return body.data?.tres?.nodes.length ?? 0;
  };
  const viaSparql = async (): Promise<number> => {
    const response = await doFetch(`${base}/sparql`, {
      method: 'POST',
      headers: { 'content-type': 'application/sparql-query', accept: 'application/n-triples' },
      body: sparqlQuery,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`SPARQL failed: ${response.status} ${text.slice(0, 200)}`);
    return new Set(
      text
        .split('\n')
        .filter((l) => l.includes('<http://purl.org/dc/terms/title>'))
        .map((l) => l.split(' ')[0]),
    ).size;
  };
  const time = async (run: () => Promise<number>): Promise<[number, number]> => {
    const start = performance.now();
    const count = await run();
    return [performance.now() - start, count];
  };
  for (let i = 0; i < (ctx.warmup ?? 3); i += 1) {
    await viaGraphql();
    await viaSparql();
  }
  const graphqlSamples: number[] = [];
  const sparqlSamples: number[] = [];
  const tres = { graphql: 0, sparql: 0 };
  for (let i = 0; i < (ctx.iterations ?? 20); i += 1) {
    const [g, gCount] = await time(viaGraphql);
    const [s, sCount] = await time(viaSparql);
    graphqlSamples.push(g);
    sparqlSamples.push(s);
    tres.graphql = gCount;
    tres.sparql = sCount;
  }
  if (tres.graphql !== 100 || tres.sparql !== 100) {
    throw new Error(
      `expected 100 TREs each side; got GraphQL ${tres.graphql}, SPARQL ${tres.sparql} (load >= 100 TREs)`,
    );
  }
  const graphqlMedianMs = median(graphqlSamples);
  const sparqlMedianMs = median(sparqlSamples);
  const ratio = graphqlMedianMs / sparqlMedianMs;
  const name = 'listing of 100 TREs with nested fields: GraphQL vs hand-written SPARQL';
  return {
    name,
    graphqlMedianMs,
    sparqlMedianMs,
    ratio,
    tres,
    summary: `${name}: GraphQL ${graphqlMedianMs.toFixed(1)} ms, SPARQL ${sparqlMedianMs.toFixed(1)} ms (median), ratio ${ratio.toFixed(2)}x`,
  };
}
