import { Option, type Command } from 'commander';
import { fileURLToPath } from 'node:url';
import { lazyAction } from '../lazyAction.js';

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
    .action(lazyAction(() => import('./queryAction.js'), 'queryAction'));
}
