import type { Quad } from '@rdfjs/types';
import { rdf } from '../namespaces.js';
import type { GraphStore } from '../store/index.js';
import { termToString, type ShaclValidator, type ValidationReport } from '../validate/index.js';
import { backgroundQuery } from './metaQueries.js';
import type { PreparedDocument } from './prepareDocument.js';

/**
 * The public triples about the IRIs `quads` refer to (objects other than classes), outside the graphs in `exclude`:
 * the context a description is validated in (one CONSTRUCT).
 */
export async function fetchBackground(
  store: GraphStore,
  quads: readonly Quad[],
  exclude: readonly string[] = [],
): Promise<Quad[]> {
  const referenced = new Set<string>();
  for (const q of quads) {
    if (q.object.termType === 'NamedNode' && q.predicate.value !== rdf('type'))
      referenced.add(q.object.value);
  }
  const query = backgroundQuery(referenced, exclude);
  if (query === undefined) return [];
  const result = await store.query(query);
  return result.kind === 'quads' ? result.quads : [];
}

/**
 * Validates the documents of a batch together, so that one may refer to another (a TRE and its operator), with
 * the public triples about the IRIs they refer to as background (one CONSTRUCT; the graphs the batch replaces are
 * left out, so an old version never hides what the new one lacks). Returns one report per document: the results
 * whose focus node is a subject of that document.
 */
export async function validateBatch(
  docs: readonly PreparedDocument[],
  store: GraphStore,
  validator: ShaclValidator,
): Promise<ValidationReport[]> {
  const quads = docs.flatMap((d) => d.quads);
  const background = await fetchBackground(
    store,
    quads,
    docs.map((d) => d.graph),
  );
  const sources = new Map<string, string>();
  const subjectsOf = docs.map((d) => {
    const subjects = new Set(d.quads.map((q) => termToString(q.subject)));
    for (const s of subjects) if (!sources.has(s)) sources.set(s, d.source);
    return subjects;
  });
  const report = await validator.validate(quads, { background, sources });
  return subjectsOf.map((subjects) => {
    const results = report.results.filter((r) => subjects.has(r.focusNode));
    return { conforms: !results.some((r) => r.severity === 'Violation'), results };
  });
}
