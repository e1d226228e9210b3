/** Ingestion: the only writer of descriptions, with validation, ownership, provenance and history. */
export { Ingestor } from './Ingestor.js';
export { loadSeed, type LoadSeedOptions } from './loadSeed.js';
export { graphIriOf, primarySubject } from './graphIri.js';
export { publisherOf } from './ownership.js';
export { contentHash, canonicalLines } from './canonical.js';
export { metaGraph } from './metaQueries.js';
export { versionIri } from './metaRecords.js';
export type {
  DescriptionRecord,
  DocumentOutcome,
  IngestDocument,
  IngestOptions,
  IngestResult,
  IngestorOptions,
  VersionRecord,
} from './types.js';
export {
  hasDescriptions,
  syncVocabulary,
  vocabularyIndexGraph,
  type SyncVocabularyOptions,
} from './syncVocabulary.js';
export { prepareStore, type PrepareStoreOptions } from './prepareStore.js';
