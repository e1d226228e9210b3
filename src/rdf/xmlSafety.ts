import { AtlasError } from '../errors.js';
import { positionAt } from './syntaxError.js';

/**
 * Refuses XML whose DOCTYPE declares entities (entity-expansion bombs, external entities) with
 * `AtlasError('UNSAFE_INPUT')`, before any parser sees it. Linear time.
 */
export function assertSafeXml(text: string, source: string): void {
  for (const doctype of doctypes(text)) {
    const entity = /<!ENTITY\s+(%\s+)?([^\s>]*)/i.exec(text.slice(doctype.start, doctype.end));
    if (entity !== null) refuse(text, source, doctype.start + entity.index, entity[2] ?? '');
  }
}

function refuse(text: string, source: string, offset: number, name: string): never {
  const { line, column } = positionAt(text, offset);
  throw new AtlasError(
    'UNSAFE_INPUT',
    `${source}:${line}:${column}: the DOCTYPE declares entity '${name}'; TRE Atlas refuses XML ` +
      'entity declarations (entity expansion and external entities). Write full IRIs instead of entity references.',
    { context: { source, line, column } },
  );
}

/** The [start, end) ranges of every DOCTYPE declaration (a well-formed document has at most one, in the prolog). */
function* doctypes(text: string): Generator<{ start: number; end: number }> {
  const pattern = /<!DOCTYPE/gi;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const end = doctypeEnd(text, match.index);
    yield { start: match.index, end };
    pattern.lastIndex = end;
  }
}

function skipPast(text: string, pos: number, end: string): number {
  const found = text.indexOf(end, pos);
  return found === -1 ? text.length : found + end.length;
}

/** End of a DOCTYPE starting at `start`: its closing '>' outside quotes, comments and the internal subset. */
function doctypeEnd(text: string, start: number): number {
  let inSubset = false;
  for (let pos = start + 2; pos < text.length; pos += 1) {
    const ch = text[pos];
    if (ch === '"' || ch === "'") pos = skipPast(text, pos + 1, ch) - 1;
    else if (text.startsWith('<!--', pos)) pos = skipPast(text, pos, '-->') - 1;
    else if (ch === '[') inSubset = true;
    else if (ch === ']') inSubset = false;
    else if (ch === '>' && !inSubset) return pos + 1;
  }
  return text.length;
}
