import { relative } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import type { Logger } from 'pino';
import { ontologyGraph, sys, tre } from '../namespaces.js';
import { readRdfPaths } from '../rdf/index.js';
import type { GraphChange, GraphStore } from '../store/index.js';
import { contentHash } from './canonical.js';

const { namedNode, literal, quad } = DataFactory;

/** The system graph that remembers which vocabulary file was stored with which content hash. */
export const vocabularyIndexGraph = sys('vocabulary');

/** Options of {@link syncVocabulary}. */
export interface SyncVocabularyOptions {
  store: GraphStore;
  /** The folder of the vocabulary (`ontology/`), read recursively. */
  dir: string;
  logger?: Logger;
}

/**
 * Keeps the project's vocabulary queryable next to the descriptions: every file under `dir` is one public graph
 * (`ontologyGraph(relative path without extension)`), so queries can use concept labels, notations and scheme
 * membership. Files whose content changed since the last start are replaced, removed files are dropped, all in one
 * atomic batch; nothing is written when nothing changed. Returns the graphs written.
 */
export async function syncVocabulary(options: SyncVocabularyOptions): Promise<string[]> {
  const { store, dir } = options;
  const files = await readRdfPaths([dir]);
  const known = new Map<string, string>();
  for (const q of await store.getGraph(vocabularyIndexGraph)) {
    if (q.predicate.value === tre('contentHash')) known.set(q.subject.value, q.object.value);
  }
  const changes: GraphChange[] = [];
  const index: Quad[] = [];
  const present = new Set<string>();
  for (const { file, quads } of files) {
    const graph = ontologyGraph(
      relative(dir, file)
        .split('\\')
        .join('/')
        .replace(/\.[^./]+$/, ''),
    );
    present.add(graph);
    const hash = await contentHash(quads);
    index.push(
      quad(namedNode(graph), namedNode(tre('contentHash')), literal(hash), namedNode(vocabularyIndexGraph)),
    );
    if (known.get(graph) !== hash) {
      const g = namedNode(graph);
      changes.push({ graph, quads: quads.map((q) => quad(q.subject, q.predicate, q.object, g)) });
    }
  }
  for (const graph of known.keys()) if (!present.has(graph)) changes.push({ graph, quads: null });
  if (changes.length === 0) return [];
  changes.push({ graph: vocabularyIndexGraph, quads: index });
  await store.applyChanges(changes);
  const written = changes.map((c) => c.graph).filter((g) => g !== vocabularyIndexGraph);
  options.logger?.info({ dir, graphs: written.length }, 'vocabulary graphs updated');
  return written;
}

/** True when the store holds any public graph besides the vocabulary: a store without is filled from the seed. */
export async function hasDescriptions(store: GraphStore): Promise<boolean> {
  return (await store.listGraphs()).some((graph) => !graph.startsWith(ontologyGraph.iri));
}
