import { Option, type Command } from 'commander';
import { lazyAction } from '../lazyAction.js';

/**
 * `tre-atlas harvest --sources FILE [--data-dir DIR] [--config FILE] [--format text|json] [--no-seed]`: harvests
 * every source of the sources file into the local store and prints the report. Exit code 0 only when every source
 * was read completely (1 otherwise, 2 for a bad sources file).
 */
export function registerHarvestCommand(program: Command): void {
  program
    .command('harvest')
    .description(
      "harvest providers' descriptions: RDF documents, DCAT catalogues, FAIR Data Points, SPARQL endpoints",
    )
    .requiredOption('-s, --sources <file>', 'JSON sources file: {"sources": [{"id", "type", "url", ...}]}')
    .option(
      '-d, --data-dir <dir>',
      'data directory of the store (default: TRE_ATLAS_DATA_DIR or ./.tre-atlas)',
    )
    .option('-c, --config <file>', 'JSON config file')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json']).default('text'))
    .option('--no-seed', 'do not load data/ into an empty store first')
    .option('-v, --verbose', 'log at the configured level (default: warnings only)')
    .action(lazyAction(() => import('./harvestAction.js'), 'harvestAction'));
}
