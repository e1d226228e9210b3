import { Kind, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
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

/**
 * The paths (from a node of `type`) to every object node the selection reads, so that one CONSTRUCT loads them all.
 * Prefixes are included: a path is listed once its node's fields are read.
 */
export function planPaths(
  model: GraphqlModel,
  type: TypeModel,
  selections: readonly FieldNode[],
  fragments: Fragments,
  prefix: readonly Step[] = [],
  paths: Step[][] = [],
): Step[][] {
  const byField = new Map<string, FieldNode[]>();
  for (const selection of selections) {
    for (const field of collectFields(selection.selectionSet, fragments)) {
      byField.set(field.name.value, [...(byField.get(field.name.value) ?? []), field]);
    }
  }
  for (const [name, nodes] of byField) {
    const field = type.fields.find((f) => f.name === name);
    if (field === undefined || field.value.kind !== 'object') continue;
    const path = [...prefix, { predicate: field.predicate, inverse: field.inverse }];
    if (!paths.some((p) => samePath(p, path))) paths.push(path);
    planPaths(model, model.type(field.value.type), nodes, fragments, path, paths);
  }
  return paths;
}

function samePath(a: readonly Step[], b: readonly Step[]): boolean {
  return (
    a.length === b.length && a.every((s, i) => s.predicate === b[i]?.predicate && s.inverse === b[i]?.inverse)
  );
}

/** True when the selection reads more than `id` of the nodes (so they must be loaded). */
export function readsFields(selections: readonly FieldNode[], fragments: Fragments): boolean {
  return selections.some((s) =>
    collectFields(s.selectionSet, fragments).some(
      (f) => f.name.value !== 'id' && f.name.value !== '__typename',
    ),
  );
}
