import type { Quad } from '@rdfjs/types';
import { Parser, type N3ErrorContext } from 'n3';
import type { RdfFormat } from './formats.js';
import { lineText, syntaxError, type TextPosition } from './syntaxError.js';

const n3Formats: Readonly<Record<string, string>> = {
  turtle: 'Turtle',
  trig: 'TriG',
  ntriples: 'N-Triples',
  nquads: 'N-Quads',
};

/** Parses Turtle, TriG, N-Triples or N-Quads with n3; blank nodes get labels unique to this call. */
export function parseN3(text: string, format: RdfFormat, source: string, baseIri?: string): Quad[] {
  const n3Format = n3Formats[format.name];
  if (n3Format === undefined) throw new Error(`parseN3 cannot read ${format.name}`);
  const parser = new Parser({ format: n3Format, ...(baseIri === undefined ? {} : { baseIRI: baseIri }) });
  try {
    return parser.parse(text);
  } catch (error) {
    const context = (error as { context?: N3ErrorContext }).context;
    if (context === undefined || !(error instanceof Error)) throw error;
    const message = error.message.replace(/ on line \d+\.$/, '');
    throw syntaxError(source, n3Position(text, context), message, error);
  }
}

/** 1-based line and column of an n3 error: the offending token, or the first unexpected character. */
function n3Position(text: string, context: N3ErrorContext): TextPosition {
  const { token, previousToken, line } = context;
  if (token?.start !== undefined) return { line: token.line, column: token.start + 1 };
  // A lexer error names no token: the culprit is the first non-blank character after the previous token.
  const lineStr = lineText(text, line);
  const from = previousToken?.line === line && previousToken.end !== undefined ? previousToken.end : 0;
  const offset = lineStr.slice(from).search(/\S/);
  return { line, column: offset === -1 ? from + 1 : from + offset + 1 };
}
