/** Turtle for synthetic, valid TRE descriptions used by the GraphQL tests. */

const prefixes = `@prefix tre: <https://w3id.org/tre-atlas/ns#> .
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix dcatap: <http://data.europa.eu/r5r/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
`;

/** What a synthetic TRE states. */
export interface SyntheticTre {
  slug: string;
  title: string;
  publisher: string;
  country: string;
  dataCategories: string[];
  standards?: string[];
  interfaces?: string[];
  outputControl?: string;
  accessModes?: string[];
  mfa?: boolean;
  modified?: string;
  federation?: string;
  keywords?: string[];
}

const vocab = 'https://w3id.org/tre-atlas/vocab/';

/** The IRI of a synthetic TRE. */
export const treIri = (slug: string): string => `https://w3id.org/tre-atlas/id/tre/${slug}`;

/** A valid TRE description in Turtle. */
export function treTurtle(t: SyntheticTre): string {
  const iri = treIri(t.slug);
  const list = (items: string[]) => items.join(', ');
  const certs = (t.standards ?? []).map((s) => `<${iri}#cert-${s}>`);
  const ifaces = (t.interfaces ?? []).map((s) => `<${iri}#interface-${s}>`);
  const controls = [`<${iri}#control-mfa>`, `<${iri}#control-output>`];
  const lines = [
    `<${iri}> a tre:TrustedResearchEnvironment, dcat:DataService ;`,
    `  dct:title ${JSON.stringify(t.title)}@en ;`,
    `  dct:description ${JSON.stringify(`${t.title}: a synthetic TRE for tests.`)}@en ;`,
    `  dct:publisher <${t.publisher}> ;`,
    `  dcat:contactPoint <${iri}#contact> ;`,
    `  dcat:landingPage <https://example.org/${t.slug}/> ;`,
    `  dcat:endpointURL <https://example.org/${t.slug}/portal> ;`,
    `  dct:issued "2025-01-15"^^xsd:date ;`,
    `  dct:modified "${t.modified ?? '2025-06-01'}"^^xsd:date ;`,
    `  dct:spatial <http://publications.europa.eu/resource/authority/country/${t.country}> ;`,
    `  dcatap:applicableLegislation <http://data.europa.eu/eli/reg/2016/679/oj> ;`,
    `  dct:accessRights <http://publications.europa.eu/resource/authority/access-right/NON_PUBLIC> ;`,
    ...(t.keywords ?? []).map((k) => `  dcat:keyword ${JSON.stringify(k)}@en ;`),
    `  tre:outputControl <${vocab}output-control/${t.outputControl ?? 'Manual'}> ;`,
    `  tre:accessMode ${list((t.accessModes ?? ['RemoteDesktop']).map((m) => `<${vocab}access-mode/${m}>`))} ;`,
    `  tre:mfaRequired ${t.mfa ?? true} ;`,
    `  tre:hostsDataCategory ${list(t.dataCategories.map((c) => `<${vocab}data-category/${c}>`))} ;`,
    `  tre:hasControl ${list(controls)} ;`,
    ...(certs.length ? [`  schema:hasCertification ${list(certs)} ;`] : []),
    ...(ifaces.length ? [`  tre:hasInterface ${list(ifaces)} ;`] : []),
    ...(t.federation ? [`  tre:hasFederationMembership <${iri}#membership> ;`] : []),
    `  .`,
    `<${iri}#contact> a vcard:Organization, vcard:Kind ; vcard:fn "Support"@en ; vcard:hasEmail <mailto:support@example.org> .`,
    `<${iri}#control-mfa> a tre:Control ; tre:addressesSafe <${vocab}five-safes/SafePeople>, <${vocab}five-safes/SafeSettings> ; dct:description "Two-factor login."@en .`,
    `<${iri}#control-output> a tre:Control ; tre:addressesSafe <${vocab}five-safes/SafeOutputs> ; dct:description "Outputs are checked."@en .`,
    ...(t.standards ?? []).map(
      (s) =>
        `<${iri}#cert-${s}> a tre:Certification, schema:Certification ; dct:conformsTo <${vocab}standard/${s}> ; schema:validFrom "2024-05-01"^^xsd:date ; schema:expires "2027-04-30"^^xsd:date .`,
    ),
    ...(t.interfaces ?? []).map(
      (s) =>
        `<${iri}#interface-${s}> a tre:Interface, dcat:DataService ; tre:interfaceType <${vocab}ga4gh-service-type/${s}> ; dct:title "GA4GH ${s.toUpperCase()}"@en ; dcat:endpointURL <https://example.org/${t.slug}/ga4gh/${s}> .`,
    ),
    ...(t.federation
      ? [
          `<${iri}#membership> a tre:FederationMembership, org:Membership ; org:member <${iri}> ; org:organization <${t.federation}> .`,
        ]
      : []),
    `<https://example.org/${t.slug}/> a foaf:Document .`,
  ];
  return `${prefixes}\n${lines.join('\n')}\n`;
}

/** An operator organisation in Turtle. */
export function organisationTurtle(iri: string, name: string, country: string): string {
  return `${prefixes}\n<${iri}> a foaf:Organization, org:Organization ; foaf:name ${JSON.stringify(name)}@en ; dct:spatial <http://publications.europa.eu/resource/authority/country/${country}> .\n`;
}
