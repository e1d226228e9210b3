import type { Term } from '@rdfjs/types';
import { AtlasError } from '../../errors.js';
import { xsd } from '../../namespaces.js';
import type { QueryResult } from '../GraphStore.js';

/** The SPARQL result media types this store writes itself (servers differ in their CSV, TSV and XML). */
export const RESULT_TYPES = [
  'application/sparql-results+json',
  'application/sparql-results+xml',
  'text/csv',
  'text/tab-separated-values',
] as const;

const XSD_STRING = xsd('string');

function jsonTerm(term: Term): Record<string, string> {
  if (term.termType === 'NamedNode') return { type: 'uri', value: term.value };
  if (term.termType === 'BlankNode') return { type: 'bnode', value: term.value };
  if (term.termType !== 'Literal') return { type: 'literal', value: term.value };
  if (term.language) return { type: 'literal', value: term.value, 'xml:lang': term.language };
  if (term.datatype.value !== XSD_STRING)
    return { type: 'literal', value: term.value, datatype: term.datatype.value };
  return { type: 'literal', value: term.value };
}

const xmlEscape = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));

function xmlTerm(term: Term): string {
  if (term.termType === 'NamedNode') return `<uri>${xmlEscape(term.value)}</uri>`;
  if (term.termType === 'BlankNode') return `<bnode>${xmlEscape(term.value)}</bnode>`;
  if (term.termType !== 'Literal') return `<literal>${xmlEscape(term.value)}</literal>`;
  if (term.language)
    return `<literal xml:lang="${xmlEscape(term.language)}">${xmlEscape(term.value)}</literal>`;
  if (term.datatype.value !== XSD_STRING)
    return `<literal datatype="${xmlEscape(term.datatype.value)}">${xmlEscape(term.value)}</literal>`;
  return `<literal>${xmlEscape(term.value)}</literal>`;
}

function csvField(term: Term | undefined): string {
  if (!term) return '';
  const text = term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function tsvTerm(term: Term | undefined): string {
  if (!term) return '';
  if (term.termType === 'NamedNode') return `<${term.value}>`;
  if (term.termType === 'BlankNode') return `_:${term.value}`;
  const value = `"${term.value.replace(/[\\"\t\n\r]/g, (c) =>
    c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\${c}`,
  )}"`;
  if (term.termType !== 'Literal') return value;
  if (term.language) return `${value}@${term.language}`;
  return term.datatype.value !== XSD_STRING ? `${value}^^<${term.datatype.value}>` : value;
}

/** Serialises a bindings or boolean result in one of `RESULT_TYPES`. */
export function writeResults(result: QueryResult, mediaType: string): string {
  if (result.kind === 'quads') throw new AtlasError('INTERNAL', 'writeResults: a graph is not a result set');
  const vars = result.kind === 'bindings' ? result.variables : [];
  switch (mediaType) {
    case 'application/sparql-results+json': {
      if (result.kind === 'boolean') return JSON.stringify({ head: {}, boolean: result.value });
      const bindings = result.rows.map((row) =>
        Object.fromEntries(Object.entries(row).map(([name, term]) => [name, jsonTerm(term)])),
      );
      return JSON.stringify({ head: { vars }, results: { bindings } });
    }
    case 'application/sparql-results+xml': {
      const head = vars.map((v) => `<variable name="${xmlEscape(v)}"/>`).join('');
      const open = `<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>${head}</head>`;
      if (result.kind === 'boolean') return `${open}<boolean>${result.value}</boolean></sparql>\n`;
      const rows = result.rows.map(
        (row) =>
          `<result>${Object.entries(row)
            .map(([name, term]) => `<binding name="${xmlEscape(name)}">${xmlTerm(term)}</binding>`)
            .join('')}</result>`,
      );
      return `${open}<results>${rows.join('\n')}</results></sparql>\n`;
    }
    case 'text/csv':
      if (result.kind === 'boolean') return `_askResult\r\n${result.value}\r\n`;
      return [vars.join(','), ...result.rows.map((row) => vars.map((v) => csvField(row[v])).join(','))]
        .map((line) => `${line}\r\n`)
        .join('');
    case 'text/tab-separated-values':
      if (result.kind === 'boolean') return `?_askResult\n${result.value}\n`;
      return [
        vars.map((v) => `?${v}`).join('\t'),
        ...result.rows.map((row) => vars.map((v) => tsvTerm(row[v])).join('\t')),
      ]
        .map((line) => `${line}\n`)
        .join('');
    default:
      throw new AtlasError('UNSUPPORTED_FORMAT', `no ${mediaType} serialisation of SPARQL results`, {
        context: { mediaType },
      });
  }
}
