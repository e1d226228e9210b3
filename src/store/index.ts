export type {
  Dataset,
  GraphChange,
  GraphStore,
  QueryKind,
  QueryOptions,
  QueryResult,
  RawQueryResult,
} from './GraphStore.js';
export { isSystemGraph } from './systemGraphs.js';
export { EmbeddedStore, type EmbeddedStoreOptions } from './EmbeddedStore.js';
export { SparqlStore, type SparqlStoreOptions } from './SparqlStore.js';
export { openStore } from './openStore.js';
export { CachingStore, type CachingStoreOptions, type CacheStats } from './CachingStore.js';
