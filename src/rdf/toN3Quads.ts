import type * as RDF from '@rdfjs/types';
import { DataFactory } from 'n3';

const { namedNode, blankNode, literal, defaultGraph, quad } = DataFactory;

/** Structural RDF/JS-like term, as produced by jsonld and other parsers. */
interface LooseTerm {
  termType: string;
  value: string;
  language?: string | null | undefined;
  direction?: string | null | undefined;
  datatype?: { value: string } | null | undefined;
}

/** Structural RDF/JS-like quad. */
export interface LooseQuad {
  subject: LooseTerm;
  predicate: LooseTerm;
  object: LooseTerm;
  graph?: LooseTerm;
}

let calls = 0;

/**
 * Converts quads from another library to n3 DataFactory quads, prefixing blank node labels with `prefix` and a
 * number unique to this call, so that blank nodes of different files never collide.
 */
export function toN3Quads(quads: Iterable<LooseQuad>, prefix: string): RDF.Quad[] {
  calls += 1;
  const labelPrefix = `${prefix}${calls}_`;
  const term = (t: LooseTerm): RDF.Term => {
    switch (t.termType) {
      case 'NamedNode':
        return namedNode(t.value);
      case 'BlankNode':
        return blankNode(labelPrefix + t.value.replace(/^_:/, ''));
      case 'Literal':
        if (typeof t.language === 'string' && t.language !== '') {
          const direction = t.direction === 'ltr' || t.direction === 'rtl' ? t.direction : undefined;
          return literal(t.value, direction === undefined ? t.language : { language: t.language, direction });
        }
        return literal(t.value, t.datatype ? namedNode(t.datatype.value) : undefined);
      case 'DefaultGraph':
        return defaultGraph();
      default:
        throw new Error(`unsupported RDF term type ${t.termType}`);
    }
  };
  const out: RDF.Quad[] = [];
  for (const q of quads) {
    out.push(
      quad(
        term(q.subject) as RDF.Quad_Subject,
        term(q.predicate) as RDF.Quad_Predicate,
        term(q.object) as RDF.Quad_Object,
        (q.graph === undefined ? defaultGraph() : term(q.graph)) as RDF.Quad_Graph,
      ),
    );
  }
  return out;
}
