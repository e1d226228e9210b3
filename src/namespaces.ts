/**
 * Every IRI the code uses comes from here. `ns.tre('Foo')` returns the full IRI string;
 * `ns.tre.iri` is the namespace itself.
 */

/** A namespace: call it with a local name to get a full IRI. */
export interface Namespace {
  (local: string): string;
  /** The namespace IRI. */
  readonly iri: string;
}

function namespace(iri: string): Namespace {
  const fn = (local: string): string => iri + local;
  return Object.assign(fn, { iri });
}

/** The TRE Atlas ontology. */
export const tre = namespace('https://w3id.org/tre-atlas/ns#');
/** Concept schemes published by the project: `vocab('output-control/', 'Manual')`. */
export const vocab = namespace('https://w3id.org/tre-atlas/vocab/');
/** Instance data (TREs, operators, federations) of the bundled examples. */
export const id = namespace('https://w3id.org/tre-atlas/id/');
/** Graphs holding the project's own vocabulary (`ontology/`), one per file: `ontologyGraph('vocab/five-safes')`. */
export const ontologyGraph = namespace('https://w3id.org/tre-atlas/ontology/');
/** System graphs: the meta graph, archived versions, harvest reports. Never part of the public default graph. */
export const sys = namespace('https://w3id.org/tre-atlas/system/');

export const rdf = namespace('http://www.w3.org/1999/02/22-rdf-syntax-ns#');
export const rdfs = namespace('http://www.w3.org/2000/01/rdf-schema#');
export const owl = namespace('http://www.w3.org/2002/07/owl#');
export const xsd = namespace('http://www.w3.org/2001/XMLSchema#');
export const sh = namespace('http://www.w3.org/ns/shacl#');
export const skos = namespace('http://www.w3.org/2004/02/skos/core#');
export const dcat = namespace('http://www.w3.org/ns/dcat#');
export const dct = namespace('http://purl.org/dc/terms/');
export const dcatap = namespace('http://data.europa.eu/r5r/');
export const foaf = namespace('http://xmlns.com/foaf/0.1/');
export const org = namespace('http://www.w3.org/ns/org#');
export const vcard = namespace('http://www.w3.org/2006/vcard/ns#');
export const schema = namespace('https://schema.org/');
export const prov = namespace('http://www.w3.org/ns/prov#');
export const dqv = namespace('http://www.w3.org/ns/dqv#');
export const adms = namespace('http://www.w3.org/ns/adms#');
export const dpv = namespace('https://w3id.org/dpv#');
export const odrl = namespace('http://www.w3.org/ns/odrl/2/');
export const hydra = namespace('http://www.w3.org/ns/hydra/core#');
export const sd = namespace('http://www.w3.org/ns/sparql-service-description#');
export const fdpo = namespace('https://w3id.org/fdp/fdp-o#');
/** re3data schema 3.0: FAIR Data Point v1 metadata (`r3d:Repository`, `r3d:dataCatalog`). */
export const r3d = namespace('http://www.re3data.org/schema/3-0#');
export const ldp = namespace('http://www.w3.org/ns/ldp#');
/** Virtuoso's own schema graph (kept out of the public default graph by the SPARQL store). */
export const virtrdf = namespace('http://www.openlinksw.com/schemas/virtrdf#');
/** W3C unique identifiers for media formats, used in the SPARQL Service Description (`sd:resultFormat`). */
export const formats = namespace('http://www.w3.org/ns/formats/');

/** The European Legislation Identifier ontology (`eli:LegalResource`). */
export const eli = namespace('http://data.europa.eu/eli/ontology#');
/** ISA Programme Location Core Vocabulary. */
export const locn = namespace('http://www.w3.org/ns/locn#');
/** SPDX terms (checksums). */
export const spdx = namespace('http://spdx.org/rdf/terms#');
/** OWL-Time. */
export const time = namespace('http://www.w3.org/2006/time#');

/**
 * The DCAT-AP 3.0.1 release IRI, the identifier SEMIC uses for the release (the official SHACL file names its shapes
 * as members of it); the profile IRI of the catalogue's pure DCAT-AP view.
 */
export const dcatAp301 = 'https://semiceu.github.io/DCAT-AP/releases/3.0.1';

/** The project's profile IRIs: `profile('tre')`. */
export const profile = namespace('https://w3id.org/tre-atlas/profile/');

/** Prefixes used when writing Turtle for people. */
export const prefixes: Readonly<Record<string, string>> = {
  tre: tre.iri,
  rdf: rdf.iri,
  rdfs: rdfs.iri,
  owl: owl.iri,
  xsd: xsd.iri,
  sh: sh.iri,
  skos: skos.iri,
  dcat: dcat.iri,
  dct: dct.iri,
  dcatap: dcatap.iri,
  foaf: foaf.iri,
  org: org.iri,
  vcard: vcard.iri,
  schema: schema.iri,
  prov: prov.iri,
  dpv: dpv.iri,
  odrl: odrl.iri,
  hydra: hydra.iri,
};
