import type { Quad, Quad_Object } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { rdf, sh } from '../namespaces.js';

const df = DataFactory;
const quantifiers: Readonly<Record<string, string>> = {
  '+': sh('oneOrMorePath'),
  '*': sh('zeroOrMorePath'),
  '?': sh('zeroOrOnePath'),
};

/** Writes an RDF list of `items`, adding its quads to `out`; returns its head. */
export function rdfList(items: readonly Quad_Object[], out: Quad[]): Quad_Object {
  let head: Quad_Object = df.namedNode(rdf('nil'));
  for (const item of [...items].reverse()) {
    const node = df.blankNode();
    out.push(df.quad(node, df.namedNode(rdf('first')), item), df.quad(node, df.namedNode(rdf('rest')), head));
    head = node;
  }
  return head;
}

/**
 * Turns a path written by `pathToString` (an IRI, or a SPARQL property path of `<IRI>`s) back into a SHACL path
 * node, adding the quads that describe it to `out`.
 */
export function pathToQuads(path: string, out: Quad[]): Quad_Object {
  if (!/^[<^(]/.test(path)) return df.namedNode(path);
  const steps = splitTopLevel(path, '/').map((step) => stepToQuads(step, out));
  return steps.length === 1 && steps[0] ? steps[0] : rdfList(steps, out);
}

function stepToQuads(step: string, out: Quad[]): Quad_Object {
  const quantifier = quantifiers[step.slice(-1)];
  const body = quantifier ? step.slice(0, -1) : step;
  const inverse = body.startsWith('^');
  const primary = inverse ? body.slice(1) : body;
  const iris = [...primary.matchAll(/<([^>]*)>/g)].map((m) => df.namedNode(m[1] ?? ''));
  let node: Quad_Object =
    iris.length === 1 && iris[0] ? iris[0] : wrap(sh('alternativePath'), rdfList(iris, out), out);
  if (inverse) node = wrap(sh('inversePath'), node, out);
  if (quantifier) node = wrap(quantifier, node, out);
  return node;
}

function wrap(predicate: string, inner: Quad_Object, out: Quad[]): Quad_Object {
  const node = df.blankNode();
  out.push(df.quad(node, df.namedNode(predicate), inner));
  return node;
}

/** Splits on `separator` outside `<…>` and `(…)`. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inIri = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inIri) inIri = c !== '>';
    else if (c === '<') inIri = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
