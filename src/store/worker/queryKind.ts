import type { QueryKind } from '../GraphStore.js';

const FORMS: Record<string, QueryKind> = {
  SELECT: 'bindings',
  ASK: 'boolean',
  CONSTRUCT: 'quads',
  DESCRIBE: 'quads',
};

/**
 * The kind of a SPARQL query, read from the first keyword after its prologue (BASE and PREFIX declarations,
 * comments); undefined when it cannot tell (the engine then reports the error).
 */
export function queryKind(sparql: string): QueryKind | undefined {
  const token = /\s+|#[^\n]*|<[^>]*>|[A-Za-z_][\w.-]*:?|[^\s]/gy;
  let expectIri = 0;
  for (let match = token.exec(sparql); match; match = token.exec(sparql)) {
    const text = match[0];
    if (/^\s/.test(text) || text.startsWith('#')) continue;
    if (expectIri > 0) {
      expectIri--;
      continue;
    }
    const upper = text.toUpperCase();
    if (upper === 'BASE') expectIri = 1;
    else if (upper === 'PREFIX') expectIri = 2;
    else return FORMS[upper];
  }
  return undefined;
}
