import { pino } from 'pino';
import { SparqlStore } from '../../src/store/index.js';
import { startVirtuoso, virtuosoInstalled, type VirtuosoInstance } from './startVirtuoso.js';

/**
 * Starts one Virtuoso for a mocha suite (in `before`), stops it in `after`. Without Virtuoso installed the
 * suite is skipped with a message, except in CI (`CI=true`), where it fails.
 */
export function useVirtuoso(): () => VirtuosoInstance {
  let instance: VirtuosoInstance | undefined;
  before(async function () {
    this.timeout(120_000);
    if (!virtuosoInstalled()) {
      if (process.env['CI'] === 'true')
        throw new Error('Virtuoso is not installed (apt-get install virtuoso-opensource): required in CI');
      console.warn('    (skipped: Virtuoso is not installed; apt-get install virtuoso-opensource)');
      this.skip();
    }
    instance = await startVirtuoso();
  });
  after(async () => {
    await instance?.stop();
  });
  return () => {
    if (!instance) throw new Error('Virtuoso is not running');
    return instance;
  };
}

/** A SparqlStore on `virtuoso` as TRE Atlas is configured for it: reads on /sparql-auth, staging over GSP. */
export function virtuosoStore(virtuoso: VirtuosoInstance, queryTimeoutMs?: number): SparqlStore {
  return new SparqlStore({
    queryUrl: virtuoso.authUrl,
    updateUrl: virtuoso.authUrl,
    gspUrl: virtuoso.gspUrl,
    user: virtuoso.user,
    password: virtuoso.password,
    logger: pino({ level: 'silent' }),
    ...(queryTimeoutMs ? { queryTimeoutMs } : {}),
  });
}

/** Removes every graph but Virtuoso's own, so each test starts empty. */
export async function clearVirtuoso(virtuoso: VirtuosoInstance): Promise<void> {
  await virtuoso.isql(`
DELETE FROM DB.DBA.RDF_QUAD WHERE G NOT IN (iri_to_id ('http://www.openlinksw.com/schemas/virtrdf#'), iri_to_id ('http://www.w3.org/ns/ldp#'), iri_to_id ('http://localuriqaserver/sparql'));
`);
}
