import { relative } from 'node:path';
import type { Logger } from 'pino';
import { AtlasError } from '../errors.js';
import { sys } from '../namespaces.js';
import { readRdfPaths } from '../rdf/index.js';
import type { Ingestor } from './Ingestor.js';
import type { IngestResult } from './types.js';

/** Options of {@link loadSeed}. */
export interface LoadSeedOptions {
  /** The ingestor that stores the seed. */
  ingestor: Ingestor;
  /** The folder of RDF files (read recursively); sources are recorded relative to it. */
  dir: string;
  /** Logger for a summary line. */
  logger?: Logger;
}

/**
 * Loads every RDF file under `dir` as ONE batch, submitted by `sys('seed')` with administrator rights and validated
 * together (a TRE's operator may live in another file). A batch with any violation stores nothing and throws
 * `AtlasError('INVALID')` whose context carries the per-file outcomes; unreadable files -> `AtlasError('IO')`,
 * malformed ones -> `AtlasError('SYNTAX')`.
 */
export async function loadSeed(options: LoadSeedOptions): Promise<IngestResult> {
  const files = await readRdfPaths([options.dir]);
  const docs = files
    .filter((f) => f.quads.length > 0)
    .map((f) => ({ quads: f.quads, source: relative(options.dir, f.file).split('\\').join('/') }));
  const result = await options.ingestor.ingest(docs, { submitter: sys('seed'), admin: true });
  if (!result.committed) {
    const problems = result.documents
      .filter((d) => d.refused !== undefined)
      .map((d) => {
        const violations = d.report.results.filter((r) => r.severity === 'Violation');
        const first = violations[0];
        const detail =
          first === undefined ? '' : `: ${first.focusNode} ${first.path ?? ''} ${first.message}`.trimEnd();
        return `${d.source} (${violations.length} violation${violations.length === 1 ? '' : 's'}${detail})`;
      });
    throw new AtlasError('INVALID', `seed ${options.dir} not loaded: ${problems.join('; ')}`, {
      context: { source: options.dir, documents: result.documents },
    });
  }
  options.logger?.info(
    {
      dir: options.dir,
      files: docs.length,
      stored: result.documents.filter((d) => d.unchanged !== true).length,
    },
    'seed loaded',
  );
  return result;
}
