import { Option, type Command } from 'commander';
import { Catalog, catalogPrefixes, type CatalogProfile } from '../../catalog/index.js';
import { loadConfig } from '../../config.js';
import { rdfFormats, serializeRdf, type RdfFormat } from '../../rdf/index.js';
import { openLocalGraph, stderrLogger } from '../openLocalGraph.js';

type ExportFormat = 'ttl' | 'jsonld' | 'rdfxml' | 'nt';

const formats: Record<ExportFormat, RdfFormat> = {
  ttl: rdfFormats.turtle,
  jsonld: rdfFormats.jsonld,
  rdfxml: rdfFormats.rdfxml,
  nt: rdfFormats.ntriples,
};

interface ExportFlags {
  format: ExportFormat;
  profile: CatalogProfile;
  dataDir?: string;
  config?: string;
}

async function exportAction(flags: ExportFlags): Promise<void> {
  const config = loadConfig({
    flags: flags.dataDir === undefined ? {} : { dataDir: flags.dataDir },
    ...(flags.config === undefined ? {} : { configFile: flags.config }),
  });
  const graph = await openLocalGraph(config, {
    logger: stderrLogger('warn'),
    note: (message) => process.stderr.write(`${message}\n`),
  });
  try {
    const catalog = await Catalog.create({ store: graph.store, timeoutMs: config.queryTimeout });
    const plan = await catalog.plan({ profile: flags.profile });
    const quads = await catalog.render(plan);
    process.stdout.write(await serializeRdf(quads, formats[flags.format], { prefixes: catalogPrefixes }));
  } finally {
    await graph.close();
  }
}

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
    .action(exportAction);
}
