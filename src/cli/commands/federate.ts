import { Option, type Command } from 'commander';
import { loadConfig } from '../../config.js';
import { AtlasError } from '../../errors.js';
import { federate, federatedJson, parseSource } from '../../federation/index.js';
import { checkQuery } from '../../sparql/index.js';
import { formatTable } from '../formatTable.js';
import { openLocalGraph, stderrLogger, type LocalGraph } from '../openLocalGraph.js';

interface FederateFlags {
  source: string[];
  local: boolean;
  timeout?: string;
  format: 'table' | 'json';
  dataDir?: string;
  config?: string;
}

async function federateAction(query: string, flags: FederateFlags): Promise<void> {
  if (checkQuery(query).kind !== 'bindings') throw new AtlasError('USAGE', 'federate takes a SELECT query');
  const sources = flags.source.map(parseSource);
  if (sources.length === 0 && !flags.local)
    throw new AtlasError('USAGE', 'give at least one --source, or keep the local graph');
  const timeoutMs = flags.timeout === undefined ? undefined : Number(flags.timeout);
  if (timeoutMs !== undefined && !(timeoutMs > 0))
    throw new AtlasError('USAGE', `--timeout takes milliseconds, got "${flags.timeout}"`);
  const config = loadConfig({
    flags: flags.dataDir === undefined ? {} : { dataDir: flags.dataDir },
    ...(flags.config === undefined ? {} : { configFile: flags.config }),
  });
  const logger = stderrLogger('warn');
  let graph: LocalGraph | undefined;
  try {
    if (flags.local)
      graph = await openLocalGraph(config, { logger, note: (m) => process.stderr.write(`${m}\n`) });
    const result = await federate(query, {
      ...(graph ? { store: graph.store } : {}),
      sources,
      timeoutMs: timeoutMs ?? config.queryTimeout,
      logger,
    });
    if (flags.format === 'json') process.stdout.write(`${federatedJson(result)}\n`);
    else process.stdout.write(formatTable(result.variables, result.rows));
    for (const failed of result.failed)
      process.stderr.write(`tre-atlas: source ${failed.source} failed (${failed.code}): ${failed.message}\n`);
  } finally {
    await graph?.close();
  }
}

/**
 * `tre-atlas federate 'SELECT ...' --source URL...`: runs a SELECT live on the local graph and on each source (a
 * SPARQL endpoint when the URL ends in /sparql, else an RDF document; `sparql@URL` / `document@URL` to say which).
 * Every row names its source; failed sources are listed on stderr (and in `failures` with --format json).
 */
export function registerFederateCommand(program: Command): void {
  program
    .command('federate')
    .description(
      'run a SPARQL SELECT live on the local graph and provider sources (SPARQL endpoints, RDF documents)',
    )
    .argument('<sparql>', 'a SPARQL SELECT query')
    .option(
      '--source <url>',
      'a provider source (repeat for more)',
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option('--no-local', 'leave the local graph out')
    .option('--timeout <ms>', 'time limit of each source in milliseconds (default: the query timeout)')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'),
    )
    .option('--data-dir <dir>', 'data directory of the local graph (default ./.tre-atlas)')
    .option('--config <file>', 'JSON config file')
    .action(federateAction);
}
