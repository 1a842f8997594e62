import { Worker } from 'node:worker_threads';

/** Commits (groups) between checkpoints: a meeting submit writes some forty WAL pages, so about 2,000 of them. */
export const COMMITS_PER_CHECKPOINT = 50;

/**
 * Most checkpoints the worker runs back to back per request: each copies what was committed while the one before
 * ran, and the worker stops at the first that finds nothing new (two to five rounds at concurrency 8, measured).
 */
export const CATCH_UP_ROUNDS = 8;

/**
 * The worker's code: its own connection to the file, a PASSIVE checkpoint per message. Plain JavaScript so it
 * runs the same under tsx, Jest and compiled code.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: workerData.busyTimeoutMs, fileMustExist: true });
parentPort.on('message', () => {
  try {
    // Rounds until one finds the log no longer than the round before saw it: the writer's finishing checkpoint
    // then has only what is committed from here on to copy.
    let before = -1;
    for (let round = 0; round < workerData.rounds; round++) {
      const [{ log }] = db.pragma('wal_checkpoint(PASSIVE)');
      if (log === before) break;
      before = log;
    }
    parentPort.postMessage({ ok: true });
  } catch (err) {
    parentPort.postMessage({ ok: false, error: String(err) });
  }
});
`;

/**
 * Copies the write-ahead log back into the database file on a thread of its own. With SQLite's automatic
 * checkpoint the commit that crosses 1,000 WAL pages copies them and fsyncs the file on the event loop, so
 * that turn, and every turn queued behind it, waits for the disk. A checkpoint never decides whether a commit is
 * durable (the commit is in the WAL already), so moving it off the loop changes nothing about what survives a
 * crash. PASSIVE never blocks the writer; SQLite restarts the WAL from its start once a checkpoint caught up.
 *
 * If the worker cannot run, `onFailure` hands checkpoints back to SQLite (`wal_autocheckpoint`).
 */
export class WalCheckpointer {
  private worker: Worker | undefined;
  private commits = 0;
  private busy = false;
  private again = false;
  private failed = false;

  /**
   * `finish` runs a checkpoint on the writer's own connection, between its transactions. Only a checkpoint that
   * copied the whole log lets the next write start the WAL over, and only one between the writer's transactions
   * is sure to (the worker's are outrun by commits made while they copy, and the WAL would grow without end). It
   * costs the event loop the copy of what the worker left and an fsync of the file, so the worker first runs
   * rounds until it has caught up ({@link CATCH_UP_ROUNDS}): at concurrency 8 that took the finishing
   * checkpoint from 13–20 ms to about 5 ms every 50 commits (measured with the bot-turn benchmark).
   */
  constructor(
    private readonly file: string,
    private readonly busyTimeoutMs: number,
    private readonly finish: () => void,
    private readonly onFailure: (error: string) => void,
  ) {}

  /** Counts a commit; every {@link COMMITS_PER_CHECKPOINT} asks the worker for a checkpoint. */
  committed(): void {
    if (this.failed || ++this.commits < COMMITS_PER_CHECKPOINT) return;
    this.commits = 0;
    if (this.busy) {
      this.again = true;
      return;
    }
    this.request();
  }

  /** Stops the worker (the writer's close checkpoints what is left). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private request(): void {
    this.busy = true;
    this.started().postMessage('checkpoint');
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        driver: require.resolve('better-sqlite3'),
        file: this.file,
        busyTimeoutMs: this.busyTimeoutMs,
        rounds: CATCH_UP_ROUNDS,
      },
    });
    // The worker must not keep a server (or a test) alive on its own.
    worker.unref();
    worker.on('message', (outcome: { ok: boolean; error?: string }) => {
      this.busy = false;
      if (!outcome.ok) return this.fail(outcome.error ?? 'checkpoint failed');
      this.finish();
      if (this.again) {
        this.again = false;
        this.request();
      }
    });
    worker.on('error', (err) => this.fail(String(err)));
    this.worker = worker;
    return worker;
  }

  private fail(error: string): void {
    if (this.failed) return;
    this.failed = true;
    this.onFailure(error);
    void this.close();
  }
}
