import cliProgress from 'cli-progress';
import { loadConfig } from '../../config.js';
import {
  Harvester,
  readSources,
  type HarvestProgress,
  type HarvestReport,
  type SourceReport,
} from '../../harvest/index.js';
import { metaGraph } from '../../ingest/index.js';
import { exitCodes } from '../exitCodes.js';
import { openLocalGraph, stderrLogger } from '../openLocalGraph.js';

/** Options of `tre-atlas harvest`. */
export interface HarvestFlags {
  sources: string;
  dataDir?: string;
  config?: string;
  format: 'text' | 'json';
  seed: boolean;
  verbose?: boolean;
}

/** Progress bars on stderr, one per source, only when stderr is a terminal. */
function progressBars(): { update(event: HarvestProgress): void; stop(): void } {
  if (process.stderr.isTTY !== true) return { update: () => undefined, stop: () => undefined };
  const multi = new cliProgress.MultiBar(
    {
      stream: process.stderr,
      format: '{source} |{bar}| {phase} {value}/{total} {detail}',
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<string, cliProgress.SingleBar>();
  const bar = (source: string): cliProgress.SingleBar => {
    let found = bars.get(source);
    if (found === undefined) {
      found = multi.create(1, 0, { source: source.padEnd(16).slice(0, 16), phase: 'fetch', detail: '' });
      bars.set(source, found);
    }
    return found;
  };
  return {
    update(event) {
      const b = bar(event.source);
      if (event.phase === 'fetch') {
        b.setTotal(event.fetched + 1);
        b.update(event.fetched, { phase: 'fetch', detail: event.url.slice(-40) });
      } else if (event.phase === 'ingest') {
        b.setTotal(event.total);
        b.update(event.done, { phase: 'store', detail: '' });
      } else {
        const r = event.report;
        b.setTotal(Math.max(r.descriptions, 1));
        b.update(Math.max(r.descriptions, 1), { phase: r.complete ? 'done' : 'INCOMPLETE', detail: '' });
      }
    },
    stop: () => multi.stop(),
  };
}

const columns = [
  'source',
  'type',
  'fetched',
  'new',
  'updated',
  'unchanged',
  'invalid',
  'withdrawn',
  'errors',
  'read',
];

function row(r: SourceReport): string[] {
  return [
    r.id,
    r.type,
    String(r.fetched),
    String(r.created.length),
    String(r.updated.length),
    String(r.unchanged.length),
    String(r.invalid.length),
    String(r.withdrawn.length),
    String(r.errors.length),
    r.complete ? (r.sourceUnchanged ? 'complete (not modified)' : 'complete') : 'INCOMPLETE',
  ];
}

/** The report as text: a table of counts, then invalid descriptions with their violations, then errors. */
function formatHarvestReport(report: HarvestReport): string {
  const rows = [columns, ...report.sources.map(row)];
  const widths = columns.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]): string =>
    r
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const seconds = ((report.endedAt.getTime() - report.startedAt.getTime()) / 1000).toFixed(1);
  const out = [`Harvest ${report.activity} (${report.startedAt.toISOString()}, ${seconds} s)`, ''];
  out.push(line(columns), line(widths.map((w) => '-'.repeat(w))), ...report.sources.map((r) => line(row(r))));
  for (const r of report.sources) {
    for (const inv of r.invalid) {
      const violations = inv.report.results.filter((x) => x.severity === 'Violation');
      out.push(
        '',
        `[${r.id}] ${inv.graph}: invalid, not stored (${violations.length} violation(s)); any previous version stays`,
      );
      for (const v of violations) out.push(`    ${v.focusNode} ${v.path ?? ''}: ${v.message}`);
    }
  }
  const errors = report.sources.flatMap((r) => r.errors.map((e) => `[${r.id}] ${e}`));
  if (errors.length > 0) out.push('', 'Errors:', ...errors.map((e) => `  ${e}`));
  for (const r of report.sources) {
    if (r.withdrawn.length > 0) out.push('', `[${r.id}] withdrawn: ${r.withdrawn.join(', ')}`);
  }
  out.push(
    '',
    report.ok
      ? 'Every source was read completely.'
      : 'Not every source was read completely: nothing was withdrawn from those sources.',
    `The report is stored in the system graph ${metaGraph} as a prov:Activity.`,
  );
  return `${out.join('\n')}\n`;
}

/** JSON of a report (dates as ISO strings). */
function reportJson(report: HarvestReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Harvests every source into the local store, prints the report; exit code 1 unless every source was read. */
export async function harvestAction(flags: HarvestFlags): Promise<void> {
  const sources = await readSources(flags.sources);
  const config = loadConfig({
    flags: { dataDir: flags.dataDir },
    ...(flags.config === undefined ? {} : { configFile: flags.config }),
  });
  const logger = stderrLogger(flags.verbose === true ? config.logLevel : 'warn');
  const graph = await openLocalGraph(config, {
    logger,
    seed: flags.seed,
    note: (message) => process.stderr.write(`${message}\n`),
  });
  const bars = progressBars();
  try {
    const harvester = Harvester.create({ store: graph.store, ingestor: graph.ingestor, logger });
    const report = await harvester.run(sources, { onProgress: (event) => bars.update(event) });
    bars.stop();
    process.stdout.write(flags.format === 'json' ? reportJson(report) : formatHarvestReport(report));
    process.exitCode = report.ok ? exitCodes.ok : exitCodes.invalid;
  } finally {
    bars.stop();
    await graph.close();
  }
}
