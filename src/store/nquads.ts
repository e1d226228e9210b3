import type { Quad, Term } from '@rdfjs/types';
import { AtlasError } from '../errors.js';
import { rdf, xsd } from '../namespaces.js';

const IRI_FORBIDDEN = /[\u0000-\u0020<>"{}|^`\\]/;
const IRI_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const LANGUAGE = /^[A-Za-z]+(?:-[A-Za-z0-9]+)*$/;
const BLANK_LABEL = /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$/;
const XSD_STRING = xsd('string');
const LANG_STRING = rdf('langString');
const DIR_LANG_STRING = rdf('dirLangString');

/** True when `iri` is absolute and holds no character N-Quads forbids in an IRI. */
export function isValidIri(iri: string): boolean {
  return IRI_SCHEME.test(iri) && !IRI_FORBIDDEN.test(iri);
}

/** Throws `AtlasError('USAGE')` unless `iri` is a valid absolute IRI. */
export function assertIri(iri: string, where: string): void {
  if (!isValidIri(iri)) {
    throw new AtlasError('USAGE', `${where}: invalid IRI <${iri}>`, { context: { iri } });
  }
}

function escapeLiteral(value: string): string {
  return value.replace(/[\\"\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '"' ? '\\"' : c === '\n' ? '\\n' : '\\r',
  );
}

function blankLabel(value: string): string {
  return BLANK_LABEL.test(value) ? value : 'x' + Buffer.from(value, 'utf8').toString('hex');
}

/** Writes one term in N-Quads syntax, validating it; `where` names the change for error messages. */
export function termToNQuads(term: Term, where: string): string {
  switch (term.termType) {
    case 'NamedNode':
      assertIri(term.value, where);
      return `<${term.value}>`;
    case 'BlankNode':
      return `_:${blankLabel(term.value)}`;
    case 'Literal': {
      const text = `"${escapeLiteral(term.value)}"`;
      if (term.language) {
        if (!LANGUAGE.test(term.language)) {
          throw new AtlasError('USAGE', `${where}: invalid language tag "${term.language}"`);
        }
        const direction = (term as { direction?: string }).direction;
        return direction ? `${text}@${term.language}--${direction}` : `${text}@${term.language}`;
      }
      const datatype = term.datatype.value;
      if (datatype === XSD_STRING || datatype === '') return text;
      if (datatype === LANG_STRING || datatype === DIR_LANG_STRING) {
        throw new AtlasError('USAGE', `${where}: a language-tagged string without a language tag`);
      }
      assertIri(datatype, where);
      return `${text}^^<${datatype}>`;
    }
    case 'Quad':
      return `<<( ${termToNQuads(term.subject, where)} ${termToNQuads(term.predicate, where)} ${termToNQuads(term.object, where)} )>>`;
    case 'DefaultGraph':
    case 'Variable':
      throw new AtlasError('USAGE', `${where}: a ${term.termType} cannot be stored`);
  }
}

/**
 * Serialises `quads` as N-Quads lines in `graph` (each quad's own graph term is ignored).
 * Invalid IRIs, language tags or variables -> `AtlasError('USAGE')`.
 */
export function quadsToNQuads(quads: readonly Quad[], graph: string): string {
  const where = `graph <${graph}>`;
  assertIri(graph, 'graph name');
  const g = ` <${graph}> .\n`;
  const lines: string[] = new Array<string>(quads.length);
  for (let i = 0; i < quads.length; i++) {
    const q = quads[i]!;
    if ((q.subject as Term).termType === 'Literal') {
      throw new AtlasError('USAGE', `${where}: a literal cannot be a subject`);
    }
    if (q.predicate.termType !== 'NamedNode') {
      throw new AtlasError('USAGE', `${where}: a predicate must be an IRI`);
    }
    lines[i] =
      termToNQuads(q.subject, where) +
      ' ' +
      termToNQuads(q.predicate, where) +
      ' ' +
      termToNQuads(q.object, where) +
      g;
  }
  return lines.join('');
}

/** What a cheap pass over N-Quads bytes finds: the graphs named and where each statement lies. */
export interface NQuadsScan {
  /** Distinct graph IRIs, in order of first appearance. */
  graphs: string[];
  /** Statements (non-empty, non-comment lines). */
  statements: number;
  /** Byte ranges [start, end) of the statements whose graph satisfies `select`, merged when adjacent. */
  selected: Array<[number, number]>;
}

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const HASH = 35;
const QUOTE = 34;
const LT = 60;
const GT = 62;
const DOT = 46;
const BACKSLASH = 92;

function syntax(line: number, message: string): AtlasError {
  return new AtlasError('SYNTAX', `N-Quads line ${line}: ${message}`, {
    context: { source: 'N-Quads', line },
  });
}

function isLabelByte(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c >= 128
  );
}

function unescapeIri(text: string, line: number): string {
  const escape = /\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.?))/g;
  return text.replace(escape, (_m, u4?: string, u8?: string, other?: string) => {
    if (other !== undefined) throw syntax(line, 'invalid escape in an IRI');
    return String.fromCodePoint(parseInt(u4 ?? u8 ?? '', 16));
  });
}

/** True when bytes [start, end) equal the bytes of the range `other` (compared from the end). */
function sameBytes(bytes: Uint8Array, start: number, end: number, other: [number, number]): boolean {
  if (other[1] - other[0] !== end - start) return false;
  for (let i = end - 1, j = other[1] - 1; i >= start; i--, j--) if (bytes[i] !== bytes[j]) return false;
  return true;
}

