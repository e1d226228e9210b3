import type { QueryEngine } from '@comunica/query-sparql';

let engine: Promise<QueryEngine> | undefined;

/**
 * The one comunica engine of this process, created on first use (its start-up costs about a second, so it is
 * built once and only when a federated query is asked for).
 */
export function sharedEngine(): Promise<QueryEngine> {
  engine ??= import('@comunica/query-sparql').then((module) => new module.QueryEngine());
  return engine;
}
