import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { rdf, sh, xsd } from '../namespaces.js';
import { pathToQuads } from './pathToQuads.js';
import { stringToTerm } from './stringToTerm.js';
import type { ValidationReport } from './ValidationReport.js';

const { namedNode, blankNode, literal, quad } = DataFactory;

/**
 * The report as RDF: an `sh:ValidationReport` with `sh:conforms` and one `sh:result` node per result
 * (severity, focus node, path, value, message, source shape, constraint component). Serialise it with
 * `serializeRdf`.
 */
export function reportToQuads(report: ValidationReport): Quad[] {
  const out: Quad[] = [];
  const root = blankNode();
  const add = (s: Quad['subject'], p: string, o: Quad['object']): void => {
    out.push(quad(s, namedNode(p), o));
  };
  add(root, rdf('type'), namedNode(sh('ValidationReport')));
  add(root, sh('conforms'), literal(String(report.conforms), namedNode(xsd('boolean'))));
  for (const r of report.results) {
    const node = blankNode();
    add(root, sh('result'), node);
    add(node, rdf('type'), namedNode(sh('ValidationResult')));
    add(node, sh('resultSeverity'), namedNode(sh(r.severity)));
    const focus = stringToTerm(r.focusNode);
    if (focus.termType === 'NamedNode' || focus.termType === 'BlankNode') add(node, sh('focusNode'), focus);
    if (r.path !== undefined) add(node, sh('resultPath'), pathToQuads(r.path, out));
    if (r.value !== undefined) add(node, sh('value'), stringToTerm(r.value));
    add(node, sh('resultMessage'), literal(r.message, 'en'));
    const shape = stringToTerm(r.shape);
    if (shape.termType === 'NamedNode' || shape.termType === 'BlankNode') add(node, sh('sourceShape'), shape);
    add(node, sh('sourceConstraintComponent'), namedNode(r.constraint));
  }
  return out;
}
