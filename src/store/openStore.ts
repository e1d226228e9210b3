import type { Logger } from 'pino';
import type { AtlasConfig } from '../config.js';
import { AtlasError } from '../errors.js';
import { CachingStore } from './CachingStore.js';
import { EmbeddedStore } from './EmbeddedStore.js';
import type { GraphStore } from './GraphStore.js';
import { SparqlStore } from './SparqlStore.js';

/**
 * Creates and opens the store the configuration names: `embedded` (the data directory) or `sparql` (a remote
 * server; `sparql.query` and `sparql.update` are required). Missing endpoints -> `AtlasError('USAGE')`.
 * With `queryCache` > 0 the store is wrapped in a {@link CachingStore} of that many bytes.
 */
export async function openStore(config: AtlasConfig, logger: Logger): Promise<GraphStore> {
  let store: GraphStore;
  if (config.store === 'sparql') {
    const { query, update, gsp, user, password } = config.sparql;
    if (!query || !update) {
      throw new AtlasError(
        'USAGE',
        'store sparql needs sparql.query and sparql.update (--sparql-query URL --sparql-update URL)',
        { context: { missing: [!query && 'sparql.query', !update && 'sparql.update'].filter(Boolean) } },
      );
    }
    store = new SparqlStore({
      queryUrl: query,
      updateUrl: update,
      ...(gsp ? { gspUrl: gsp } : {}),
      ...(user ? { user, password: password ?? '' } : {}),
      logger,
      queryTimeoutMs: config.queryTimeout,
    });
  } else {
    store = new EmbeddedStore({ dataDir: config.dataDir, logger, queryTimeoutMs: config.queryTimeout });
  }
  await store.open();
  return config.queryCache > 0 ? new CachingStore({ store, maxBytes: config.queryCache }) : store;
}
