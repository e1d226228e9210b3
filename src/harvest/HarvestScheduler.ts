import type { Logger } from 'pino';
import type { Harvester } from './Harvester.js';
import type { HarvestSources } from './sourcesFile.js';
import type { HarvestReport } from './types.js';

/** Options of {@link HarvestScheduler}. */
export interface HarvestSchedulerOptions {
  harvester: Harvester;
  /** Reads the sources file at each run, so edits apply without a restart. */
  sources: () => Promise<HarvestSources>;
  /** Time between the end of a run and the start of the next, in milliseconds. */
  intervalMs: number;
  /** Run once at start (default true). */
  atStart?: boolean;
  logger: Logger;
  /** Told about every finished run. */
  onReport?: (report: HarvestReport) => void;
}

/**
 * Harvests on a timer inside the server: one run at a time, the next one `intervalMs` after the previous ended,
 * failures logged (a failed run never stops the schedule). `stop()` waits for a running harvest to finish.
 */
export class HarvestScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: HarvestSchedulerOptions) {}

  /** Starts the schedule. */
  start(): void {
    this.schedule(this.options.atStart === false ? this.options.intervalMs : 0);
  }

  /** Stops the schedule and waits for a run in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce().finally(() => {
        this.running = undefined;
        this.schedule(this.options.intervalMs);
      });
    }, delay);
    this.timer.unref();
  }

  private async runOnce(): Promise<void> {
    const { logger } = this.options;
    try {
      const sources = await this.options.sources();
      const report = await this.options.harvester.run(sources, { respectIntervals: true });
      logger.info(
        { activity: report.activity, ok: report.ok, sources: report.sources.length },
        'scheduled harvest finished',
      );
      this.options.onReport?.(report);
    } catch (error) {
      logger.error({ err: error }, 'scheduled harvest failed');
    }
  }
}
