import { Catalog, catalogPrefixes, type CatalogProfile } from '../../catalog/index.js';
import { rdfFormats, serializeRdf, type RdfFormat } from '../../rdf/index.js';
import { openDataDir } from '../openLocalGraph.js';

/** A format of `tre-atlas export --format`. */
export type ExportFormat = 'ttl' | 'jsonld' | 'rdfxml' | 'nt';

const formats: Record<ExportFormat, RdfFormat> = {
  ttl: rdfFormats.turtle,
  jsonld: rdfFormats.jsonld,
  rdfxml: rdfFormats.rdfxml,
  nt: rdfFormats.ntriples,
};

/** Options of `tre-atlas export`. */
export interface ExportFlags {
  format: ExportFormat;
  profile: CatalogProfile;
  dataDir?: string;
  config?: string;
}

/** Writes the whole catalogue of the local graph to stdout in the chosen format and profile. */
export async function exportAction(flags: ExportFlags): Promise<void> {
  const { config, graph } = await openDataDir(flags);
  try {
    const catalog = await Catalog.create({ store: graph.store, timeoutMs: config.queryTimeout });
    const plan = await catalog.plan({ profile: flags.profile });
    const quads = await catalog.render(plan);
    process.stdout.write(await serializeRdf(quads, formats[flags.format], { prefixes: catalogPrefixes }));
  } finally {
    await graph.close();
  }
}
