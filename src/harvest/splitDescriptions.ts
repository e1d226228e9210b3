import type { Quad } from '@rdfjs/types';
import { dcat, dct, fdpo, foaf, org, r3d, rdf, tre, vcard } from '../namespaces.js';

/** What a harvested description is about. */
export type DescriptionKind = 'tre' | 'federation' | 'organisation';

/** One description found in a harvested graph: its root IRI (the graph IRI) and its triples. */
export interface HarvestedDescription {
  root: string;
  kind: DescriptionKind;
  quads: Quad[];
}

/** Links followed from a description to resources that are part of it even when their IRI is not nested. */
const partLinks = new Set([
  dcat('contactPoint'),
  dcat('landingPage'),
  dcat('endpointURL'),
  dcat('endpointDescription'),
  dcat('servesDataset'),
  dcat('distribution'),
  dcat('accessURL'),
  dcat('downloadURL'),
  foaf('page'),
  vcard('hasURL'),
]);

/** Membership links that belong to the description owning the membership node. */
const membershipLinks = new Set([org('hasMembership'), tre('hasFederationMembership')]);

/** Nodes that describe a catalogue or a FAIR Data Point (their publishers are not harvested descriptions). */
const catalogueTypes = new Set([
  dcat('Catalog'),
  fdpo('FAIRDataPoint'),
  fdpo('MetadataService'),
  r3d('Repository'),
]);

/** The IRI without its fragment. */
function documentOf(iri: string): string {
  const hash = iri.indexOf('#');
  return hash < 0 ? iri : iri.slice(0, hash);
}

/**
 * Splits a harvested graph into descriptions: one per TRE (its triples, its nested nodes: blank nodes and IRIs
 * with a fragment under the TRE's IRI, and the contact points, landing pages and endpoint URLs it links to), one
 * per federation (with the organisation-level memberships pointing at it), one per operator organisation.
 * Catalogue and FAIR Data Point nodes, catalogue records, paging controls and vocabulary are left out, and so are
 * organisations that only publish a catalogue. `only` restricts the TREs to the given IRIs (e.g. a DCAT
 * catalogue's `dcat:service` list).
 */
export function splitDescriptions(
  quads: readonly Quad[],
  options: { only?: ReadonlySet<string> } = {},
): HarvestedDescription[] {
  const bySubject = new Map<string, Quad[]>();
  const types = new Map<string, Set<string>>();
  for (const q of quads) {
    const key = q.subject.termType === 'BlankNode' ? `_:${q.subject.value}` : q.subject.value;
    (bySubject.get(key) ?? bySubject.set(key, []).get(key)!).push(q);
    if (q.predicate.value === rdf('type') && q.subject.termType === 'NamedNode')
      (types.get(q.subject.value) ?? types.set(q.subject.value, new Set()).get(q.subject.value)!).add(
        q.object.value,
      );
  }
  const kinds = new Map<string, DescriptionKind>();
  for (const [iri, set] of types) {
    if (set.has(tre('TrustedResearchEnvironment'))) kinds.set(iri, 'tre');
    else if (set.has(tre('Federation'))) kinds.set(iri, 'federation');
    else if (set.has(org('Organization')) || set.has(foaf('Organization'))) kinds.set(iri, 'organisation');
  }
  if (options.only !== undefined) {
    for (const [iri, kind] of kinds) if (kind === 'tre' && !options.only.has(iri)) kinds.delete(iri);
  }
  // Organisations that only publish a catalogue or FDP are not descriptions.
  const catalogPublishers = new Set<string>();
  const referenced = new Set<string>();
  for (const q of quads) {
    if (q.object.termType !== 'NamedNode') continue;
    const subjectTypes = types.get(q.subject.value);
    const fromCatalogue = [...(subjectTypes ?? [])].some((t) => catalogueTypes.has(t));
    if (fromCatalogue) {
      if (q.predicate.value === dct('publisher')) catalogPublishers.add(q.object.value);
    } else if (q.predicate.value !== rdf('type')) {
      referenced.add(q.object.value);
    }
  }
  for (const iri of catalogPublishers) {
    if (kinds.get(iri) === 'organisation' && !referenced.has(iri)) kinds.delete(iri);
  }
  // Organisation-level memberships (not nested under a root) belong to their federation.
  const owner = new Map<string, string>();
  for (const [iri, set] of types) {
    if (!set.has(org('Membership')) && !set.has(tre('FederationMembership'))) continue;
    const base = documentOf(iri);
    if (base !== iri && kinds.has(base)) continue;
    const federation = bySubject.get(iri)?.find((q) => q.predicate.value === org('organization'))
      ?.object.value;
    if (federation !== undefined && kinds.get(federation) === 'federation') owner.set(iri, federation);
  }

  const descriptions: HarvestedDescription[] = [];
  for (const [root, kind] of kinds) {
    const included: Quad[] = [];
    const visited = new Set<string>([root]);
    const queue = [root];
    const follow = (q: Quad): boolean => {
      const o = q.object;
      if (o.termType === 'BlankNode') return true;
      if (o.termType !== 'NamedNode' || kinds.has(o.value) || owner.has(o.value)) return false;
      return documentOf(o.value) === root || partLinks.has(q.predicate.value);
    };
    while (queue.length > 0) {
      const node = queue.shift()!;
      for (const q of bySubject.get(node) ?? []) {
        if (
          membershipLinks.has(q.predicate.value) &&
          owner.has(q.object.value) &&
          owner.get(q.object.value) !== root
        )
          continue;
        included.push(q);
        if (!follow(q)) continue;
        const key = q.object.termType === 'BlankNode' ? `_:${q.object.value}` : q.object.value;
        if (!visited.has(key)) {
          visited.add(key);
          queue.push(key);
        }
      }
    }
    if (kind === 'federation') {
      for (const [membership, federation] of owner) {
        if (federation !== root) continue;
        included.push(...(bySubject.get(membership) ?? []));
        for (const q of quads) {
          if (membershipLinks.has(q.predicate.value) && q.object.value === membership) included.push(q);
        }
      }
    }
    if (included.length > 0) descriptions.push({ root, kind, quads: dedupe(included) });
  }
  return descriptions.sort(
    (a, b) => rank(a.kind) - rank(b.kind) || (a.root < b.root ? -1 : a.root > b.root ? 1 : 0),
  );
}

/** Organisations first, then federations, then TREs: a TRE is validated against its operator. */
function rank(kind: DescriptionKind): number {
  return kind === 'organisation' ? 0 : kind === 'federation' ? 1 : 2;
}

function dedupe(quads: Quad[]): Quad[] {
  const seen = new Set<string>();
  return quads.filter((q) => {
    const key = `${q.subject.termType}${q.subject.value} ${q.predicate.value} ${q.object.termType}${q.object.value}${q.object.termType === 'Literal' ? `@${q.object.language}^${q.object.datatype.value}` : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
