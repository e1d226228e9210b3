import type { Quad } from '@rdfjs/types';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { syntaxError, type TextPosition } from './syntaxError.js';
import { toN3Quads } from './toN3Quads.js';
import { assertSafeXml } from './xmlSafety.js';

/**
 * Parses RDF/XML. A DOCTYPE declaring entities -> `AtlasError('UNSAFE_INPUT')` before parsing; malformed XML or
 * RDF/XML -> `AtlasError('SYNTAX')` with the line and column the parser reports.
 */
export async function parseRdfXml(text: string, source: string, baseIri?: string): Promise<Quad[]> {
  assertSafeXml(text, source);
  const parser = new RdfXmlParser({
    trackPosition: true,
    ...(baseIri === undefined ? {} : { baseIRI: baseIri }),
  });
  const quads: Quad[] = [];
  await new Promise<void>((resolve, reject) => {
    parser.on('data', (quad: Quad) => quads.push(quad));
    parser.on('error', (error: Error) => reject(toSyntaxError(error, text, source)));
    parser.on('end', () => resolve());
    parser.end(text);
  });
  if (quads.length === 0 && !/<[^?!]/.test(text)) {
    throw syntaxError(source, endOf(text), 'no root element: the document is not RDF/XML');
  }
  return toN3Quads(quads, 'x');
}

function toSyntaxError(error: Error, text: string, source: string): Error {
  // rdfxml-streaming-parser: "Line 3 column 8: ..."; saxes: "3:17: ...".
  const located =
    /^Line (\d+) column (\d+): (.*)$/s.exec(error.message) ?? /^(\d+):(\d+): (.*)$/s.exec(error.message);
  if (located === null) return syntaxError(source, endOf(text), error.message, error);
  const [, line, column, message] = located;
  return syntaxError(source, { line: Number(line), column: Number(column) }, message ?? error.message, error);
}

function endOf(text: string): TextPosition {
  const lines = text.split('\n');
  return { line: lines.length, column: (lines.at(-1) ?? '').length + 1 };
}
