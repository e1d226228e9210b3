import type { Quad, Term } from '@rdfjs/types';
import { DataFactory, Parser } from 'n3';
import { AtlasError } from '../errors.js';
import type { QueryKind, QueryResult } from './GraphStore.js';

const { namedNode, blankNode, literal, quad, defaultGraph } = DataFactory;

/** A term in SPARQL 1.1 (1.2) JSON results. */
interface JsonTerm {
  type: 'uri' | 'bnode' | 'literal' | 'typed-literal' | 'triple';
  value: string | { subject: JsonTerm; predicate: JsonTerm; object: JsonTerm };
  datatype?: string;
  'xml:lang'?: string;
  'its:dir'?: string;
}

function toTerm(term: JsonTerm): Term {
  const value = term.value;
  if (term.type === 'triple' && typeof value === 'object') {
    return quad(
      toTerm(value.subject) as Quad['subject'],
      toTerm(value.predicate) as Quad['predicate'],
      toTerm(value.object) as Quad['object'],
    );
  }
  if (typeof value !== 'string')
    throw new AtlasError('INTERNAL', `unexpected SPARQL JSON term ${JSON.stringify(term)}`);
  if (term.type === 'uri') return namedNode(value);
  if (term.type === 'bnode') return blankNode(value);
  const language = term['xml:lang'];
  if (language) {
    const direction = term['its:dir'];
    return direction === 'ltr' || direction === 'rtl'
      ? literal(value, { language, direction })
      : literal(value, language);
  }
  return term.datatype ? literal(value, namedNode(term.datatype)) : literal(value);
}

/** Parses N-Triples into quads, optionally placing them in `graph`. */
export function parseNTriples(text: string, graph?: string): Quad[] {
  const triples = new Parser({ format: 'N-Triples' }).parse(text);
  if (graph === undefined) return triples;
  const g = namedNode(graph);
  return triples.map((t) => quad(t.subject, t.predicate, t.object, g));
}

/** Converts an engine answer (SPARQL JSON, or N-Triples for graphs) into a `QueryResult` with n3 terms. */
export function parseAnswer(kind: QueryKind, body: string): QueryResult {
  if (kind === 'quads') {
    return {
      kind,
      quads: parseNTriples(body).map((t) => quad(t.subject, t.predicate, t.object, defaultGraph())),
    };
  }
  const json = JSON.parse(body) as {
    head: { vars?: string[] };
    boolean?: boolean;
    results?: { bindings: Array<Record<string, JsonTerm>> };
  };
  if (kind === 'boolean') return { kind, value: json.boolean === true };
  const rows = (json.results?.bindings ?? []).map((binding) => {
    const row: Record<string, Term> = {};
    for (const [name, term] of Object.entries(binding)) row[name] = toTerm(term);
    return row;
  });
  return { kind, variables: json.head.vars ?? [], rows };
}
