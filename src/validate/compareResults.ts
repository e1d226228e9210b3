import type { ValidationResult } from './ValidationReport.js';

const collator = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The stable order of results: source file, focus node, the order of the shape in the shapes graph,
 * path, value, constraint, message.
 */
export function compareResults(
  a: ValidationResult,
  b: ValidationResult,
  shapeOrder: ReadonlyMap<string, number>,
): number {
  return (
    collator(a.source ?? '\uffff', b.source ?? '\uffff') ||
    collator(a.focusNode, b.focusNode) ||
    (shapeOrder.get(a.shape) ?? Infinity) - (shapeOrder.get(b.shape) ?? Infinity) ||
    collator(a.shape, b.shape) ||
    collator(a.path ?? '', b.path ?? '') ||
    collator(a.value ?? '', b.value ?? '') ||
    collator(a.constraint, b.constraint) ||
    collator(a.message, b.message)
  );
}
