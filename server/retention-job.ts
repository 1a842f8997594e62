import type { Clock, Ids, Logger, Store } from '../core/ports';
import { DataRetention } from '../core/privacy/data-retention';
import type { Config } from './config';

/** Applies the retention policy now and then: purges removed spaces and erases long-archived contacts. */
export class RetentionJob {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private readonly retention: DataRetention;

  constructor(
    deps: { store: Store; clock: Clock; ids: Ids },
    private readonly config: Config['retention'],
    private readonly logger: Logger,
  ) {
    this.retention = new DataRetention(deps, config);
  }

  /** Runs once soon after start, then every interval; nothing when the interval is 0. */
  start(): void {
    if (this.config.intervalMs === 0) return;
    const tick = () => {
      this.running = this.runOnce().finally(() => {
        this.timer = setTimeout(tick, this.config.intervalMs).unref();
      });
    };
    this.timer = setTimeout(tick, 1000).unref();
  }

  /** One run; failures are logged and retried at the next interval. */
  async runOnce(): Promise<void> {
    try {
      const report = await this.retention.run();
      if (report.spacesPurged || report.contactsErased) this.logger.info('retention applied', { ...report });
    } catch (error) {
      this.logger.error('retention run failed', { error });
    }
  }

  /** Stops the timer and waits for a run in progress. */
  async stop(): Promise<void> {
    clearTimeout(this.timer);
    await this.running;
  }
}
