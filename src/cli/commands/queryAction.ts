import { AtlasError } from '../../errors.js';
import { checkQuery, NamedQueries, type RawParameters } from '../../sparql/index.js';
import { formatTable } from '../formatTable.js';
import { openDataDir } from '../openLocalGraph.js';

type OutputFormat = 'table' | 'json' | 'csv';

/** Options of `tre-atlas query`. */
export interface QueryFlags {
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

/** Runs a named query or SPARQL text on the local graph and prints the answer. */
export async function queryAction(nameOrQuery: string, flags: QueryFlags): Promise<void> {
  const text = await queryText(nameOrQuery, flags);
  const { config, graph } = await openDataDir(flags);
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
