import type { Term } from '@rdfjs/types';
import { dct, rdf, rdfs, skos, tre } from '../namespaces.js';
import { localName } from './naming.js';
import { QuadIndex } from './QuadIndex.js';
import { readRdfFolder } from './readRdfFolder.js';

/** A language-tagged label: language ('' when untagged) -> text. */
export type Labels = ReadonlyMap<string, string>;

/** A SKOS concept as the vocabulary states it. */
export interface ConceptRecord {
  iri: string;
  prefLabels: Labels;
  definitions: Labels;
  notation?: string;
  /** The concept schemes it is in. */
  schemes: string[];
}

/** A SKOS concept scheme. */
export interface SchemeRecord {
  iri: string;
  titles: Labels;
  /** `tre:closedScheme true`: descriptions may use only its concepts; GraphQL gets an enum. */
  closed: boolean;
  /** Its concepts, sorted by notation then IRI. */
  concepts: ConceptRecord[];
}

function labels(terms: readonly Term[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const term of terms) {
    if (term.termType !== 'Literal') continue;
    const lang = term.language.toLowerCase();
    if (!map.has(lang)) map.set(lang, term.value);
  }
  return map;
}

/** The label in `lang`, else English, else untagged, else any; undefined when there is none. */
export function pickLabel(map: Labels, lang?: string): string | undefined {
  const wanted = lang?.toLowerCase();
  if (wanted !== undefined) {
    const exact = map.get(wanted) ?? [...map].find(([l]) => l.split('-')[0] === wanted)?.[1];
    if (exact !== undefined) return exact;
  }
  return map.get('en') ?? map.get('') ?? map.values().next().value;
}

/**
 * The concepts and concept schemes of the ontology folder, held in memory: GraphQL answers `Concept` fields and
 * `concepts(scheme)` from here, never from the store.
 */
export class ConceptIndex {
  private constructor(
    private readonly concepts: ReadonlyMap<string, ConceptRecord>,
    private readonly schemes: ReadonlyMap<string, SchemeRecord>,
  ) {}

  /** Reads every RDF file under `ontologyDir`. */
  static async load(ontologyDir: string): Promise<ConceptIndex> {
    const files = await readRdfFolder(ontologyDir);
    const index = new QuadIndex(files.flatMap((f) => f.quads));
    const concepts = new Map<string, ConceptRecord>();
    for (const iri of index.subjectsWith(rdf('type'), skos('Concept'))) {
      const notation = index.one(iri, skos('notation'))?.value;
      concepts.set(iri, {
        iri,
        prefLabels: labels(index.objects(iri, skos('prefLabel'))),
        definitions: labels(index.objects(iri, skos('definition'))),
        ...(notation === undefined ? {} : { notation }),
        schemes: index.objects(iri, skos('inScheme')).map((t) => t.value),
      });
    }
    const schemes = new Map<string, SchemeRecord>();
    for (const iri of index.subjectsWith(rdf('type'), skos('ConceptScheme'))) {
      const titled = [dct('title'), skos('prefLabel'), rdfs('label')].flatMap((p) => index.objects(iri, p));
      const members = [...concepts.values()]
        .filter((c) => c.schemes.includes(iri))
        .sort((a, b) => (a.notation ?? a.iri).localeCompare(b.notation ?? b.iri, 'en', { numeric: true }));
      schemes.set(iri, {
        iri,
        titles: labels(titled),
        closed: index.objects(iri, tre('closedScheme')).some((t) => t.value === 'true'),
        concepts: members,
      });
    }
    return new ConceptIndex(concepts, schemes);
  }

  /** The concept with this IRI. */
  concept(iri: string): ConceptRecord | undefined {
    return this.concepts.get(iri);
  }

  /** The scheme with this IRI. */
  scheme(iri: string): SchemeRecord | undefined {
    return this.schemes.get(iri);
  }

  /** The scheme named by IRI or by its last segment (`access-mode`). */
  findScheme(nameOrIri: string): SchemeRecord | undefined {
    return (
      this.schemes.get(nameOrIri) ?? [...this.schemes.values()].find((s) => localName(s.iri) === nameOrIri)
    );
  }

  /** Every scheme, sorted by IRI. */
  allSchemes(): SchemeRecord[] {
    return [...this.schemes.values()].sort((a, b) => a.iri.localeCompare(b.iri));
  }
}
