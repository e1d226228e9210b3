import { Kind, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { rdf } from '../namespaces.js';
import type { GraphqlModel } from './GraphqlModel.js';
import type { Step } from './sparqlAst.js';
import type { TypeModel } from './ShapeModel.js';

type Fragments = Readonly<Record<string, FragmentDefinitionNode>>;

/** The fields of a selection set, fragments flattened (type conditions are not needed: every type is concrete). */
export function collectFields(
  set: SelectionSetNode | undefined,
  fragments: Fragments,
  seen = new Set<string>(),
): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      fields.push(...collectFields(selection.selectionSet, fragments, seen));
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      fields.push(...collectFields(fragments[selection.name.value]?.selectionSet, fragments, seen));
    }
  }
  return fields;
}

/** The sub-selections of the fields named `name` in `fields`, merged. */
export function subSelections(fields: readonly FieldNode[], name: string): FieldNode[] {
  return fields.filter((f) => f.name.value === name);
}

/** Nodes to load: those reached from the roots by `steps`, with only the `predicates` the query reads. */
export interface LoadStep {
  steps: Step[];
  predicates: string[];
}

const keyOf = (steps: readonly Step[]): string =>
  steps.map((s) => `${s.inverse ? '^' : ''}${s.predicate}`).join(' ');

/**
 * What one CONSTRUCT must load for a selection on nodes of `type`: per path from the roots (the roots themselves
 * at `[]`), the predicates whose values the selected fields read. An inverse field puts its predicate on the nodes
 * it reaches; a typed relation asks for their `rdf:type`.
 */
export function planLoad(
  model: GraphqlModel,
  type: TypeModel,
  selections: readonly FieldNode[],
  fragments: Fragments,
  rootPredicates: readonly string[] = [],
): LoadStep[] {
  const plan = new Map<string, LoadStep>();
  const at = (steps: Step[]): LoadStep => {
    const key = keyOf(steps);
    let found = plan.get(key);
    if (found === undefined) {
      found = { steps, predicates: [] };
      plan.set(key, found);
    }
    return found;
  };
  const need = (steps: Step[], predicate: string): void => {
    const entry = at(steps);
    if (!entry.predicates.includes(predicate)) entry.predicates.push(predicate);
  };
  for (const predicate of rootPredicates) need([], predicate);
  const walk = (current: TypeModel, nodes: readonly FieldNode[], prefix: Step[]): void => {
    const byField = new Map<string, FieldNode[]>();
    for (const node of nodes) {
      for (const field of collectFields(node.selectionSet, fragments)) {
        byField.set(field.name.value, [...(byField.get(field.name.value) ?? []), field]);
      }
    }
    for (const [name, children] of byField) {
      const field = current.fields.find((f) => f.name === name || `${f.name}Code` === name);
      if (field === undefined) continue;
      const step = { predicate: field.predicate, inverse: field.inverse };
      if (field.value.kind !== 'object') {
        need(prefix, field.predicate);
        continue;
      }
      const path = [...prefix, step];
      if (field.inverse) need(path, field.predicate);
      else need(prefix, field.predicate);
      const target = model.type(field.value.type);
      if (field.typed === true) need(path, rdf('type'));
      walk(target, children, path);
    }
  };
  walk(type, selections, []);
  return [...plan.values()].filter((entry) => entry.predicates.length > 0);
}

/** True when the selection reads more than `id` of the nodes (so they must be loaded). */
export function readsFields(selections: readonly FieldNode[], fragments: Fragments): boolean {
  return selections.some((s) =>
    collectFields(s.selectionSet, fragments).some(
      (f) => f.name.value !== 'id' && f.name.value !== '__typename',
    ),
  );
}
