import { Option, type Command } from 'commander';
import { lazyAction } from '../lazyAction.js';
import type { ExportFormat } from './exportAction.js';

/** Every export format, in the order of the help: a record so that the compiler notices one missing here. */
const formats: Record<ExportFormat, true> = { ttl: true, jsonld: true, rdfxml: true, nt: true };

/** `tre-atlas export [--format ttl|jsonld|rdfxml|nt] [--profile tre|dcat-ap]`: the whole catalogue, unpaged. */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('write the whole DCAT-AP catalogue of the local knowledge graph (unpaged) to stdout')
    .addOption(new Option('-f, --format <format>', 'RDF format').choices(Object.keys(formats)).default('ttl'))
    .addOption(
      new Option('--profile <profile>', 'tre: everything; dcat-ap: only DCAT-AP terms')
        .choices(['tre', 'dcat-ap'])
        .default('tre'),
    )
    .option('--data-dir <dir>', 'data directory (default ./.tre-atlas; loaded from data/ when empty)')
    .option('--config <file>', 'JSON config file')
    .action(lazyAction(() => import('./exportAction.js'), 'exportAction'));
}
