import { dcat, foaf, rdf, tre, vcard } from '../namespaces.js';

/** A node nested under `?root`: a blank node or an IRI with a fragment under the root's IRI. */
function nested(node: string, root: string): string {
  return `(isBlank(${node}) || STRSTARTS(STR(${node}), CONCAT(STR(${root}), "#")))`;
}

const partLinks = [
  dcat('contactPoint'),
  dcat('landingPage'),
  dcat('servesDataset'),
  dcat('endpointURL'),
  foaf('page'),
  vcard('hasURL'),
]
  .map((iri) => `<${iri}>`)
  .join(', ');

/** A node that is part of a description: nested, or reached by a contact point, landing page or endpoint link. */
function part(node: string, link: string, root: string): string {
  return `(${nested(node, root)} || ${link} IN (${partLinks}))`;
}

/**
 * The default CONSTRUCT of a SPARQL source: every `tre:TrustedResearchEnvironment` with its triples and the nodes
 * that are part of it, up to three links deep (nested fragment nodes and blank nodes, contact points, landing
 * pages, endpoint URLs).
 */
export function defaultConstruct(): string {
  const t = `?tre <${rdf('type')}> <${tre('TrustedResearchEnvironment')}> .`;
  // Each branch binds ?tre itself: SPARQL evaluates a group before joining it with its neighbours.
  return `CONSTRUCT { ?s ?p ?o } WHERE {
  {
    ${t}
    BIND (?tre AS ?s)
  } UNION {
    ${t}
    ?tre ?l1 ?s .
    FILTER (${part('?s', '?l1', '?tre')})
  } UNION {
    ${t}
    ?tre ?l1 ?n1 . ?n1 ?l2 ?s .
    FILTER (${nested('?n1', '?tre')} && ${part('?s', '?l2', '?tre')})
  } UNION {
    ${t}
    ?tre ?l1 ?n1 . ?n1 ?l2 ?n2 . ?n2 ?l3 ?s .
    FILTER (${nested('?n1', '?tre')} && ${nested('?n2', '?tre')} && ${part('?s', '?l3', '?tre')})
  }
  ?s ?p ?o .
}`;
}
