/** The part of rdf-canonize (which ships no types) that the ingestor uses. */
declare module 'rdf-canonize' {
  import type { Quad } from '@rdfjs/types';

  export interface CanonizeOptions {
    algorithm: 'RDFC-1.0';
    format?: 'application/n-quads';
    maxWorkFactor?: number;
    signal?: AbortSignal;
  }

  /** Canonical N-Quads (sorted lines, blank nodes labelled `_:c14nN`). */
  export function canonize(input: readonly Quad[], options: CanonizeOptions): Promise<string>;
}
