import type { Command } from 'commander';
import { fileURLToPath } from 'node:url';
import { pino, type Logger } from 'pino';
import { TokenStore } from '../../auth/index.js';
import { bundledOntology, loadConfig, type AtlasConfig } from '../../config.js';
import { AtlasError } from '../../errors.js';
import { hasDescriptions, Ingestor, loadSeed, syncVocabulary } from '../../ingest/index.js';
import { scheduleHarvest } from '../../harvest/index.js';
import { createServer, Readiness } from '../../server/index.js';
import { NamedQueries } from '../../sparql/index.js';
import { EmbeddedStore, SparqlStore, type GraphStore } from '../../store/index.js';
import { ShaclValidator } from '../../validate/index.js';

interface ServeFlags {
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

/** The configured store: embedded in `dataDir`, or a remote SPARQL server (`store: sparql`). */
function createStore(config: AtlasConfig, logger: Logger): GraphStore {
  const queryTimeoutMs = config.queryTimeout;
  if (config.store === 'embedded')
    return new EmbeddedStore({ dataDir: config.dataDir, logger, queryTimeoutMs });
  const { query, update, gsp, user, password } = config.sparql;
  if (query === undefined || update === undefined) {
    throw new AtlasError(
      'USAGE',
      'store "sparql" needs sparql.query and sparql.update (TRE_ATLAS_SPARQL_QUERY/UPDATE)',
    );
  }
  return new SparqlStore({
    queryUrl: query,
    updateUrl: update,
    logger,
    queryTimeoutMs,
    ...(gsp === undefined ? {} : { gspUrl: gsp }),
    ...(user === undefined ? {} : { user }),
    ...(password === undefined ? {} : { password }),
  });
}

/**
 * Brings the vocabulary graphs up to date, loads the seed (`data/`) when the store holds no description, then
 * marks the server ready; a failure is logged and reported on `/ready`.
 */
async function prepareStore(
  config: AtlasConfig,
  store: GraphStore,
  ingestor: Ingestor,
  readiness: Readiness,
  logger: Logger,
): Promise<void> {
  try {
    await syncVocabulary({ store, dir: bundledOntology, logger });
    if (!(await hasDescriptions(store))) {
      logger.info({ seedDir: config.seedDir }, 'empty store: loading the seed');
      await loadSeed({ ingestor, dir: config.seedDir, logger });
    }
    readiness.markReady();
    logger.info('ready');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    readiness.markFailed(reason);
    logger.error({ err: error }, 'loading the seed failed; /ready answers 503');
  }
}

/** Starts the server and resolves once it has shut down after SIGINT or SIGTERM. */
async function serveAction(flags: ServeFlags): Promise<void> {
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
  const logger = pino(
    { level: config.logLevel, name: 'tre-atlas' },
    pino.destination({ dest: 2, sync: true }),
  );
  const queries = await NamedQueries.load(fileURLToPath(new URL('../../../queries', import.meta.url)));
  const store = createStore(config, logger);
  await store.open();
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
  await prepareStore(config, store, ingestor, readiness, logger);
  harvests?.start();
  await stopped;
}

/**
 * `tre-atlas serve [--port 8080] [--host 127.0.0.1] [--data-dir DIR] [--query-timeout MS] [--body-limit BYTES]
 * [--config FILE]`: opens the store, starts the HTTP server, loads the seed into an empty store, and stops
 * gracefully on SIGINT or SIGTERM. Prints `tre-atlas listening on URL` on stdout; logs (pino JSON) go to stderr.
 */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'serve the knowledge graph over HTTP: SPARQL, Graph Store Protocol, validation, dereferencing',
    )
    .option('--port <port>', 'TCP port (0: any free port; default 8080)')
    .option('--host <host>', 'interface to listen on (default 127.0.0.1)')
    .option('--data-dir <dir>', 'data directory of the store and tokens (default ./.tre-atlas)')
    .option('--query-timeout <ms>', 'time limit of a SPARQL query in milliseconds (default 10000)')
    .option('--body-limit <bytes>', 'largest request body, e.g. 10mb (default 10 MB)')
    .option('--config <file>', 'JSON config file with the same keys')
    .option('--store <kind>', 'graph store: embedded (default) or sparql (a remote SPARQL server)')
    .option('--sparql-query <url>', 'store sparql: SPARQL query endpoint')
    .option('--sparql-update <url>', 'store sparql: SPARQL Update endpoint')
    .option('--sparql-gsp <url>', 'store sparql: Graph Store Protocol endpoint (stages writes)')
    .option('--sparql-user <user>', 'store sparql: user (HTTP basic or digest)')
    .option('--sparql-password <password>', 'store sparql: password (or TRE_ATLAS_SPARQL_PASSWORD)')
    .action(serveAction);
}
