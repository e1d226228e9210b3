import { pino, type Logger } from 'pino';
import { bundledOntology, loadConfig, type AtlasConfig } from '../config.js';
import { Ingestor, prepareStore } from '../ingest/index.js';
import { openStore, type GraphStore } from '../store/index.js';
import { ShaclValidator } from '../validate/index.js';

/** The knowledge graph of a local data directory, opened for a command. */
export interface LocalGraph {
  store: GraphStore;
  ingestor: Ingestor;
  validator: ShaclValidator;
  logger: Logger;
  close(): Promise<void>;
}

/** Options of {@link openLocalGraph}. */
export interface OpenLocalGraphOptions {
  /** A logger; default: pino JSON on stderr at the configured level. */
  logger?: Logger;
  /** Told, in a sentence, when the empty store is being filled from the seed. */
  note?: (message: string) => void;
  /** Load the seed (`config.seedDir`) when the store is empty; default true. */
  seed?: boolean;
}

/** A pino logger writing JSON lines to stderr, the one logger of the command line. */
export function stderrLogger(level: string): Logger {
  return pino({ level, name: 'tre-atlas' }, pino.destination({ dest: 2, sync: true }));
}

/**
 * Opens the embedded store of `config.dataDir` with the validator (recommended layer) and the ingestor, and fills
 * an empty store from the seed folder (`data/`), as `serve` does on first start. The vocabulary (`ontology/`) is
 * brought up to date in the store each time.
 */
export async function openLocalGraph(
  config: AtlasConfig,
  options: OpenLocalGraphOptions = {},
): Promise<LocalGraph> {
  const logger = options.logger ?? stderrLogger(config.logLevel);
  const store = await openStore(config, logger);
  try {
    const validator = await ShaclValidator.create({ profile: 'recommended' });
    const ingestor = await Ingestor.create({ store, validator, logger });
    await prepareStore({
      store,
      ingestor,
      ontologyDir: bundledOntology,
      seedDir: config.seedDir,
      logger,
      ...(options.seed === false ? { seed: false } : {}),
      onSeed: () =>
        options.note?.(`The store in ${config.dataDir} is empty: loading ${config.seedDir} first.`),
    });
    return { store, ingestor, validator, logger, close: () => store.close() };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** The flags of the commands that work on a local data directory. */
export interface DataDirFlags {
  dataDir?: string;
  config?: string;
}

/**
 * Loads the configuration from `--data-dir` and `--config` and opens that data directory quietly (warnings only on
 * stderr, plus a sentence when the empty store is filled from the seed), as `query` and `export` do.
 */
export async function openDataDir(flags: DataDirFlags): Promise<{ config: AtlasConfig; graph: LocalGraph }> {
  const config = loadConfig({
    flags: flags.dataDir === undefined ? {} : { dataDir: flags.dataDir },
    ...(flags.config === undefined ? {} : { configFile: flags.config }),
  });
  const graph = await openLocalGraph(config, {
    logger: stderrLogger('warn'),
    note: (message) => process.stderr.write(`${message}\n`),
  });
  return { config, graph };
}
