import type { Quad } from '@rdfjs/types';
import { join } from 'node:path';
import { DataFactory } from 'n3';
import { xsd } from '../namespaces.js';
import { readRdfPaths } from '../rdf/index.js';
import type { ValidationProfile } from './ValidationReport.js';

/** The shapes files of each layer, cumulative. */
const layers: Readonly<Record<ValidationProfile, readonly string[]>> = {
  core: ['core.ttl'],
  recommended: ['core.ttl', 'recommended.ttl'],
  ehds: ['core.ttl', 'recommended.ttl', 'ehds.ttl'],
};

/** The placeholder a shapes file uses for the date of the run (`"$TODAY"^^xsd:date`). */
export const todayPlaceholder = '$TODAY';

/** Reads the shapes of `profile` from `shapesDir`, with `"$TODAY"^^xsd:date` replaced by `today` (YYYY-MM-DD). */
export async function loadShapes(
  profile: ValidationProfile,
  shapesDir: string,
  today: string,
): Promise<Quad[]> {
  const files = await readRdfPaths(layers[profile].map((name) => join(shapesDir, name)));
  const date = DataFactory.literal(today, DataFactory.namedNode(xsd('date')));
  return files.flatMap(({ quads }) =>
    quads.map((q) =>
      q.object.termType === 'Literal' &&
      q.object.value === todayPlaceholder &&
      q.object.datatype.value === xsd('date')
        ? DataFactory.quad(q.subject, q.predicate, date, q.graph)
        : q,
    ),
  );
}

/** The calendar date (UTC) of `now` as `YYYY-MM-DD`. */
export function isoDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}
