import type { Quad } from '@rdfjs/types';
import { parseRdf, rdfFormats } from '../rdf/index.js';
import { canonicalLines } from './canonical.js';

/** The triples added and removed from `before` to `after`, compared on canonical N-Quads (RDFC-1.0). */
export async function diffQuads(
  before: readonly Quad[],
  after: readonly Quad[],
  source: string,
): Promise<{ added: Quad[]; removed: Quad[] }> {
  const [linesA, linesB] = await Promise.all([canonicalLines(before), canonicalLines(after)]);
  const setA = new Set(linesA);
  const setB = new Set(linesB);
  const parse = (lines: string[]): Promise<Quad[]> =>
    parseRdf(lines.join('\n'), { format: rdfFormats.nquads, source });
  const [added, removed] = await Promise.all([
    parse(linesB.filter((l) => !setA.has(l))),
    parse(linesA.filter((l) => !setB.has(l))),
  ]);
  return { added, removed };
}