/**
 * Finds term boundaries in N-Quads bytes without building terms, to learn which graphs a payload names and where
 * its statements lie. Checks the statement structure only (the engine's strict parser checks the rest); a
 * malformed statement -> `AtlasError('SYNTAX')` naming its line; a statement without a graph name, or with a blank
 * node or an invalid IRI as graph name -> `AtlasError('USAGE')` naming its line.
 */
export function scanNQuads(bytes: Uint8Array, select: (graph: string) => boolean): NQuadsScan {
  const graphs = new Map<string, boolean>();
  const selected: Array<[number, number]> = [];
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let statements = 0;
  let graph = '';
  const previous: [number, number] = [0, 0];
  let line = 0;
  let lineEnd = -1;
  let p = 0;
  const space = (): void => {
    while (p < lineEnd && (bytes[p] === SPACE || bytes[p] === TAB || bytes[p] === CR)) p++;
  };
  const iriEnd = (): number => {
    const end = bytes.indexOf(GT, p + 1);
    if (end < 0 || end >= lineEnd) throw syntax(line, 'unterminated IRI');
    const space = bytes.indexOf(SPACE, p + 1);
    if (space >= 0 && space < end) throw syntax(line, 'a space in an IRI');
    return end + 1;
  };
  const term = (depth: number): void => {
    const c = bytes[p];
    if (c === LT && bytes[p + 1] === LT) {
      if (depth > 8) throw syntax(line, 'triple terms nested too deeply');
      p += 2;
      if (bytes[p] === 40) p++;
      for (let i = 0; i < 3; i++) {
        space();
        term(depth + 1);
      }
      space();
      if (bytes[p] === 41) p++;
      if (bytes[p] !== GT || bytes[p + 1] !== GT) throw syntax(line, 'unterminated triple term');
      p += 2;
    } else if (c === LT) {
      p = iriEnd();
    } else if (c === QUOTE) {
      let q = p + 1;
      for (;;) {
        q = bytes.indexOf(QUOTE, q);
        if (q < 0 || q >= lineEnd) throw syntax(line, 'unterminated literal');
        let slashes = 0;
        while (bytes[q - 1 - slashes] === BACKSLASH) slashes++;
        if (slashes % 2 === 0) break;
        q++;
      }
      p = q + 1;
      if (bytes[p] === 64) {
        p++;
        while (p < lineEnd && (isLabelByte(bytes[p]!) || bytes[p] === 45)) p++;
      } else if (bytes[p] === 94 && bytes[p + 1] === 94 && bytes[p + 2] === LT) {
        p += 2;
        p = iriEnd();
      }
    } else if (c === 95 && bytes[p + 1] === 58) {
      p += 2;
      while (p < lineEnd && (isLabelByte(bytes[p]!) || (bytes[p] === DOT && isLabelByte(bytes[p + 1]!)))) p++;
    } else {
      throw syntax(line, p >= lineEnd ? 'unexpected end of line' : 'unexpected character');
    }
  };
  for (let start = 0; start < bytes.length; start = lineEnd + 1) {
    line++;
    lineEnd = bytes.indexOf(LF, start);
    if (lineEnd < 0) lineEnd = bytes.length;
    p = start;
    for (;;) {
      space();
      if (p >= lineEnd || bytes[p] === HASH) break;
      const statementStart = p;
      for (let i = 0; i < 3; i++) {
        term(0);
        space();
      }
      if (bytes[p] === DOT)
        throw new AtlasError('USAGE', `N-Quads line ${line}: a statement without a graph name`, {
          context: { source: 'N-Quads', line },
        });
      const graphStart = p;
      if (bytes[p] !== LT || bytes[p + 1] === LT) {
        if (bytes[p] === 95) {
          throw new AtlasError('USAGE', `N-Quads line ${line}: a blank node as graph name`, {
            context: { source: 'N-Quads', line },
          });
        }
        throw syntax(line, 'a graph name must be an IRI');
      }
      term(0);
      // Statements of a graph usually follow each other: reuse the previous name when the bytes match.
      if (!sameBytes(bytes, graphStart, p, previous)) {
        graph = decoder.decode(bytes.subarray(graphStart + 1, p - 1));
        if (graph.includes('\\')) graph = unescapeIri(graph, line);
      }
      previous[0] = graphStart;
      previous[1] = p;
      space();
      if (bytes[p] !== DOT) throw syntax(line, 'expected "." after the graph name');
      p++;
      statements++;
      let isSelected = graphs.get(graph);
      if (isSelected === undefined) {
        if (!isValidIri(graph)) {
          throw new AtlasError('USAGE', `N-Quads line ${line}: invalid graph IRI <${graph}>`, {
            context: { source: 'N-Quads', line, iri: graph },
          });
        }
        graphs.set(graph, (isSelected = select(graph)));
      }
      const sawCr = p < lineEnd && bytes[p] === CR;
      space();
      if (isSelected) {
        const end = p >= lineEnd || bytes[p] === HASH ? Math.min(lineEnd + 1, bytes.length) : p;
        const last = selected.at(-1);
        if (last && last[1] === statementStart) last[1] = end;
        else selected.push([statementStart, end]);
      }
      if (p >= lineEnd || bytes[p] === HASH) break;
      if (!sawCr) throw syntax(line, 'expected the end of the line after "."');
    }
  }
  return { graphs: [...graphs.keys()], statements, selected };
}
