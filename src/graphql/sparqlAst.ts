/**
 * Helpers that build sparqljs syntax trees: values become RDF terms in the tree (IRIs validated, literals escaped
 * by the sparqljs generator), never text pasted into a query.
 */
import type { NamedNode, Variable } from '@rdfjs/types';
import { DataFactory } from 'n3';
import sparqljs from 'sparqljs';
import { AtlasError } from '../errors.js';
import { xsd } from '../namespaces.js';

/** One step of a path: a predicate, forwards or inverse. */
export interface Step {
  predicate: string;
  inverse: boolean;
}

const generator = new sparqljs.Generator();

/** An absolute IRI without the characters N-Triples forbids inside `<...>`. */
const iriPattern = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`\u0000-\u0020]*$/;

/** A named node for `value`; not an absolute IRI -> `AtlasError('USAGE')`. */
export function iri(value: string): NamedNode {
  if (!iriPattern.test(value)) {
    throw new AtlasError('USAGE', `not an absolute IRI: ${JSON.stringify(value.slice(0, 200))}`, {
      context: { value: value.slice(0, 200) },
    });
  }
  return DataFactory.namedNode(value);
}

/** True when `value` is an absolute IRI that can be written in a query. */
export function isIri(value: string): boolean {
  return iriPattern.test(value);
}

/** A variable. */
export function v(name: string): Variable {
  return DataFactory.variable(name);
}

/** A literal: a string, or a number (xsd:integer / xsd:decimal) or boolean. */
export function lit(value: string | number | boolean): sparqljs.LiteralTerm {
  if (typeof value === 'string') return DataFactory.literal(value);
  if (typeof value === 'boolean')
    return DataFactory.literal(String(value), DataFactory.namedNode(xsd('boolean')));
  const type = Number.isInteger(value) ? xsd('integer') : xsd('decimal');
  return DataFactory.literal(String(value), DataFactory.namedNode(type));
}

/** An operation (`&&`, `=`, `in`, `contains`, `exists`, ...). */
export function op(operator: string, ...args: sparqljs.Expression[]): sparqljs.OperationExpression {
  return { type: 'operation', operator, args };
}

/** `EXISTS { patterns }`. */
export function exists(patterns: sparqljs.Pattern[]): sparqljs.OperationExpression {
  return op('exists', { type: 'group', patterns } as unknown as sparqljs.Expression);
}

/** A `FILTER`. */
export function filter(expression: sparqljs.Expression): sparqljs.FilterPattern {
  return { type: 'filter', expression };
}

/** A basic graph pattern. */
export function bgp(
  ...triples: Array<[sparqljs.Triple['subject'], sparqljs.Triple['predicate'], sparqljs.Term]>
): sparqljs.BgpPattern {
  return {
    type: 'bgp',
    triples: triples.map(([subject, predicate, object]) => ({ subject, predicate, object })),
  };
}

/** The predicate or property path of a sequence of steps. */
export function pathOf(steps: readonly Step[]): sparqljs.IriTerm | sparqljs.PropertyPath {
  const items = steps.map((s): sparqljs.IriTerm | sparqljs.PropertyPath =>
    s.inverse ? { type: 'path', pathType: '^', items: [iri(s.predicate)] } : iri(s.predicate),
  );
  if (items.length === 1 && items[0] !== undefined) return items[0];
  return { type: 'path', pathType: '/', items };
}

/** `(p1 | p2/p3 | ...)?`: zero or one of the alternatives. */
export function optionalAlternatives(paths: readonly (readonly Step[])[]): sparqljs.PropertyPath {
  const alternatives = paths.map(pathOf);
  const alt: sparqljs.IriTerm | sparqljs.PropertyPath =
    alternatives.length === 1 && alternatives[0] !== undefined
      ? alternatives[0]
      : { type: 'path', pathType: '|', items: alternatives };
  return { type: 'path', pathType: '?', items: [alt] };
}

/** `VALUES ?name { ... }`. */
export function values(name: string, iris: readonly string[]): sparqljs.ValuesPattern {
  return { type: 'values', values: iris.map((value) => ({ [`?${name}`]: iri(value) })) };
}

/** The query text of a syntax tree. */
export function stringify(query: sparqljs.SparqlQuery): string {
  return generator.stringify(query);
}
