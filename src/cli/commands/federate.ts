import { Option, type Command } from 'commander';
import { lazyAction } from '../lazyAction.js';

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
    .option(
      '--allow-private-network',
      'also contact sources on loopback, private or link-local addresses (default: public internet only)',
    )
    .option('--timeout <ms>', 'time limit of each source in milliseconds (default: the query timeout)')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'),
    )
    .option('--data-dir <dir>', 'data directory of the local graph (default ./.tre-atlas)')
    .option('--config <file>', 'JSON config file')
    .action(lazyAction(() => import('./federateAction.js'), 'federateAction'));
}
