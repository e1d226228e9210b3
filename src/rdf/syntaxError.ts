import { AtlasError } from '../errors.js';

/** Where in a text: 1-based line and column. */
export interface TextPosition {
  line: number;
  column: number;
}

/** The 1-based line and column of a 0-based UTF-16 offset into `text`. */
export function positionAt(text: string, offset: number): TextPosition {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < clamped; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: clamped - lineStart + 1 };
}

/** The text of 1-based line `line` (without its line break), or '' past the end. */
export function lineText(text: string, line: number): string {
  let start = 0;
  for (let n = 1; n < line; n += 1) {
    const next = text.indexOf('\n', start);
    if (next === -1) return '';
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '');
}

/**
 * An `AtlasError('SYNTAX')` whose message starts `source:line:column:` and whose context carries the location.
 */
export function syntaxError(
  source: string,
  position: TextPosition,
  message: string,
  cause?: unknown,
): AtlasError {
  return new AtlasError('SYNTAX', `${source}:${position.line}:${position.column}: ${message}`, {
    context: { source, line: position.line, column: position.column },
    cause,
  });
}
