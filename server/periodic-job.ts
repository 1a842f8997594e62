import type { Logger } from '../core/ports';

/**
 * Work this process does now and then (retention, calendar sync): first soon after start, then every
 * interval after the previous run ended; a failed run is logged and the next one tries again.
 */
export class PeriodicJob {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly work: () => Promise<Record<string, number> | void>,
    private readonly logger: Logger,
  ) {}

  /** Starts the timer; an interval of 0 means the job never runs in this process. */
  start(): void {
    if (this.intervalMs === 0) return;
    const tick = () => {
      this.running = this.runOnce().finally(() => {
        this.timer = setTimeout(tick, this.intervalMs).unref();
      });
    };
    this.timer = setTimeout(tick, 1000).unref();
  }

  /** One run: what it did is logged when it did anything. */
  async runOnce(): Promise<void> {
    try {
      const report = await this.work();
      if (report && Object.values(report).some((n) => n > 0)) this.logger.info(`${this.name} ran`, report);
    } catch (error) {
      this.logger.error(`${this.name} failed`, { error });
    }
  }

  /** Stops the timer and waits for a run in progress. */
  async stop(): Promise<void> {
    clearTimeout(this.timer);
    await this.running;
  }
}
