import type { Quad } from '@rdfjs/types';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { Ingestor } from '../../src/ingest/index.js';
import { parseRdf, rdfFormats } from '../../src/rdf/index.js';
import { EmbeddedStore } from '../../src/store/index.js';
import { ShaclValidator } from '../../src/validate/index.js';

export const ID = 'https://w3id.org/tre-atlas/id/';
export const SYS = 'https://w3id.org/tre-atlas/system/';

const prefixes = `
@prefix tre: <https://w3id.org/tre-atlas/ns#> .
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix dcatap: <http://data.europa.eu/r5r/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
`;

/** Parses Turtle with the test prefixes. */
export function turtle(body: string): Promise<Quad[]> {
  return parseRdf(prefixes + body, { format: rdfFormats.turtle, source: 'test.ttl' });
}

/** An operator organisation description. */
export function operator(iri: string, name: string): Promise<Quad[]> {
  return turtle(`<${iri}> a foaf:Organization, org:Organization ; foaf:name "${name}"@en .`);
}

/** A TRE description meeting the core shapes (unless `omitTitle`), with a blank node. */
export function tre(iri: string, publisher: string, title: string, options: { omitTitle?: boolean } = {}) {
  return turtle(`
<${iri}> a tre:TrustedResearchEnvironment, dcat:DataService ;
    ${options.omitTitle ? '' : `dct:title "${title}"@en ;`}
    dct:description "A secure environment for analysing sensitive health data."@en ;
    dct:publisher <${publisher}> ;
    dcat:contactPoint <${iri}#contact> ;
    rdfs:seeAlso [ rdfs:label "A note in a blank node."@en ] ;
    dcat:landingPage <https://tre.example.org/> ;
    dcat:endpointURL <https://portal.tre.example.org/> ;
    dct:issued "2024-03-01"^^xsd:date ;
    dct:modified "2025-01-31T10:00:00Z"^^xsd:dateTime ;
    dct:spatial <http://publications.europa.eu/resource/authority/country/NOR> ;
    dcatap:applicableLegislation <http://data.europa.eu/eli/reg/2016/679/oj> ;
    dct:accessRights <http://publications.europa.eu/resource/authority/access-right/RESTRICTED> ;
    tre:outputControl <https://w3id.org/tre-atlas/vocab/output-control/Manual> ;
    tre:accessMode <https://w3id.org/tre-atlas/vocab/access-mode/RemoteDesktop> ;
    tre:mfaRequired true ;
    tre:hostsDataCategory <https://w3id.org/tre-atlas/vocab/data-category/HealthRecords> .
<${iri}#contact> a vcard:Organization ; vcard:hasEmail <mailto:support@tre.example.org> .
<https://tre.example.org/> a foaf:Document .
`);
}

let validator: Promise<ShaclValidator> | undefined;

/** The core validator, compiled once per test run. */
export function coreValidator(): Promise<ShaclValidator> {
  validator ??= ShaclValidator.create({ profile: 'core' });
  return validator;
}

/** A fresh store in a temporary directory and an ingestor on it, with a clock that ticks a second per call. */
export async function freshIngestor(): Promise<{
  store: EmbeddedStore;
  ingestor: Ingestor;
  close: () => Promise<void>;
}> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tre-atlas-ingest-'));
  const logger = pino({ level: 'silent' });
  const store = new EmbeddedStore({ dataDir, logger });
  await store.open();
  let tick = Date.parse('2025-06-01T12:00:00Z');
  const clock = (): Date => new Date((tick += 1000));
  const ingestor = await Ingestor.create({ store, validator: await coreValidator(), clock, logger });
  return {
    store,
    ingestor,
    close: async () => {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Everything the store holds, as sorted N-Quads lines. */
export async function dump(store: EmbeddedStore): Promise<string[]> {
  let text = '';
  for await (const chunk of store.exportNQuads()) text += chunk;
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .sort();
}
