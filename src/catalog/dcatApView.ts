import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import {
  adms,
  dcat,
  dcatap,
  dct,
  eli,
  foaf,
  hydra,
  locn,
  odrl,
  prov,
  rdf,
  rdfs,
  skos,
  spdx,
  time,
  vcard,
  xsd,
} from '../namespaces.js';
import type { AuthorityIndex } from './AuthorityIndex.js';

/** The namespaces of DCAT-AP 3.0.1 terms (and of Hydra, for paging): the only ones the DCAT-AP view keeps. */
const dcatApNamespaces: readonly string[] = [
  rdf.iri,
  rdfs.iri,
  xsd.iri,
  dcat.iri,
  dct.iri,
  dcatap.iri,
  foaf.iri,
  vcard.iri,
  skos.iri,
  adms.iri,
  prov.iri,
  odrl.iri,
  eli.iri,
  locn.iri,
  spdx.iri,
  time.iri,
  hydra.iri,
];

/** True when `iri` is a term of one of the DCAT-AP namespaces. */
export function isDcatApTerm(iri: string): boolean {
  return dcatApNamespaces.some((ns) => iri.startsWith(ns) && /^[A-Za-z_][\w.-]*$/.test(iri.slice(ns.length)));
}

/**
 * The pure DCAT-AP view of a page: every `rdf:type` gains the DCAT-AP superclasses the vocabulary entails (a
 * `tre:TrustedResearchEnvironment` stays a `dcat:DataService` and `dcat:Resource`, an `org:Organization` a
 * `foaf:Agent`); then only triples whose predicate (and, for `rdf:type`, class) is a DCAT-AP term are kept; then
 * nodes no longer reachable from `roots` (the catalogue, the page) are dropped, such as the controls,
 * certifications and assessments only `tre:` properties pointed to.
 */
export function dcatApView(
  quads: readonly Quad[],
  roots: readonly string[],
  authority: AuthorityIndex,
): Quad[] {
  const type = rdf('type');
  const entailed: Quad[] = [];
  for (const q of quads) {
    if (q.predicate.value !== type || q.object.termType !== 'NamedNode') continue;
    for (const sup of authority.superClassesOf(q.object.value)) {
      if (isDcatApTerm(sup))
        entailed.push(DataFactory.quad(q.subject, q.predicate, DataFactory.namedNode(sup)));
    }
  }
  const kept = [...quads, ...entailed].filter(
    (q) =>
      isDcatApTerm(q.predicate.value) &&
      (q.predicate.value !== type || (q.object.termType === 'NamedNode' && isDcatApTerm(q.object.value))),
  );
  return reachable(kept, roots);
}

function nodeKey(term: Quad['subject'] | Quad['object']): string | undefined {
  if (term.termType === 'NamedNode') return term.value;
  if (term.termType === 'BlankNode') return `_:${term.value}`;
  return undefined;
}

/** The quads whose subject can be reached from `roots` by following objects. */
function reachable(quads: readonly Quad[], roots: readonly string[]): Quad[] {
  const bySubject = new Map<string, Quad[]>();
  for (const q of quads) {
    const key = nodeKey(q.subject);
    if (key === undefined) continue;
    const list = bySubject.get(key) ?? [];
    list.push(q);
    bySubject.set(key, list);
  }
  const seen = new Set<string>();
  const stack = [...roots];
  const out: Quad[] = [];
  while (stack.length > 0) {
    const key = stack.pop() as string;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const q of bySubject.get(key) ?? []) {
      out.push(q);
      if (q.predicate.value === rdf('type')) continue;
      const next = nodeKey(q.object);
      if (next !== undefined && !seen.has(next)) stack.push(next);
    }
  }
  return out;
}
