import type { Quad } from '@rdfjs/types';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { lineText, positionAt, syntaxError, type TextPosition } from './syntaxError.js';
import { toN3Quads } from './toN3Quads.js';
import { assertSafeXml } from './xmlSafety.js';

/**
 * Parses RDF/XML. A DOCTYPE declaring entities -> `AtlasError('UNSAFE_INPUT')` before parsing; malformed XML or
 * RDF/XML -> `AtlasError('SYNTAX')` with the line and column the parser reports.
 */
export async function parseRdfXml(text: string, source: string, baseIri?: string): Promise<Quad[]> {
  assertSafeXml(text, source);
  assertNoBareAmpersand(text, source);
  const parser = new RdfXmlParser({
    trackPosition: true,
    ...(baseIri === undefined ? {} : { baseIRI: baseIri }),
  });
  const quads: Quad[] = [];
  const errors: Error[] = [];
  const finished = new Promise<void>((resolve) => {
    parser.on('data', (quad: Quad) => quads.push(quad));
    parser.on('error', (error: Error) => errors.push(error));
    parser.on('end', () => resolve());
    parser.on('close', () => resolve());
  });
  parser.write(text);
  // The parser reports RDF/XML errors asynchronously: let them arrive before the end-of-input checks.
  await new Promise((resolve) => setImmediate(resolve));
  if (errors.length === 0) {
    closeXml(parser);
    parser.end();
    await finished;
  }
  const [first] = errors;
  if (first !== undefined) throw toSyntaxError(first, text, source);
  return toN3Quads(quads, 'x');
}

/**
 * A '&' that starts no entity or character reference makes the XML tokenizer swallow the rest of the document and
 * report a misleading error at its end: report the '&' itself.
 */
function assertNoBareAmpersand(text: string, source: string): void {
  // Comments, CDATA sections and processing instructions may hold a bare '&': blank them out, keeping offsets.
  const blanked = text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>/g, (m) =>
    m.replace(/[^\n]/g, ' '),
  );
  const bare = /&(?![A-Za-z_:][\w.:-]*;|#[0-9]+;|#x[0-9a-fA-F]+;)/.exec(blanked);
  if (bare !== null) {
    throw syntaxError(source, positionAt(text, bare.index), "a bare '&' (write it as &amp;)");
  }
}

/**
 * rdfxml-streaming-parser never closes its XML tokenizer, so an unclosed element or an unterminated entity
 * reference at the end of the input would go unnoticed: close it, so that such errors reach the 'error' event.
 */
function closeXml(parser: RdfXmlParser): void {
  const sax = (parser as unknown as { saxParser?: { close?: () => void } }).saxParser;
  if (typeof sax?.close !== 'function')
    throw new Error('rdfxml-streaming-parser internals changed: no saxParser');
  sax.close();
}

function toSyntaxError(error: Error, text: string, source: string): Error {
  // rdfxml-streaming-parser: "Line 3 column 8: ..." (1-based); saxes: "3:17: ..." (0-based column).
  const rdf = /^Line (\d+) column (\d+): (.*)$/s.exec(error.message);
  const xml = rdf === null ? /^(\d+):(\d+): (.*)$/s.exec(error.message) : null;
  const located = rdf ?? xml;
  if (located === null) return syntaxError(source, endOf(text), error.message, error);
  const [, line, column, message] = located;
  const oneBased = Number(column) + (xml === null ? 0 : 1);
  const position = tagStart(text, { line: Number(line), column: oneBased });
  return syntaxError(source, position, message ?? error.message, error);
}

/** The parsers report the position just after the offending tag: point at its '<' instead, when on the same line. */
function tagStart(text: string, position: TextPosition): TextPosition {
  const lineStr = lineText(text, position.line);
  if (lineStr[position.column - 2] !== '>') return position;
  const open = lineStr.lastIndexOf('<', position.column - 2);
  return open === -1 ? position : { line: position.line, column: open + 1 };
}

function endOf(text: string): TextPosition {
  const lines = text.split('\n');
  return { line: lines.length, column: (lines.at(-1) ?? '').length + 1 };
}
