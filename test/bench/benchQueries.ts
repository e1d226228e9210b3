/** The named queries the benchmark runs on the synthetic catalogue, with parameters that find answers there. */
const V = 'https://w3id.org/tre-atlas/vocab/';
const ID = 'https://w3id.org/tre-atlas/id/';
const C = 'http://publications.europa.eu/resource/authority/country/';

/** Name, short label for tables, and raw parameters. */
export const benchQueries: ReadonlyArray<{
  name: string;
  label: string;
  params: Record<string, string | string[]>;
}> = [
  { name: 'tre-summary', label: 'lookup by IRI', params: { tre: `${ID}tre/synthetic-5000` } },
  {
    name: 'tres-by-criteria',
    label: 'filter category + country',
    params: { category: `${V}data-category/GenomicData`, country: `${C}FIN` },
  },
  { name: 'tres-per-country', label: 'count group by country', params: {} },
  { name: 'search-tres', label: 'text search', params: { text: 'cardio' } },
  { name: 'eu-genomic-certified-ga4gh', label: 'EU genomic + ISO 27001 + TES/WES', params: {} },
  { name: 'commercial-output-checking', label: 'commercial + output checking', params: {} },
  {
    name: 'data-use-compatible',
    label: 'data-use profile (DUO)',
    params: {
      dataUse: ['http://purl.obolibrary.org/obo/DUO_0000006', 'http://purl.obolibrary.org/obo/DUO_0000046'],
    },
  },
  { name: 'capability-matrix', label: 'capability matrix (one country)', params: { country: `${C}FIN` } },
  {
    name: 'certifications-expiring',
    label: 'certifications expiring in 90 days',
    params: { days: '90', today: '2026-12-01' },
  },
  {
    name: 'federation-members',
    label: 'federation members',
    params: { federation: `${ID}federation/synthetic-3` },
  },
  {
    name: 'federation-satre-coverage',
    label: 'SATRE coverage per pillar',
    params: { federation: `${ID}federation/synthetic-3` },
  },
  {
    name: 'federation-pillar-complete',
    label: 'federation pillar complete',
    params: { federation: `${ID}federation/synthetic-3` },
  },
];

/** Query-string form of raw parameters (repeated keys for lists). */
export function queryString(params: Record<string, string | string[]>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, v);
  }
  return search.toString();
}
