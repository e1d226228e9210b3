import type { GraphStore } from '../../src/store/index.js';
import { clearVirtuoso, useVirtuoso, virtuosoStore } from '../virtuoso/virtuosoFixture.js';
import { describeGraphStore } from './graphStoreSuite.js';

describe('SparqlStore on Virtuoso', function () {
  const virtuoso = useVirtuoso();

  describeGraphStore('SparqlStore (Virtuoso 7)', async () => {
    await clearVirtuoso(virtuoso());
    let store = virtuosoStore(virtuoso());
    await store.open();
    return {
      store,
      async reopen(): Promise<GraphStore> {
        await store.close();
        store = virtuosoStore(virtuoso());
        await store.open();
        return store;
      },
      async cleanup() {
        await store.close();
      },
    };
  });
});
