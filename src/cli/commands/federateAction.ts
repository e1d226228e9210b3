import { loadConfig } from '../../config.js';
import { AtlasError } from '../../errors.js';
import { federate, federatedJson, parseSource } from '../../federation/index.js';
import { checkQuery } from '../../sparql/index.js';
import { formatTable } from '../formatTable.js';
import { openLocalGraph, stderrLogger, type LocalGraph } from '../openLocalGraph.js';

/** Options of `tre-atlas federate`. */
export interface FederateFlags {
  source: string[];
  local: boolean;
  allowPrivateNetwork?: boolean;
  timeout?: string;
  format: 'table' | 'json';
  dataDir?: string;
  config?: string;
}

/** Runs a SELECT on the local graph and the sources; rows on stdout, failed sources on stderr. */
export async function federateAction(query: string, flags: FederateFlags): Promise<void> {
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
      allowPrivateNetwork: flags.allowPrivateNetwork === true || config.federation.allowPrivateNetwork,
      hint: 'Pass --allow-private-network to allow it.',
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
