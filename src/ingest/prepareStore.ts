import type { Logger } from 'pino';
import type { GraphStore } from '../store/index.js';
import type { Ingestor } from './Ingestor.js';
import { loadSeed } from './loadSeed.js';
import { hasDescriptions, syncVocabulary } from './syncVocabulary.js';

/** Options of {@link prepareStore}. */
export interface PrepareStoreOptions {
  store: GraphStore;
  ingestor: Ingestor;
  /** The vocabulary folder (`ontology/`), kept in the store as one graph per file. */
  ontologyDir: string;
  /** The seed folder (`data/`), loaded when the store holds no description. */
  seedDir: string;
  /** False: never seed (the vocabulary is still synced). Default true. */
  seed?: boolean;
  /** Called just before the seed is loaded. */
  onSeed?: () => void;
  logger?: Logger;
}

/**
 * Brings a freshly opened store up to date, as `serve` and the commands that open a data directory do: the
 * vocabulary graphs are synced, then the seed is loaded when the store holds no description. Resolves to true when
 * the seed was loaded.
 */
export async function prepareStore(options: PrepareStoreOptions): Promise<boolean> {
  const { store, ingestor, logger } = options;
  await syncVocabulary({ store, dir: options.ontologyDir, ...(logger ? { logger } : {}) });
  if (options.seed === false || (await hasDescriptions(store))) return false;
  options.onSeed?.();
  await loadSeed({ ingestor, dir: options.seedDir, ...(logger ? { logger } : {}) });
  return true;
}
