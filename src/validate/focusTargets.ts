import type { Term } from '@rdfjs/types';
import type { Validator } from 'shacl-engine';
import { termToString } from './termToString.js';

/** A node list as shacl-engine (grapoi) passes it around. */
interface NodeList extends Iterable<{ term: Term }> {
  filter(keep: (node: { term: Term }) => boolean): NodeList;
}

/** The part of a shacl-engine shape this module touches. */
interface EngineShape {
  resolveTargets(context: { focusNode: { dataset: object } }): Promise<NodeList>;
}

/** The part of shacl-engine's Validator this module touches (not in its typings). */
interface ValidatorInternals {
  shapes: Map<unknown, EngineShape>;
  shape(ptr: unknown): EngineShape | null;
}

const focusByData = new WeakMap<object, ReadonlySet<string>>();
const restricted = new WeakSet<EngineShape>();

function restrict(shape: EngineShape): void {
  if (restricted.has(shape)) return;
  restricted.add(shape);
  const resolve = shape.resolveTargets.bind(shape);
  shape.resolveTargets = async (context) => {
    const targets = await resolve(context);
    const focus = focusByData.get(context.focusNode.dataset);
    return focus ? targets.filter((node) => focus.has(termToString(node.term))) : targets;
  };
}

/**
 * Makes `validator` resolve the targets of its shapes only among the focus nodes registered with `focusOn` for
 * the data set being validated, so that background data (other descriptions, the ontology) is consulted but never
 * itself validated. Validation of the focus nodes is unchanged.
 */
export function restrictTargets(validator: Validator): void {
  const internals = validator as unknown as ValidatorInternals;
  for (const shape of internals.shapes.values()) restrict(shape);
  const create = internals.shape.bind(validator);
  internals.shape = (ptr) => {
    const shape = create(ptr);
    if (shape) restrict(shape);
    return shape;
  };
}

/** Registers the focus nodes (as `termToString` writes them) for validations of `dataset`. */
export function focusOn(dataset: object, focusNodes: ReadonlySet<string>): void {
  focusByData.set(dataset, focusNodes);
}
