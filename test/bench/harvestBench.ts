/**
 * Harvest rate, end to end: a local provider (node:http on loopback) serves a synthetic catalogue of 10,000
 * descriptions (`generateCatalogue`) as a paged DCAT catalogue in N-Triples with Hydra `next` links; TRE Atlas
 * harvests it into a fresh embedded store (fetch, parse, split, SHACL validation with the recommended shapes,
 * canonical hashing, durable writes with history records, the PROV report). Run alone: `npx tsx test/bench/harvestBench.ts`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { Harvester, parseSources } from '../../src/harvest/index.js';
import { Ingestor } from '../../src/ingest/index.js';
import { EmbeddedStore } from '../../src/store/index.js';
import { ShaclValidator } from '../../src/validate/index.js';
import { generateCatalogue } from './generateCatalogue.js';

const DCAT = 'http://www.w3.org/ns/dcat#';
const HYDRA = 'http://www.w3.org/ns/hydra/core#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const CATALOG = 'https://provider.example.org/catalog';

/** Options of {@link benchHarvest}. */
export interface HarvestBenchOptions {
  /** TREs in the catalogue (operators: 1 per 54.4, federations: 20); default 9,800, so 10,000 descriptions in all. */
  tres?: number;
  /** Descriptions per catalogue page; default 500. */
  pageSize?: number;
}

/** Serves the catalogue pages; resolves with the first page's URL and a close function. */
async function serveCatalogue(
  pages: readonly string[],
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const n = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('page') ?? '1');
    const body = pages[n - 1];
    if (body === undefined) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'application/n-triples' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/catalog?page=1`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The pages: each lists its TREs as `dcat:service` and links the next page. */
function buildPages(base: string, tres: number, pageSize: number): { pages: string[]; descriptions: number } {
  const all = [
    ...generateCatalogue({ tres, operators: Math.max(1, Math.round(tres / 54.4)), federations: 20 }),
  ];
  const pages: string[] = [];
  for (let start = 0, n = 1; start < all.length; start += pageSize, n++) {
    const slice = all.slice(start, start + pageSize);
    const view = `<${CATALOG}?page=${n}>`;
    const head = [`<${CATALOG}> <${RDF_TYPE}> <${DCAT}Catalog> .`, `<${CATALOG}> <${HYDRA}view> ${view} .`];
    if (start + pageSize < all.length) head.push(`${view} <${HYDRA}next> <${base}?page=${n + 1}> .`);
    for (const d of slice)
      if (d.graph.includes('/tre/')) head.push(`<${CATALOG}> <${DCAT}service> <${d.graph}> .`);
    pages.push(`${head.join('\n')}\n${slice.map((d) => d.ntriples).join('')}`);
  }
  return { pages, descriptions: all.length };
}

/** Harvests 10,000 synthetic descriptions from a local paged DCAT catalogue; the rate is in descriptions per second. */
export async function benchHarvest(
  options: HarvestBenchOptions = {},
): Promise<{ descriptions: number; seconds: number; rate: number }> {
  const pages: string[] = [];
  const provider = await serveCatalogue(pages);
  const built = buildPages(provider.url.replace(/\?.*$/, ''), options.tres ?? 9_800, options.pageSize ?? 500);
  pages.push(...built.pages);
  const { descriptions } = built;
  const dataDir = await mkdtemp(join(tmpdir(), 'tre-atlas-harvest-bench-'));
  const logger = pino({ level: 'warn' });
  const store = new EmbeddedStore({ dataDir, logger });
  await store.open();
  try {
    const validator = await ShaclValidator.create({ profile: 'recommended' });
    const ingestor = await Ingestor.create({ store, validator, logger });
    const harvester = Harvester.create({ store, ingestor, logger });
    const sources = parseSources({
      allowPrivateNetwork: true,
      sources: [
        { id: 'bench', type: 'dcat', url: provider.url, maxBytes: 512 * 1024 * 1024, timeoutMs: 300_000 },
      ],
    });
    const start = performance.now();
    const report = await harvester.run(sources);
    const seconds = (performance.now() - start) / 1000;
    const source = report.sources[0];
    const stored = source?.created.length ?? 0;
    if (source === undefined || !report.ok || stored !== descriptions) {
      const invalid = source?.invalid[0]?.report.results.find((r) => r.severity === 'Violation');
      throw new Error(
        `harvest bench: stored ${stored} of ${descriptions}; errors: ${source?.errors.join('; ') ?? 'none'}; ` +
          `invalid: ${source?.invalid.length ?? 0}${invalid ? ` (${invalid.focusNode} ${invalid.path ?? ''}: ${invalid.message})` : ''}`,
      );
    }
    return { descriptions: stored, seconds, rate: stored / seconds };
  } finally {
    await store.close();
    await provider.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const tres = process.argv[2] === undefined ? undefined : Number(process.argv[2]);
  const result = await benchHarvest(tres === undefined ? {} : { tres });
  process.stdout.write(
    `harvest: ${result.descriptions} descriptions in ${result.seconds.toFixed(1)} s = ${result.rate.toFixed(0)} descriptions/s\n`,
  );
}
