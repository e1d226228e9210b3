import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { TokenStore } from '../../auth/index.js';
import { bundledOntology, loadConfig, type AtlasConfig } from '../../config.js';
import { Ingestor, prepareStore } from '../../ingest/index.js';
import { scheduleHarvest } from '../../harvest/index.js';
import { createServer, Readiness } from '../../server/index.js';
import { NamedQueries } from '../../sparql/index.js';
import { openStore, type GraphStore } from '../../store/index.js';
import { ShaclValidator } from '../../validate/index.js';
import { stderrLogger } from '../openLocalGraph.js';

/** Options of `tre-atlas serve`. */
export interface ServeFlags {
  port?: string;
  host?: string;
  dataDir?: string;
  queryTimeout?: string;
  bodyLimit?: string;
  config?: string;
  store?: string;
  sparqlQuery?: string;
  sparqlUpdate?: string;
  sparqlGsp?: string;
  sparqlUser?: string;
  sparqlPassword?: string;
}

/**
 * Brings the vocabulary graphs up to date, loads the seed (`data/`) when the store holds no description, then
 * marks the server ready; a failure is logged and reported on `/ready`.
 */
async function prepareThenMarkReady(
  config: AtlasConfig,
  store: GraphStore,
  ingestor: Ingestor,
  readiness: Readiness,
  logger: Logger,
): Promise<void> {
  try {
    await prepareStore({
      store,
      ingestor,
      ontologyDir: bundledOntology,
      seedDir: config.seedDir,
      logger,
      onSeed: () => logger.info({ seedDir: config.seedDir }, 'empty store: loading the seed'),
    });
    readiness.markReady();
    logger.info('ready');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    readiness.markFailed(reason);
    logger.error({ err: error }, 'loading the seed failed; /ready answers 503');
  }
}

/**
 * Starts the server and resolves once it has shut down after SIGINT or SIGTERM. Start-up: open the store, listen
 * (so `/health` answers at once), then bring the vocabulary up to date, seed an empty store and mark it ready.
 */
export async function serveAction(flags: ServeFlags): Promise<void> {
  const {
    config: configFile,
    sparqlQuery,
    sparqlUpdate,
    sparqlGsp,
    sparqlUser,
    sparqlPassword,
    ...settings
  } = flags;
  const sparql = {
    'sparql.query': sparqlQuery,
    'sparql.update': sparqlUpdate,
    'sparql.gsp': sparqlGsp,
    'sparql.user': sparqlUser,
    'sparql.password': sparqlPassword,
  };
  const config = loadConfig({
    flags: { ...settings, ...sparql },
    ...(configFile === undefined ? {} : { configFile }),
  });
  const logger = stderrLogger(config.logLevel);
  const queries = await NamedQueries.load(fileURLToPath(new URL('../../../queries', import.meta.url)));
  const store = await openStore(config, logger);
  const validator = await ShaclValidator.create({ profile: 'recommended' });
  const tokens = await TokenStore.open({ dataDir: config.dataDir });
  const ingestor = await Ingestor.create({ store, validator, logger });
  const readiness = new Readiness();
  const harvests = scheduleHarvest({ settings: config.harvest, store, ingestor, logger });
  const app = await createServer({
    // With --port 0 the derived base URL names port 0: take the base from each request's Host instead.
    config: { ...config, baseUrl: /:0$/.test(config.baseUrl) ? undefined : config.baseUrl },
    store,
    ingestor,
    validator,
    tokens,
    logger,
    readiness,
    queries,
  });
  const address = await app.listen({ port: config.port, host: config.host });
  process.stdout.write(`tre-atlas listening on ${address}\n`);

  const stopped = new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      logger.info({ signal }, 'shutting down');
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      Promise.resolve(harvests?.stop())
        .then(() => app.close())
        .then(() => store.close())
        .then(() => logger.info('stopped'))
        .catch((error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exitCode = 3;
        })
        .finally(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await prepareThenMarkReady(config, store, ingestor, readiness, logger);
  harvests?.start();
  await stopped;
}
