import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { createHash } from 'node:crypto';
import { canonize } from 'rdf-canonize';
import { AtlasError } from '../errors.js';

/**
 * The canonical N-Quads lines of a description (RDFC-1.0 blank-node labels, graph terms dropped), sorted, each
 * without its trailing newline.
 */
export async function canonicalLines(quads: readonly Quad[]): Promise<string[]> {
  const triples = quads.map((q) => DataFactory.quad(q.subject, q.predicate, q.object));
  let text: string;
  try {
    text = await canonize(triples, {
      algorithm: 'RDFC-1.0',
      format: 'application/n-quads',
      maxWorkFactor: 2,
    });
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new AtlasError(
      'UNSAFE_INPUT',
      `cannot canonicalise the blank nodes of the description: ${message}`,
      {
        cause,
      },
    );
  }
  return [...new Set(text.split('\n').filter((line) => line !== ''))].sort();
}

/** SHA-256 (hex) of the canonical N-Quads of a description: equal for isomorphic descriptions. */
export async function contentHash(quads: readonly Quad[]): Promise<string> {
  const lines = await canonicalLines(quads);
  return createHash('sha256')
    .update(lines.map((l) => `${l}\n`).join(''), 'utf8')
    .digest('hex');
}

/** Short stable hash of a graph IRI, used in the IRIs of its archived versions. */
export function graphKey(graph: string): string {
  return createHash('sha256').update(graph, 'utf8').digest('hex').slice(0, 32);
}
