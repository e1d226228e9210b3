import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';

const { namedNode, literal, quad, blankNode } = DataFactory;

/** An IRI under the test namespace. */
export const ex = (local: string): string => `http://example.org/${local}`;
/** A system graph IRI (the `sys` namespace). */
export const sysGraph = (local: string): string => `https://w3id.org/tre-atlas/system/${local}`;

/** A small description of a TRE: a title, a language-tagged label, a typed number, a blank node. */
export function description(name: string, title = `TRE ${name}`): Quad[] {
  const s = namedNode(ex(`tre/${name}`));
  const contact = blankNode(`contact-${name}`);
  return [
    quad(s, namedNode('http://purl.org/dc/terms/title'), literal(title)),
    quad(
      s,
      namedNode('http://www.w3.org/2000/01/rdf-schema#label'),
      literal(`${name} "quoted"\nline`, 'en-GB'),
    ),
    quad(s, namedNode(ex('count')), literal('42', namedNode('http://www.w3.org/2001/XMLSchema#integer'))),
    quad(s, namedNode(ex('contact')), contact),
    quad(contact, namedNode(ex('email')), literal(`${name}@example.org`)),
  ];
}

/** `count` triples with distinct subjects in one graph, to build expensive cross products. */
export function manyTriples(count: number): Quad[] {
  return Array.from({ length: count }, (_, i) =>
    quad(namedNode(ex(`s${i}`)), namedNode(ex('p')), literal(String(i))),
  );
}
