import type { Logger } from 'pino';
import type { Ingestor } from '../ingest/index.js';
import type { GraphStore } from '../store/index.js';
import { Harvester } from './Harvester.js';
import { HarvestScheduler } from './HarvestScheduler.js';
import { readSources } from './sourcesFile.js';

/** The `harvest` section of the configuration. */
export interface HarvestSettings {
  /** Path of the sources file; no schedule without it. */
  sources?: string | undefined;
  /** Seconds between runs. */
  interval: number;
  /** Run once as soon as started. */
  atStart: boolean;
}

/**
 * The scheduled harvest of `serve` (not started: call `start()` once the store is ready), or undefined when no
 * sources file is configured. The sources file is read at every run, so a bad edit is logged, not fatal.
 */
export function scheduleHarvest(options: {
  settings: HarvestSettings;
  store: GraphStore;
  ingestor: Ingestor;
  logger: Logger;
}): HarvestScheduler | undefined {
  const { settings, store, ingestor } = options;
  const path = settings.sources;
  if (path === undefined) return undefined;
  const logger = options.logger.child({ harvest: path });
  logger.info({ intervalSeconds: settings.interval }, 'scheduled harvesting');
  return new HarvestScheduler({
    harvester: Harvester.create({ store, ingestor, logger }),
    sources: () => readSources(path),
    intervalMs: settings.interval * 1000,
    atStart: settings.atStart,
    logger,
  });
}
