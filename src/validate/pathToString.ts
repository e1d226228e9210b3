import type { Term } from '@rdfjs/types';

/** One step of a property path as shacl-engine describes it. */
export interface PathStep {
  predicates: Term[];
  start?: string;
  end?: string;
  quantifier?: string;
}

const quantifierSuffix: Readonly<Record<string, string>> = {
  oneOrMore: '+',
  zeroOrMore: '*',
  zeroOrOne: '?',
};

function stepToString(step: PathStep): string {
  const iris = step.predicates.map((p) => `<${p.value}>`);
  let text = iris.length > 1 ? `(${iris.join('|')})` : (iris[0] ?? '');
  if (step.start === 'object') text = `^${text}`;
  return text + (quantifierSuffix[step.quantifier ?? 'one'] ?? '');
}

/**
 * Writes a SHACL path: the predicate IRI itself for a simple path, else a SPARQL property path
 * (`^<p>`, `<p>/<q>`, `(<a>|<b>)`, `<p>*`). Undefined when there is no path.
 */
export function pathToString(steps: readonly PathStep[] | null | undefined): string | undefined {
  if (!steps || steps.length === 0) return undefined;
  const [first] = steps;
  if (steps.length === 1 && first && first.predicates.length === 1 && isSimple(first)) {
    return first.predicates[0]?.value;
  }
  return steps.map(stepToString).join('/');
}

function isSimple(step: PathStep): boolean {
  return (step.quantifier ?? 'one') === 'one' && step.start !== 'object';
}
