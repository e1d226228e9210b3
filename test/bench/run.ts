/**
 * `npm run bench`: generates the synthetic catalogue, then measures TRE Atlas side by side with references run on
 * the same machine in the same run (ratios, never absolute targets in tests). Options: `--tres N` (default 10000),
 * `--runs N` (query repetitions, default 15), `--load-seconds N` (HTTP load run, default 20), `--skip a,b` (sections:
 * graphql, harvest, virtuoso). Writes test/bench/out/results.json and results.md.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { NamedQueries } from '../../src/sparql/index.js';
import { generateCatalogue } from './generateCatalogue.js';
import { httpLoad } from './httpLoadBench.js';
import { atlasLoad, directLoad } from './loadBench.js';
import { benchQueriesSideBySide } from './queryBench.js';
import { startServer } from './serverProcess.js';
import { fixed, markdownTable } from './stats.js';

const { values } = parseArgs({
  options: {
    tres: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '15' },
    'load-seconds': { type: 'string', default: '20' },
    skip: { type: 'string', default: '' },
  },
});
const tres = Number(values.tres);
const runs = Number(values.runs);
const skip = new Set(values.skip.split(',').filter(Boolean));
const outDir = fileURLToPath(new URL('out/', import.meta.url));
const log = (message: string): void => console.error(`[bench] ${message}`);

await mkdir(outDir, { recursive: true });
const work = await mkdtemp(join(tmpdir(), 'tre-atlas-bench-'));
const results: Record<string, unknown> = { date: new Date().toISOString(), tres, node: process.version };
const sections: string[] = [];

try {
  log(`generating ${tres} TREs`);
  let nquads = '';
  for (const d of generateCatalogue({ tres })) nquads += d.ntriples.replace(/ \.\n/g, ` <${d.graph}> .\n`);
  const file = join(work, 'catalogue.nq');
  await writeFile(file, nquads);
  nquads = '';

  log('loading: oxigraph directly (reference)');
  const direct = await directLoad(file);
  log('loading: TRE Atlas embedded store');
  const dataDir = join(work, 'data');
  const atlas = await atlasLoad(file, dataDir);
  const directRate = direct.triples / (direct.ms / 1000);
  const atlasRate = direct.triples / (atlas.ms / 1000);
  results['load'] = { triples: direct.triples, graphs: atlas.graphs, directMs: direct.ms, atlasMs: atlas.ms };

  log(
    'starting tre-atlas serve on the loaded data directory (query cache off: every query reaches the engine)',
  );
  const server = await startServer(dataDir, { TRE_ATLAS_QUERY_CACHE: '0' });
  const rssAfterStart = await server.rssMiB();
  const queries = await NamedQueries.load(fileURLToPath(new URL('../../queries/', import.meta.url)));
  log('named queries: oxigraph in-process vs /sparql');
  const timings = await benchQueriesSideBySide({ direct: direct.store, url: server.url, queries, runs });
  const loadSeconds = Number(values['load-seconds']);
  log(`HTTP load: autocannon, 32 connections, ${loadSeconds} s`);
  const load = await httpLoad(server.url, loadSeconds);
  const rssAfterLoad = await server.rssMiB();
  await server.stop();
  log(`HTTP load again with the query cache on (the default): autocannon, 32 connections, ${loadSeconds} s`);
  const cachedServer = await startServer(dataDir);
  const cachedLoad = await httpLoad(cachedServer.url, loadSeconds);
  await cachedServer.stop();
  const server2 = await startServer(dataDir, { TRE_ATLAS_QUERY_CACHE: '0' });
  results['server'] = { startupMs: server.startupMs, rssAfterStart, rssAfterLoad };
  results['queries'] = timings;
  results['httpLoad'] = load;
  results['httpLoadCached'] = cachedLoad;

  sections.push(
    `Synthetic catalogue: ${tres.toLocaleString('en')} TREs, ${direct.triples.toLocaleString('en')} triples in ` +
      `${atlas.graphs.toLocaleString('en')} named graphs; Node ${process.version}; one run of \`npm run bench\` on ` +
      `${new Date().toISOString().slice(0, 10)}.`,
    markdownTable(
      ['measure', 'TRE Atlas', 'reference', 'ratio', 'target'],
      [
        [
          'bulk load (triples/s)',
          fixed(atlasRate, 0),
          `${fixed(directRate, 0)} (oxigraph direct)`,
          fixed(atlasRate / directRate, 2),
          '>= 0.8',
        ],
        ['start-up from data dir to /ready (s)', fixed(server.startupMs / 1000, 1), '', '', '<= 15 s'],
        ['resident memory after start (MiB)', fixed(rssAfterStart, 0), '', '', ''],
        ['resident memory after HTTP load (MiB)', fixed(rssAfterLoad, 0), '', '', ''],
      ],
    ),
    markdownTable(
      ['named query', 'rows', 'oxigraph in-process (ms)', 'TRE Atlas /sparql (ms)', 'ratio', 'target met'],
      timings.map((t) => [
        `${t.name} (${t.label})`,
        String(t.rows),
        fixed(t.directMs, 2),
        fixed(t.endpointMs, 2),
        fixed(t.endpointMs / t.directMs, 2),
        t.withinTarget ? 'yes' : 'no',
      ]),
    ),
    markdownTable(
      ['HTTP load: autocannon, named-query mix', 'query cache off', 'query cache on (default)'],
      [
        [
          'connections / duration',
          `${load.connections} / ${load.seconds} s`,
          `${cachedLoad.connections} / ${cachedLoad.seconds} s`,
        ],
        ['requests', String(load.requests), String(cachedLoad.requests)],
        ['throughput (req/s)', fixed(load.throughput, 0), fixed(cachedLoad.throughput, 0)],
        ['latency p50 / p99 (ms)', `${load.p50} / ${load.p99}`, `${cachedLoad.p50} / ${cachedLoad.p99}`],
        [
          'errors / non-2xx',
          `${load.errors} / ${load.non2xx}`,
          `${cachedLoad.errors} / ${cachedLoad.non2xx}`,
        ],
      ],
    ),
  );

  for (const [name, module, fn] of [
    ['graphql', './graphqlBench.js', 'benchGraphql'],
    ['harvest', './harvestBench.js', 'benchHarvest'],
    ['virtuoso', './virtuosoBench.js', 'benchVirtuoso'],
  ] as const) {
    if (skip.has(name) || !existsSync(fileURLToPath(new URL(module.replace('.js', '.ts'), import.meta.url))))
      continue;
    log(`${name}`);
    const bench = (await import(module)) as Record<string, (ctx: unknown) => Promise<{ markdown?: string }>>;
    const outcome = await bench[fn]!({
      url: server2.url,
      baseUrl: server2.url,
      dataDir,
      catalogueFile: file,
      tres,
      runs,
      queries,
      direct: direct.store,
    });
    results[name] = outcome;
    if (outcome.markdown) sections.push(outcome.markdown);
    else if (typeof (outcome as { rate?: unknown }).rate === 'number') {
      const h = outcome as unknown as { descriptions: number; seconds: number; rate: number };
      sections.push(
        markdownTable(
          ['harvest (paged DCAT catalogue on loopback, validated, stored)', 'value'],
          [
            ['descriptions', String(h.descriptions)],
            ['seconds', fixed(h.seconds, 1)],
            ['rate (descriptions/s)', fixed(h.rate, 1)],
          ],
        ),
      );
    } else if (typeof (outcome as { summary?: unknown }).summary === 'string') {
      sections.push(`${name}: ${(outcome as { summary: string }).summary}`);
    }
  }
  await server2.stop();
} finally {
  await rm(work, { recursive: true, force: true });
}

const markdown = `${sections.join('\n\n')}\n`;
await writeFile(join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
await writeFile(join(outDir, 'results.md'), markdown);
console.log(markdown);
