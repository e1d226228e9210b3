/**
 * A deterministic synthetic catalogue for benchmarks: `count` TREs (each with served datasets and nested nodes,
 * about 100 triples per TRE), their operators and federations, one named graph per description, following the
 * TRE profile so that the named queries find answers. Same seed, same bytes.
 */

const TRE = 'https://w3id.org/tre-atlas/ns#';
const V = 'https://w3id.org/tre-atlas/vocab/';
const ID = 'https://w3id.org/tre-atlas/id/';
const DCT = 'http://purl.org/dc/terms/';
const DCAT = 'http://www.w3.org/ns/dcat#';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const ORG = 'http://www.w3.org/ns/org#';
const VCARD = 'http://www.w3.org/2006/vcard/ns#';
const SCHEMA = 'https://schema.org/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const COUNTRY = 'http://publications.europa.eu/resource/authority/country/';
const THEME = 'http://publications.europa.eu/resource/authority/data-theme/';

const countries = [
  'NOR',
  'FIN',
  'SWE',
  'DNK',
  'NLD',
  'DEU',
  'FRA',
  'ESP',
  'PRT',
  'ITA',
  'BEL',
  'CZE',
  'EST',
  'GBR',
  'SVN',
  'GRC',
  'HUN',
  'LUX',
  'CHE',
  'AUT',
];
const categories = [
  'HealthRecords',
  'GenomicData',
  'ClinicalTrialData',
  'BiobankData',
  'CohortData',
  'SocioEconomicMicrodata',
  'OfficialStatisticsMicrodata',
  'RestrictedSurveyData',
  'ProtectedSpeciesLocations',
  'CommerciallyConfidentialData',
];
const accessModes = [
  'RemoteDesktop',
  'OnSiteSafeRoom',
  'HPCBatch',
  'FederatedCodeToData',
  'RemoteExecution',
  'AggregateQuery',
];
const outputControls = ['Off', 'Manual', 'SemiAutomated', 'Automated'];
const safes = ['SafePeople', 'SafeProjects', 'SafeSettings', 'SafeData', 'SafeOutputs'];
const standards = ['ISO27001', 'ISO27701', 'NHSDSPT', 'CoreTrustSeal', 'ISO9001'];
const interfaces = ['tes', 'wes', 'drs', 'beacon', 'service-info', 'htsget'];
const users = ['Academic', 'PublicSector', 'Commercial', 'NonProfit'];
const themes = ['HEAL', 'SOCI', 'GOVE', 'ENVI', 'ECON', 'TECH'];
const words = [
  'genomic',
  'cohort',
  'registry',
  'clinical',
  'survey',
  'census',
  'biobank',
  'imaging',
  'cancer',
  'cardio',
  'mental health',
  'microdata',
  'species',
  'trial',
  'federated',
  'secure',
  'analysis',
  'population',
];
const duo = ['DUO_0000042', 'DUO_0000006', 'DUO_0000007', 'DUO_0000046', 'DUO_0000018'];

/** A small seeded pseudo-random generator (mulberry32): the same seed gives the same catalogue. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One description of the catalogue: its graph IRI and its triples as N-Triples lines. */
export interface SyntheticDescription {
  graph: string;
  ntriples: string;
}

/** Options of {@link generateCatalogue}. */
export interface CatalogueOptions {
  tres: number;
  seed?: number;
  operators?: number;
  federations?: number;
}

const iri = (value: string): string => `<${value}>`;
const str = (value: string): string => JSON.stringify(value);
const en = (value: string): string => `${str(value)}@en`;
const typed = (value: string, type: string): string => `${str(value)}^^<${XSD}${type}>`;

