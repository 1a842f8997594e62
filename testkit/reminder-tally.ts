import type { FakeBotConnector } from './fake-bot-connector';
import { remindedIds } from './reminder-seed';

/** When one tenant's reminder cards arrived: the first and the last, in `performance.now()` milliseconds. */
export interface TenantSpan {
  readonly first: number;
  readonly last: number;
}

/**
 * The reminder ids a fake connector received, read as the calls arrive: each card is read once, however often
 * the count is asked. (Reading them all again on each look serialised up to 10,000 cards twenty times a second
 * in the process that also serves the connector the benchmark times.)
 */
export class ReminderTally {
  private read = 0;
  private received = 0;
  private readonly ids = new Set<string>();
  private readonly spans = new Map<string, { first: number; last: number }>();

  constructor(private readonly connector: FakeBotConnector) {}

  /** Distinct reminders delivered so far. */
  get delivered(): number {
    return this.update().ids.size;
  }

  /** Reminders delivered more than once, counted once for every extra card. */
  get duplicates(): number {
    this.update();
    return this.received - this.ids.size;
  }

  /** Whether a reminder's card arrived. */
  has(id: string): boolean {
    return this.update().ids.has(id);
  }

  /** Each tenant's first and last card. */
  tenantSpans(): ReadonlyMap<string, TenantSpan> {
    return this.update().spans;
  }

  /** Reads the calls that arrived since the last look (from the start again after the connector's reset). */
  private update(): this {
    const calls = this.connector.calls;
    if (calls.length < this.read) this.forget();
    for (; this.read < calls.length; this.read++) {
      const call = calls[this.read]!;
      if ((call.operation !== 'send' && call.operation !== 'reply') || call.body?.type === 'typing') continue;
      const ids = remindedIds([call.body]);
      if (ids.length === 0) continue;
      this.received += ids.length;
      for (const id of ids) this.ids.add(id);
      const tenant = String(call.body?.conversation?.tenantId ?? call.body?.channelData?.tenant?.id);
      const span = this.spans.get(tenant);
      if (span) span.last = call.at;
      else this.spans.set(tenant, { first: call.at, last: call.at });
    }
    return this;
  }

  private forget(): void {
    this.read = 0;
    this.received = 0;
    this.ids.clear();
    this.spans.clear();
  }
}
