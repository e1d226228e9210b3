import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { fileURLToPath } from 'node:url';
import { owl, rdf, rdfs, tre } from '../namespaces.js';
import { readRdfPaths } from '../rdf/index.js';

/** Types of ontology terms (classes, properties, the ontology itself): never copied into the catalogue. */
const termTypes = new Set([
  owl('Class'),
  owl('ObjectProperty'),
  owl('DatatypeProperty'),
  owl('AnnotationProperty'),
  owl('Ontology'),
  rdfs('Class'),
  rdf('Property'),
]);

/** The bundled `ontology/` folder. */
const bundledOntology = fileURLToPath(new URL('../../ontology/', import.meta.url));

/**
 * The background vocabulary the catalogue copies from: the concepts and authority-table entries of `ontology/`
 * (countries typed `dct:Location`, access rights `dct:RightsStatement`, themes `skos:Concept`, legislation
 * `eli:LegalResource`, the project's concept schemes), by subject; and the class hierarchy, for entailed types.
 */
export class AuthorityIndex {
  private constructor(
    private readonly nodes: ReadonlyMap<string, readonly Quad[]>,
    private readonly supers: ReadonlyMap<string, readonly string[]>,
  ) {}

  /** Reads every RDF file of `dir` (default: the bundled `ontology/`). */
  static async load(dir: string = bundledOntology): Promise<AuthorityIndex> {
    const files = await readRdfPaths([dir]);
    return AuthorityIndex.fromQuads(files.flatMap((f) => f.quads));
  }

  /** Indexes ontology quads (graph names dropped). */
  static fromQuads(quads: readonly Quad[]): AuthorityIndex {
    const bySubject = new Map<string, Quad[]>();
    const excluded = new Set<string>();
    const direct = new Map<string, Set<string>>();
    for (const q of quads) {
      if (q.subject.termType !== 'NamedNode') continue;
      const s = q.subject.value;
      if (q.predicate.value === rdf('type') && termTypes.has(q.object.value)) excluded.add(s);
      if (q.predicate.value === rdfs('subClassOf') && q.object.termType === 'NamedNode') {
        const set = direct.get(s) ?? new Set<string>();
        set.add(q.object.value);
        direct.set(s, set);
      }
      const list = bySubject.get(s) ?? [];
      list.push(DataFactory.quad(q.subject, q.predicate, q.object));
      bySubject.set(s, list);
    }
    for (const s of excluded) bySubject.delete(s);
    for (const s of bySubject.keys()) if (s.startsWith(tre.iri)) bySubject.delete(s);
    return new AuthorityIndex(bySubject, closeHierarchy(direct));
  }

  /** The triples about each of `iris` that the vocabulary describes (concepts, authority entries). */
  nodesFor(iris: Iterable<string>): Quad[] {
    const out: Quad[] = [];
    for (const iri of new Set(iris)) out.push(...(this.nodes.get(iri) ?? []));
    return out;
  }

  /** Every (transitive, strict) superclass of `cls` the vocabulary states. */
  superClassesOf(cls: string): readonly string[] {
    return this.supers.get(cls) ?? [];
  }
}

/** The transitive closure of a direct-superclass map (cycles tolerated). */
function closeHierarchy(direct: ReadonlyMap<string, ReadonlySet<string>>): Map<string, string[]> {
  const closed = new Map<string, string[]>();
  for (const cls of direct.keys()) {
    const seen = new Set<string>();
    const stack = [...(direct.get(cls) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop() as string;
      if (seen.has(next) || next === cls) continue;
      seen.add(next);
      stack.push(...(direct.get(next) ?? []));
    }
    closed.set(cls, [...seen].sort());
  }
  return closed;
}