/** Generates the catalogue, one description at a time. */
export function* generateCatalogue(options: CatalogueOptions): Generator<SyntheticDescription> {
  const rnd = random(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const some = <T>(list: readonly T[], min: number, max: number): T[] => {
    const n = min + Math.floor(rnd() * (max - min + 1));
    return [...new Set(Array.from({ length: n }, () => pick(list)))];
  };
  const operatorCount = options.operators ?? Math.max(1, Math.floor(options.tres / 50));
  const federationCount = options.federations ?? Math.max(1, Math.floor(options.tres / 500));

  for (let o = 0; o < operatorCount; o++) {
    const s = iri(`${ID}org/synthetic-${o}`);
    const lines = [
      `${s} <${RDF_TYPE}> <${FOAF}Organization> .`,
      `${s} <${RDF_TYPE}> <${ORG}Organization> .`,
      `${s} <${RDF_TYPE}> <${FOAF}Agent> .`,
      `${s} <${FOAF}name> ${en(`Synthetic Research Organisation ${o}`)} .`,
      `${s} <${FOAF}homepage> <https://org-${o}.example.org/> .`,
      `${s} <${DCT}spatial> <${COUNTRY}${pick(countries)}> .`,
    ];
    yield { graph: `${ID}org/synthetic-${o}`, ntriples: `${lines.join('\n')}\n` };
  }
  for (let f = 0; f < federationCount; f++) {
    const s = iri(`${ID}federation/synthetic-${f}`);
    const lines = [
      `${s} <${RDF_TYPE}> <${TRE}Federation> .`,
      `${s} <${RDF_TYPE}> <${ORG}OrganizationalCollaboration> .`,
      `${s} <${RDF_TYPE}> <${FOAF}Organization> .`,
      `${s} <${FOAF}name> ${en(`Synthetic TRE Federation ${f}`)} .`,
    ];
    yield { graph: `${ID}federation/synthetic-${f}`, ntriples: `${lines.join('\n')}\n` };
  }
  for (let t = 0; t < options.tres; t++) {
    const base = `${ID}tre/synthetic-${t}`;
    const s = iri(base);
    const out: string[] = [];
    const add = (subject: string, p: string, o: string): void => {
      out.push(`${subject} <${p}> ${o} .`);
    };
    const country = pick(countries);
    const keywords = some(words, 2, 4);
    add(s, RDF_TYPE, iri(`${TRE}TrustedResearchEnvironment`));
    add(s, RDF_TYPE, iri(`${DCAT}DataService`));
    add(s, `${DCT}title`, en(`Synthetic ${keywords[0]} TRE ${t}`));
    add(
      s,
      `${DCT}description`,
      en(`A synthetic secure environment number ${t} for ${keywords.join(', ')} research in ${country}.`),
    );
    add(s, `${DCT}publisher`, iri(`${ID}org/synthetic-${t % operatorCount}`));
    add(s, `${DCAT}contactPoint`, iri(`${base}#contact`));
    add(iri(`${base}#contact`), RDF_TYPE, iri(`${VCARD}Organization`));
    add(iri(`${base}#contact`), `${VCARD}hasEmail`, iri(`mailto:tre-${t}@example.org`));
    add(s, `${DCAT}landingPage`, iri(`https://tre-${t}.example.org/`));
    add(iri(`https://tre-${t}.example.org/`), RDF_TYPE, iri(`${FOAF}Document`));
    add(s, `${DCAT}endpointURL`, iri(`https://tre-${t}.example.org/api`));
    const day = String(1 + (t % 28)).padStart(2, '0');
    add(s, `${DCT}issued`, typed(`2024-0${1 + (t % 9)}-${day}`, 'date'));
    add(s, `${DCT}modified`, typed(`2026-0${1 + (t % 9)}-${day}`, 'date'));
    add(s, `${DCT}spatial`, iri(`${COUNTRY}${country}`));
    add(
      s,
      'http://data.europa.eu/r5r/applicableLegislation',
      iri('http://data.europa.eu/eli/reg/2016/679/oj'),
    );
    add(
      s,
      `${DCT}accessRights`,
      iri('http://publications.europa.eu/resource/authority/access-right/NON_PUBLIC'),
    );
    for (const k of keywords) add(s, `${DCAT}keyword`, en(k));
    for (const th of some(themes, 1, 2)) add(s, `${DCAT}theme`, iri(`${THEME}${th}`));
    add(s, `${TRE}outputControl`, iri(`${V}output-control/${pick(outputControls)}`));
    for (const m of some(accessModes, 1, 3)) add(s, `${TRE}accessMode`, iri(`${V}access-mode/${m}`));
    add(s, `${TRE}mfaRequired`, typed(rnd() < 0.85 ? 'true' : 'false', 'boolean'));
    for (const c of some(categories, 1, 3)) add(s, `${TRE}hostsDataCategory`, iri(`${V}data-category/${c}`));
    for (const u of some(users, 1, 2)) add(s, `${TRE}eligibleUser`, iri(`${V}eligible-user/${u}`));
    for (const d of some(duo, 0, 3))
      add(s, `${TRE}supportsDataUse`, iri(`http://purl.obolibrary.org/obo/${d}`));
    safes.forEach((safe, i) => {
      const c = iri(`${base}#control-${i}`);
      add(s, `${TRE}hasControl`, c);
      add(c, RDF_TYPE, iri(`${TRE}Control`));
      add(c, `${TRE}addressesSafe`, iri(`${V}five-safes/${safe}`));
      add(c, `${DCT}description`, en(`Control ${i} of TRE ${t}`));
    });
    some(standards, 0, 2).forEach((std) => {
      const c = iri(`${base}#cert-${std}`);
      add(s, `${SCHEMA}hasCertification`, c);
      add(c, RDF_TYPE, iri(`${TRE}Certification`));
      add(c, `${DCT}conformsTo`, iri(`${V}standard/${std}`));
      add(c, `${SCHEMA}validFrom`, typed(`2024-0${1 + (t % 9)}-01`, 'date'));
      add(
        c,
        `${SCHEMA}expires`,
        typed(`${2026 + (t % 3)}-${String(1 + (t % 12)).padStart(2, '0')}-15`, 'date'),
      );
    });
    some(interfaces, 0, 3).forEach((type) => {
      const c = iri(`${base}#interface-${type}`);
      add(s, `${TRE}hasInterface`, c);
      add(c, RDF_TYPE, iri(`${TRE}Interface`));
      add(c, RDF_TYPE, iri(`${DCAT}DataService`));
      add(c, `${TRE}interfaceType`, iri(`${V}ga4gh-service-type/${type}`));
      add(c, `${DCT}title`, en(`${type} interface of TRE ${t}`));
      add(c, `${DCAT}endpointURL`, iri(`https://tre-${t}.example.org/ga4gh/${type}`));
    });
    if (rnd() < 0.6) {
      const f = t % federationCount;
      const c = iri(`${base}#membership-${f}`);
      add(s, `${TRE}hasFederationMembership`, c);
      add(c, RDF_TYPE, iri(`${TRE}FederationMembership`));
      add(c, `${ORG}organization`, iri(`${ID}federation/synthetic-${f}`));
      add(c, `${ORG}member`, s);
    }
    if (t % 5 === 0) {
      const a = iri(`${base}#assessment`);
      add(s, `${TRE}hasAssessment`, a);
      add(a, RDF_TYPE, iri(`${TRE}Assessment`));
      add(a, `${TRE}assessmentFramework`, iri(`${V}satre`));
      for (let k = 1; k <= 7; k++) {
        const ca = iri(`${base}#capability-5.${k}`);
        add(a, `${TRE}hasCapabilityAssessment`, ca);
        add(ca, RDF_TYPE, iri(`${TRE}CapabilityAssessment`));
        add(ca, `${TRE}capability`, iri(`${V}satre/5.${k}`));
        add(ca, `${TRE}score`, typed(String(Math.floor(rnd() * 3)), 'integer'));
      }
    }
    for (let d = 0; d < 3; d++) {
      const ds = iri(`${ID}dataset/synthetic-${t}-${d}`);
      add(s, `${DCAT}servesDataset`, ds);
      add(ds, RDF_TYPE, iri(`${DCAT}Dataset`));
      add(ds, `${DCT}title`, en(`Synthetic ${pick(words)} dataset ${t}.${d}`));
      add(ds, `${DCT}description`, en(`Dataset ${d} held in TRE ${t}.`));
      add(ds, `${DCAT}keyword`, en(pick(words)));
      add(ds, `${DCT}publisher`, iri(`${ID}org/synthetic-${t % operatorCount}`));
      add(ds, `${DCT}issued`, typed(`2023-0${1 + (d % 9)}-${day}`, 'date'));
      add(ds, `${DCAT}theme`, iri(`${THEME}${pick(themes)}`));
      add(ds, `${DCAT}landingPage`, iri(`https://tre-${t}.example.org/datasets/${d}`));
      add(iri(`https://tre-${t}.example.org/datasets/${d}`), RDF_TYPE, iri(`${FOAF}Document`));
      add(
        ds,
        `${DCT}accessRights`,
        iri('http://publications.europa.eu/resource/authority/access-right/RESTRICTED'),
      );
    }
    yield { graph: base, ntriples: `${out.join('\n')}\n` };
  }
}
