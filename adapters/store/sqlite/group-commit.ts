import type { Database } from 'better-sqlite3';

/** Most transactions one group commit carries: bounds how long the first of them waits for its answer. */
export const MAX_GROUP = 64;

interface Pending {
  readonly work: () => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (err: unknown) => void;
}

/** Lets I/O callbacks that are already due run (turns arriving now), then resumes. */
function afterDueIo(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Group commit for one SQLite write connection: transactions asked for while a group is open share its one
 * `BEGIN IMMEDIATE … COMMIT` (one WAL append of the pages they touched instead of one per transaction), each in
 * its own savepoint. A transaction whose work throws is rolled back to its savepoint and fails alone; the
 * others stay in the group. Every promise settles only after the group's COMMIT returned, so a transaction is
 * acknowledged exactly when it is as durable as it would be committed alone (same `synchronous` setting).
 *
 * Work still runs one transaction at a time on the connection, in the order asked for; what is shared is the
 * commit. A group closes when no transaction is waiting after the I/O that was due has had its turn, or at
 * {@link MAX_GROUP}.
 */
export class GroupCommit {
  private readonly pending: Pending[] = [];
  private running = false;
  private readonly betweenGroups: (() => void)[] = [];
  /** Settles when the current drain has finished (for close). */
  private drained: Promise<void> = Promise.resolve();

  /** `onCommit` runs after each group's COMMIT, before its transactions are answered. */
  constructor(
    private readonly db: Database,
    private readonly onCommit: () => void = () => undefined,
  ) {}

  /** Runs `work` in a transaction of the next group; resolves with its value once the group committed. */
  run<T>(work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.running) this.drained = this.drain();
    });
  }

  /** Runs `task` on the connection outside any transaction: now if none is open, else after this group. */
  between(task: () => void): void {
    if (this.running) this.betweenGroups.push(task);
    else task();
  }

  /** Settles when every transaction asked for so far has settled. */
  async idle(): Promise<void> {
    while (this.running) await this.drained;
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.pending.length > 0) {
        await this.group();
        for (const task of this.betweenGroups.splice(0)) task();
      }
    } finally {
      this.running = false;
      for (const task of this.betweenGroups.splice(0)) task();
    }
  }

  /** One group: BEGIN, each waiting transaction in a savepoint, COMMIT, then every answer. */
  private async group(): Promise<void> {
    const done: { job: Pending; value: unknown }[] = [];
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } catch (err) {
      // Not even a transaction could start (the file is locked by another process past the busy timeout).
      this.pending.shift()!.reject(err);
      return;
    }
    let taken = 0;
    while (taken < MAX_GROUP) {
      if (this.pending.length === 0) {
        // Turns whose requests are already readable get to join before the group commits.
        await afterDueIo();
        if (this.pending.length === 0) break;
      }
      const job = this.pending.shift()!;
      taken++;
      this.db.exec('SAVEPOINT turn');
      try {
        const value = await job.work();
        this.db.exec('RELEASE turn');
        done.push({ job, value });
      } catch (err) {
        job.reject(err);
        if (this.db.inTransaction) {
          this.db.exec('ROLLBACK TO turn');
          this.db.exec('RELEASE turn');
        } else {
          // SQLite gave up the whole transaction (an I/O error, a full disk): the others' writes went with
          // it, unacknowledged. They run again, first, in the next group.
          this.pending.unshift(...done.map((d) => d.job));
          return;
        }
      }
    }
    if (done.length === 0) {
      // Every transaction of the group failed: nothing to keep, and a COMMIT would still append a commit
      // record (other connections would see the database change after a refusal).
      this.db.exec('ROLLBACK');
      return;
    }
    try {
      this.db.exec('COMMIT');
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      for (const d of done) d.job.reject(err);
      return;
    }
    this.onCommit();
    for (const d of done) d.job.resolve(d.value);
  }
}
