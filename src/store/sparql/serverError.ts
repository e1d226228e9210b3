import sparqljs from 'sparqljs';
import { AtlasError } from '../../errors.js';
import type { HttpAnswer } from './SparqlHttp.js';

/** Where sparqljs finds a syntax error in `sparql`, when it finds one. */
function syntaxPosition(sparql: string): { line: number; column: number } | undefined {
  try {
    new sparqljs.Parser().parse(sparql);
  } catch (error) {
    const loc = (error as { hash?: { loc?: { first_line?: number; first_column?: number } } }).hash?.loc;
    if (loc?.first_line !== undefined) return { line: loc.first_line, column: (loc.first_column ?? 0) + 1 };
  }
  return undefined;
}

/**
 * Maps a failed answer of a SPARQL server to a typed error. Virtuoso's messages carry an SQL state:
 * `37000` / `SP030` (syntax) -> `SYNTAX` with the position (from sparqljs when the server gives only a line),
 * `S1T00` / `S1TAT` (time limits) -> `TIMEOUT`, `42000` (permissions) -> `FORBIDDEN`, other 4xx -> `USAGE`,
 * 5xx -> `UNAVAILABLE`.
 */
export function serverError(answer: HttpAnswer, what: string, sparql?: string): AtlasError {
  const message = answer.body.replace(/\s+/g, ' ').trim().slice(0, 600);
  const context = { status: answer.status, server: message };
  if (/\bSP030\b|syntax error/i.test(message) && sparql !== undefined) {
    const line = /line (\d+)/.exec(message);
    const position = syntaxPosition(sparql) ?? { line: line ? Number(line[1]) : 1, column: 1 };
    return new AtlasError('SYNTAX', `query:${position.line}:${position.column}: ${message}`, {
      context: { ...context, source: 'query', ...position },
    });
  }
  if (/\bS1T00\b|\bS1TAT\b|timeout|estimated execution time/i.test(message))
    return new AtlasError('TIMEOUT', `${what}: the server stopped at its time limit: ${message}`, {
      context,
    });
  if (answer.status === 403 || /\b42000\b|SECURITY/.test(message))
    return new AtlasError('FORBIDDEN', `${what}: refused by the server: ${message}`, { context });
  if (answer.status >= 400 && answer.status < 500 && answer.status !== 408)
    return new AtlasError('USAGE', `${what}: ${answer.status} ${message}`, { context });
  return new AtlasError('UNAVAILABLE', `${what}: ${answer.status} ${message}`, { context });
}
