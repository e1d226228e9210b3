import type { Term } from '@rdfjs/types';
import type { FederatedResult } from './federate.js';

/** The response header listing the sources that failed (space-separated URLs, or `local`). */
export const FAILED_SOURCES_HEADER = 'x-tre-atlas-failed-sources';

function jsonTerm(term: Term): Record<string, string> {
  if (term.termType === 'NamedNode') return { type: 'uri', value: term.value };
  if (term.termType === 'BlankNode') return { type: 'bnode', value: term.value };
  if (term.termType === 'Literal') {
    if (term.language) return { type: 'literal', value: term.value, 'xml:lang': term.language };
    const datatype = term.datatype.value;
    return datatype.endsWith('#string')
      ? { type: 'literal', value: term.value }
      : { type: 'literal', value: term.value, datatype };
  }
  return { type: 'literal', value: term.value };
}

/**
 * A federated result as SPARQL 1.1 JSON results, with the `source` variable in every row and two extra top-level
 * members SPARQL JSON readers ignore: `sources` (those that answered, with row counts) and `failures` (those that
 * did not, with an error code and message), plus `note` when given (e.g. that only the local graph was queried).
 */
export function federatedJson(result: FederatedResult, extra: { note?: string } = {}): string {
  const bindings = result.rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([name, term]) => [name, jsonTerm(term)])),
  );
  return JSON.stringify({
    head: { vars: result.variables },
    results: { bindings },
    sources: result.answered,
    failures: result.failed,
    ...(extra.note === undefined ? {} : { note: extra.note }),
  });
}
