import { Option, type Command } from 'commander';
import { fileURLToPath } from 'node:url';
import { AtlasError } from '../../errors.js';
import { checkQuery, NamedQueries, type RawParameters } from '../../sparql/index.js';
import { loadConfig } from '../../config.js';
import { formatTable } from '../formatTable.js';
import { openLocalGraph, stderrLogger } from '../openLocalGraph.js';

type OutputFormat = 'table' | 'json' | 'csv';

interface QueryFlags {
  param: string[];
  format: OutputFormat;
  dataDir?: string;
  queries: string;
  config?: string;
}

const mediaTypes: Record<Exclude<OutputFormat, 'table'>, string> = {
  json: 'application/sparql-results+json',
  csv: 'text/csv',
};

/** `k=v` pairs to raw parameters; a repeated key collects several values. */
function parseParams(pairs: readonly string[]): RawParameters {
  const raw: Record<string, string[]> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0)
      throw new AtlasError('USAGE', `--param takes name=value, got "${pair}"`, { context: { pair } });
    (raw[pair.slice(0, at)] ??= []).push(pair.slice(at + 1));
  }
  return raw;
}

/** A named query (bound) or, when the argument looks like SPARQL, the query itself (checked). */
async function queryText(nameOrQuery: string, flags: QueryFlags): Promise<string> {
  if (/^\s*(PREFIX|BASE|SELECT|ASK|CONSTRUCT|DESCRIBE)\b/i.test(nameOrQuery)) {
    if (flags.param.length > 0) throw new AtlasError('USAGE', '--param applies to named queries only');
    checkQuery(nameOrQuery);
    return nameOrQuery;
  }
  const queries = await NamedQueries.load(flags.queries);
  return queries.bind(nameOrQuery, parseParams(flags.param));
}

async function queryAction(nameOrQuery: string, flags: QueryFlags): Promise<void> {
  const text = await queryText(nameOrQuery, flags);
  const config = loadConfig({
    flags: flags.dataDir === undefined ? {} : { dataDir: flags.dataDir },
    ...(flags.config === undefined ? {} : { configFile: flags.config }),
  });
  const graph = await openLocalGraph(config, {
    logger: stderrLogger('warn'),
    note: (message) => process.stderr.write(`${message}\n`),
  });
  try {
    if (flags.format !== 'table') {
      const raw = await graph.store.queryRaw(text, mediaTypes[flags.format], {
        timeoutMs: config.queryTimeout,
      });
      process.stdout.write(raw.body.endsWith('\n') ? raw.body : `${raw.body}\n`);
      return;
    }
    const result = await graph.store.query(text, { timeoutMs: config.queryTimeout });
    switch (result.kind) {
      case 'bindings':
        process.stdout.write(formatTable(result.variables, result.rows));
        break;
      case 'boolean':
        process.stdout.write(`${String(result.value)}\n`);
        break;
      case 'quads':
        throw new AtlasError(
          'USAGE',
          'CONSTRUCT and DESCRIBE answers are graphs: use /sparql, or --format json for SELECT',
        );
    }
  } finally {
    await graph.close();
  }
}

/** `tre-atlas query NAME [--param k=v]... | tre-atlas query 'SELECT ...'`: runs a query on the local data directory. */
export function registerQueryCommand(program: Command): void {
  program
    .command('query')
    .description('run a named query (see queries/) or a SPARQL SELECT/ASK on the local knowledge graph')
    .argument('<name-or-sparql>', 'a named query, e.g. tres-by-criteria, or SPARQL text')
    .option(
      '--param <name=value>',
      'a parameter of a named query (repeat for more)',
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'),
    )
    .option('--data-dir <dir>', 'data directory (default ./.tre-atlas; loaded from data/ when empty)')
    .option(
      '--queries <dir>',
      'folder of named queries',
      fileURLToPath(new URL('../../../queries', import.meta.url)),
    )
    .option('--config <file>', 'JSON config file')
    .action(queryAction);
}
