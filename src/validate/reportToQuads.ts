import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { rdf, sh, xsd } from '../namespaces.js';
import { pathToQuads } from './pathToQuads.js';
import { stringToTerm } from './stringToTerm.js';
import type { ValidationReport } from './ValidationReport.js';

const df = DataFactory;

/**
 * The report as RDF: an `sh:ValidationReport` with `sh:conforms` and one `sh:result` node per result
 * (severity, focus node, path, value, message, source shape, constraint component). Serialise it with
 * `serializeRdf`.
 */
export function reportToQuads(report: ValidationReport): Quad[] {
  const out: Quad[] = [];
  const root = df.blankNode();
  const add = (s: Quad['subject'], p: string, o: Quad['object']): void => {
    out.push(df.quad(s, df.namedNode(p), o));
  };
  add(root, rdf('type'), df.namedNode(sh('ValidationReport')));
  add(root, sh('conforms'), df.literal(String(report.conforms), df.namedNode(xsd('boolean'))));
  for (const r of report.results) {
    const node = df.blankNode();
    add(root, sh('result'), node);
    add(node, rdf('type'), df.namedNode(sh('ValidationResult')));
    add(node, sh('resultSeverity'), df.namedNode(sh(r.severity)));
    const focus = stringToTerm(r.focusNode);
    if (focus.termType === 'NamedNode' || focus.termType === 'BlankNode') add(node, sh('focusNode'), focus);
    if (r.path !== undefined) add(node, sh('resultPath'), pathToQuads(r.path, out));
    if (r.value !== undefined) add(node, sh('value'), stringToTerm(r.value));
    add(node, sh('resultMessage'), df.literal(r.message, 'en'));
    const shape = stringToTerm(r.shape);
    if (shape.termType === 'NamedNode' || shape.termType === 'BlankNode') add(node, sh('sourceShape'), shape);
    add(node, sh('sourceConstraintComponent'), df.namedNode(r.constraint));
  }
  return out;
}
