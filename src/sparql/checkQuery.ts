import sparqljs from 'sparqljs';
import { AtlasError } from '../errors.js';
import type { QueryKind } from '../store/index.js';

/** The form of a SPARQL query. */
export type QueryForm = 'SELECT' | 'ASK' | 'CONSTRUCT' | 'DESCRIBE';

/** A query that passed `checkQuery`. */
export interface CheckedQuery {
  /** The query form. */
  form: QueryForm;
  /** The shape of its answer. */
  kind: QueryKind;
}

interface JisonErrorHash {
  loc?: { first_line?: number; first_column?: number };
  line?: number;
}

const kinds: Record<QueryForm, QueryKind> = {
  SELECT: 'bindings',
  ASK: 'boolean',
  CONSTRUCT: 'quads',
  DESCRIBE: 'quads',
};

/** True when any node below `node` is a SERVICE pattern. */
function usesService(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(usesService);
  if (node === null || typeof node !== 'object') return false;
  if ((node as { type?: unknown }).type === 'service') return true;
  return Object.values(node).some(usesService);
}

function syntaxError(error: unknown): AtlasError {
  const hash = (error as { hash?: JisonErrorHash }).hash;
  const line = hash?.loc?.first_line ?? (hash?.line === undefined ? undefined : hash.line + 1);
  const column = hash?.loc?.first_column === undefined ? undefined : hash.loc.first_column + 1;
  const raw = error instanceof Error ? error.message : String(error);
  const where = line === undefined ? 'query' : `query:${line}:${column ?? 1}`;
  const detail = raw.replace(/^Parse error on line \d+:\n/, '');
  return new AtlasError('SYNTAX', `${where}: SPARQL syntax error: ${detail}`, {
    context: { source: 'query', line, column },
    cause: error,
  });
}

/**
 * Parses a SPARQL query with sparqljs and refuses what a read-only public endpoint must not run.
 * Syntax errors -> `AtlasError('SYNTAX')` with `line` and `column` (1-based) in its context and message;
 * updates (including LOAD) and SERVICE -> `AtlasError('USAGE')`.
 */
export function checkQuery(text: string, options: { baseIri?: string } = {}): CheckedQuery {
  const key = `${options.baseIri ?? ''}\n${text}`;
  const known = checked.get(key);
  if (known !== undefined) return known;
  const result = parseAndCheck(text, options);
  if (checked.size >= CHECKED_MAX) checked.delete(checked.keys().next().value!);
  checked.set(key, result);
  return result;
}

/**
 * Queries that passed the check, by text: parsing is most of an endpoint's own cost for a quick query, and clients
 * (portals, named queries, dashboards) send the same texts again and again. Refused queries are not kept.
 */
const checked = new Map<string, CheckedQuery>();
const CHECKED_MAX = 1000;

function parseAndCheck(text: string, options: { baseIri?: string }): CheckedQuery {
  const parser = new sparqljs.Parser(options.baseIri === undefined ? {} : { baseIRI: options.baseIri });
  let parsed: sparqljs.SparqlQuery;
  try {
    parsed = parser.parse(text);
  } catch (error) {
    throw syntaxError(error);
  }
  if (parsed.type === 'update') {
    const ops = parsed.updates.map((u) => ('updateType' in u ? u.updateType : u.type).toUpperCase());
    throw new AtlasError(
      'USAGE',
      `SPARQL updates are not accepted here (${ops.join(', ')}); this endpoint is read-only`,
      {
        context: { operations: ops },
      },
    );
  }
  if (usesService(parsed.where)) {
    throw new AtlasError('USAGE', 'SERVICE is not allowed: this endpoint does not query other endpoints', {
      context: { keyword: 'SERVICE' },
    });
  }
  return { form: parsed.queryType, kind: kinds[parsed.queryType] };
}
