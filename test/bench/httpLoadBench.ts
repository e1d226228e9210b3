import autocannon from 'autocannon';
import { benchQueries, queryString } from './benchQueries.js';

/** What the HTTP load run measured. */
export interface LoadRun {
  connections: number;
  seconds: number;
  requests: number;
  throughput: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** autocannon against `/queries/{name}` with a mix of the bench queries, bounded in time, loopback only. */
export async function httpLoad(url: string, seconds: number, connections = 32): Promise<LoadRun> {
  const requests = benchQueries.map(({ name, params }) => ({
    method: 'GET' as const,
    path: `/queries/${name}?${queryString(params)}`,
    headers: { accept: 'application/sparql-results+json' },
  }));
  const result = await autocannon({ url, connections, duration: seconds, requests });
  return {
    connections,
    seconds,
    requests: result.requests.total,
    throughput: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
