/**
 * Virtuoso as a peer: the synthetic catalogue bulk-loaded into Virtuoso 7 (`ld_dir` + `rdf_loader_run`), then the
 * named queries measured side by side on Virtuoso's own /sparql, on TRE Atlas with the Virtuoso backend
 * (`serve --store sparql`), and on TRE Atlas with the embedded store (the runner's server). Medians per query.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NamedQueries } from '../../src/sparql/index.js';
import { startVirtuoso, virtuosoInstalled } from '../virtuoso/startVirtuoso.js';
import { benchQueries } from './benchQueries.js';
import { startServer } from './serverProcess.js';
import { fixed, markdownTable, median, medianOf } from './stats.js';

/** What the runner passes in. */
export interface VirtuosoBenchContext {
  /** The TRE Atlas server on the embedded store, loaded with the same catalogue. */
  url: string;
  /** The catalogue as an N-Quads file. */
  catalogueFile: string;
  runs: number;
  queries: NamedQueries;
}

/** One named query on the three setups. */
export interface VirtuosoRow {
  name: string;
  label: string;
  rows: { virtuoso: number; atlasVirtuoso: number; atlasEmbedded: number };
  virtuosoMs: number;
  atlasVirtuosoMs: number;
  atlasEmbeddedMs: number;
}

async function post(url: string, query: string): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/sparql-results+json',
      // Every answer from the engine: TRE Atlas's query cache would otherwise answer repeats (Virtuoso ignores this).
      'cache-control': 'no-cache',
    },
    body: new URLSearchParams({ query }).toString(),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status} ${text.slice(0, 300)}`);
  return (JSON.parse(text) as { results: { bindings: unknown[] } }).results.bindings.length;
}

/** Runs the Virtuoso comparison; returns the rows, the load time and a Markdown section. */
export async function benchVirtuoso(ctx: VirtuosoBenchContext): Promise<{
  skipped?: string;
  loadMs?: number;
  rows: VirtuosoRow[];
  markdown?: string;
}> {
  if (!virtuosoInstalled()) return { skipped: 'Virtuoso is not installed', rows: [] };
  const virtuoso = await startVirtuoso({ buffers: 170_000 });
  const dataDir = await mkdtemp(join(tmpdir(), 'tre-atlas-bench-virtuoso-'));
  try {
    await copyFile(ctx.catalogueFile, join(virtuoso.dir, 'catalogue.nq'));
    const loadStart = performance.now();
    await virtuoso.isql(
      `ld_dir ('${virtuoso.dir}', 'catalogue.nq', 'urn:bench:default');\nrdf_loader_run ();\ncheckpoint;`,
    );
    const loadMs = performance.now() - loadStart;
    const atlas = await startServer(dataDir, {
      TRE_ATLAS_STORE: 'sparql',
      TRE_ATLAS_SPARQL_QUERY: virtuoso.authUrl,
      TRE_ATLAS_SPARQL_UPDATE: virtuoso.authUrl,
      TRE_ATLAS_SPARQL_GSP: virtuoso.gspUrl,
      TRE_ATLAS_SPARQL_USER: virtuoso.user,
      TRE_ATLAS_SPARQL_PASSWORD: virtuoso.password,
      TRE_ATLAS_QUERY_TIMEOUT: '60000',
    });
    const rows: VirtuosoRow[] = [];
    try {
      const targets = {
        virtuoso: virtuoso.queryUrl,
        atlasVirtuoso: `${atlas.url}/sparql`,
        atlasEmbedded: `${ctx.url}/sparql`,
      };
      for (const { name, label, params } of benchQueries) {
        const text = ctx.queries.bind(name, params);
        const counts = {
          virtuoso: await post(targets.virtuoso, text),
          atlasVirtuoso: await post(targets.atlasVirtuoso, text),
          atlasEmbedded: await post(targets.atlasEmbedded, text),
        };
        // Interleaved rounds, so that drift of the machine affects all three alike.
        const times: Record<keyof typeof targets, number[]> = {
          virtuoso: [],
          atlasVirtuoso: [],
          atlasEmbedded: [],
        };
        for (let round = 0; round < 3; round++) {
          for (const key of Object.keys(targets) as Array<keyof typeof targets>) {
            times[key].push(await medianOf(Math.ceil(ctx.runs / 3), 1, () => post(targets[key], text)));
          }
        }
        rows.push({
          name,
          label,
          rows: counts,
          virtuosoMs: median(times.virtuoso),
          atlasVirtuosoMs: median(times.atlasVirtuoso),
          atlasEmbeddedMs: median(times.atlasEmbedded),
        });
      }
    } finally {
      await atlas.stop();
    }
    const markdown = [
      `Virtuoso 7 as a peer (bulk loader: ${fixed(loadMs / 1000, 1)} s). Medians in ms over HTTP, SPARQL JSON; ` +
        'rows per setup in brackets when they differ.',
      markdownTable(
        ['query', 'Virtuoso /sparql', 'TRE Atlas on Virtuoso', 'TRE Atlas embedded', 'embedded vs Virtuoso'],
        rows.map((r) => {
          const same = r.rows.virtuoso === r.rows.atlasVirtuoso && r.rows.virtuoso === r.rows.atlasEmbedded;
          const counts = same ? '' : ` [${r.rows.virtuoso}/${r.rows.atlasVirtuoso}/${r.rows.atlasEmbedded}]`;
          return [
            `${r.label}${counts}`,
            fixed(r.virtuosoMs, 2),
            fixed(r.atlasVirtuosoMs, 2),
            fixed(r.atlasEmbeddedMs, 2),
            `${fixed(r.virtuosoMs / r.atlasEmbeddedMs, 2)}x`,
          ];
        }),
      ),
    ].join('\n\n');
    return { loadMs, rows, markdown };
  } finally {
    await virtuoso.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
