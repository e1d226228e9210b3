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
