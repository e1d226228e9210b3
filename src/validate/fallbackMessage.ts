import type { Term } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { sh } from '../namespaces.js';

/** The part of a shacl-engine shape pointer used here. */
export interface ShapePointer {
  term: Term;
  out(predicates: Term[]): { terms: Term[] };
}

const fixed: Readonly<Record<string, string>> = {
  [sh('AndConstraintComponent')]: 'Value does not conform to every shape of sh:and',
  [sh('OrConstraintComponent')]: 'Value does not conform to any shape of sh:or',
  [sh('XoneConstraintComponent')]: 'Value does not conform to exactly one shape of sh:xone',
};

/** A message for the constraints shacl-engine leaves without one, used when the shape gives no `sh:message`. */
export function fallbackMessage(constraint: string, shape: ShapePointer): string {
  if (constraint === sh('ClassConstraintComponent')) {
    const classes = shape.out([DataFactory.namedNode(sh('class'))]).terms.map((t) => `<${t.value}>`);
    return `Value is not an instance of ${classes.join(' and ')}`;
  }
  return fixed[constraint] ?? `Value violates ${constraint.slice(constraint.lastIndexOf('#') + 1)}`;
}
