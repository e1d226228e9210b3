/**
 * The few IRIs the catalogue needs that `src/namespaces.ts` does not (yet) hold: the DCAT-AP 3.0.1 release IRI
 * used as its profile IRI, and the namespaces DCAT-AP reuses beyond those in `namespaces.ts`. They are kept in
 * this one file so they can move to `namespaces.ts` in one step.
 */
import { id, prefixes, type Namespace } from '../namespaces.js';

function namespace(iri: string): Namespace {
  return Object.assign((local: string): string => iri + local, { iri });
}

/** The European Legislation Identifier ontology (`eli:LegalResource`). */
export const eli = namespace('http://data.europa.eu/eli/ontology#');
/** ISA Programme Location Core Vocabulary. */
export const locn = namespace('http://www.w3.org/ns/locn#');
/** SPDX terms (checksums). */
export const spdx = namespace('http://spdx.org/rdf/terms#');
/** OWL-Time. */
export const time = namespace('http://www.w3.org/2006/time#');

/**
 * The DCAT-AP 3.0.1 release IRI, the identifier SEMIC uses for the release (the official SHACL file names its
 * shapes as members of it); used as the profile IRI of the pure DCAT-AP view.
 */
export const dcatAp301 = 'https://semiceu.github.io/DCAT-AP/releases/3.0.1';

/** The project's profile IRIs live under `{base}profile/` (`https://w3id.org/tre-atlas/profile/tre`). */
export const profileBase = new URL('../profile/', id.iri).href;

/** Prefixes for writing the catalogue: those of `namespaces.ts` plus the DCAT-AP ones above. */
export const catalogPrefixes: Readonly<Record<string, string>> = {
  ...prefixes,
  eli: eli.iri,
  locn: locn.iri,
  spdx: spdx.iri,
  time: time.iri,
};
