import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { EmbeddedStore, type GraphStore } from '../../src/store/index.js';
import { describeGraphStore } from './graphStoreSuite.js';

const silent = pino({ level: 'silent' });

describeGraphStore('EmbeddedStore', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tre-atlas-store-'));
  let store = new EmbeddedStore({ dataDir: dir, logger: silent });
  await store.open();
  return {
    store,
    async reopen(): Promise<GraphStore> {
      await store.close();
      store = new EmbeddedStore({ dataDir: dir, logger: silent });
      await store.open();
      return store;
    },
    async cleanup() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
