import type { Clock } from '../ports';
import { rememberNewest } from './newest-first-cache';

/**
 * How long a note this process wrote or confirmed stands in for reading the store again. Another server process
 * may change what is stored meanwhile (the same user's turns served by two processes); this one checks again
 * after this long, so such a difference lasts a minute at most.
 */
export const NOTE_AGAIN_AFTER_MS = 60_000;

/** Most notes kept: far more than the users and conversations active in any one minute. */
const KEPT = 10_000;

/**
 * What every turn notes about its sender (where to reach them, their time zone, their name) is, in a busy
 * conversation, what it was a moment ago, and checking that cost every turn several reads of the store. Notes
 * this process wrote or confirmed are kept for {@link NOTE_AGAIN_AFTER_MS}: the same note again within that time
 * is answered with the last result, a different one is written at once, and a note that failed, or whose result
 * says it may still change (about someone not known yet), is not kept.
 */
export class RecentNotes<T> {
  private readonly notes = new Map<string, { fingerprint: string; at: number; result: T }>();

  constructor(private readonly clock: Clock) {}

  /**
   * `write`'s result, or the last one's when the same `fingerprint` was noted under `key` within the time. The
   * result is kept only when `settled` says so.
   */
  async note(
    key: string,
    fingerprint: string,
    write: () => Promise<T>,
    settled: (result: T) => boolean = () => true,
  ): Promise<T> {
    const now = this.clock.now().getTime();
    const kept = this.notes.get(key);
    if (kept && kept.fingerprint === fingerprint && now - kept.at < NOTE_AGAIN_AFTER_MS) return kept.result;
    const result = await write();
    if (settled(result)) rememberNewest(this.notes, key, { fingerprint, at: now, result }, KEPT);
    else this.notes.delete(key);
    return result;
  }

  /** The result kept under `key` within the time, whatever was noted; undefined when there is none. */
  recall(key: string): T | undefined {
    const kept = this.notes.get(key);
    return kept && this.clock.now().getTime() - kept.at < NOTE_AGAIN_AFTER_MS ? kept.result : undefined;
  }

  /** Drops a note: this process changed what it stands for, so the next one is checked against the store. */
  forget(key: string): void {
    this.notes.delete(key);
  }

  /** Drops every note (a change that may touch any of them). */
  forgetAll(): void {
    this.notes.clear();
  }
}
