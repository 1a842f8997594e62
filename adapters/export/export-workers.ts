import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ExportDocument } from '../../core/export/export-document';
import type { SeqRange } from '../../core/export/export-parts';
import type { ExportPlan } from '../../core/export/export-plan';
import type { Logger } from '../../core/ports';
import type { ReaderLocation } from '../store/open-store';
import { IN_THIS_THREAD, type PartRenderer } from './part-renderer';
import { renderPart, type ItemTextFormat, type RenderedPart } from './rendered-part';
import { sharedParts, type SharingLimits } from './shared-parts';

/** One part of an export for a worker to build. Plans travel with each part; workers keep recent ones. */
export interface PartRequest {
  readonly id: number;
  readonly planId: string;
  readonly plan: ExportPlan;
  readonly range: SeqRange;
  readonly format: ItemTextFormat;
}

/** What a worker is sent: a part to build, or the word to close its connection and end. */
export type ToWorker = PartRequest | { readonly stop: true };

/** What a worker answers: that it is ready, or a part it built, or why it could not. */
export type PartAnswer =
  | { readonly ready: true }
  | { readonly id: number; readonly part: RenderedPart }
  | { readonly id: number; readonly error: string };

/**
 * At most four parts in work from the one due (about 4 MB of JSON held at once), and two queued with each
 * worker, so a worker has its next part as soon as it sends one back.
 */
const LIMITS: SharingLimits = { window: 4, perHelper: 2 };

/**
 * Worker threads that build the parts of JSON and CSV exports beside this thread, each with its own read
 * connection to the store, so a long export uses more than one core (what that gains depends on the machine
 * and on whether the workers' code is compiled yet: see bench/README.md). Short exports (one part) are
 * written here. The parts a failing worker held are built here instead, and a worker that stopped is replaced
 * at the next export.
 */
export class ExportWorkers implements PartRenderer {
  private readonly threads = new Set<PartThread>();

  constructor(
    private readonly location: ReaderLocation,
    private readonly logger: Logger,
    /** By default one fewer than the machine's cores: this thread builds parts too. */
    private readonly size = Math.max(0, availableParallelism() - 1),
  ) {}

  /** Starts the workers now (each loads its code and opens its reader), so the first export need not wait. */
  async start(): Promise<void> {
    while (this.threads.size < this.size) {
      const thread = new PartThread(this.location, () => this.threads.delete(thread));
      this.threads.add(thread);
    }
    await Promise.all([...this.threads].map((thread) => thread.ready));
  }

  async *render(document: ExportDocument, format: ItemTextFormat): AsyncIterable<RenderedPart> {
    const { plan, ranges } = document.parts;
    if (ranges.length < 2 || this.size === 0) return yield* IN_THIS_THREAD.render(document, format);
    void this.start().catch(() => undefined);
    const planId = randomUUID();
    let byWorkers = 0;
    const helpers = [...this.threads].map((thread) => ({
      build: async (index: number) => {
        const part = await thread.build({ planId, plan, range: ranges[index]!, format });
        byWorkers += 1;
        return part;
      },
    }));
    const buildHere = (index: number) => renderPart(document.itemsIn(ranges[index]!), format);
    yield* sharedParts(ranges.length, buildHere, helpers, LIMITS, (err) =>
      this.logger.warn('An export worker failed; this thread builds its parts', {
        error: err instanceof Error ? err.message : String(err),
      }),
    );
    this.logger.debug('Export written in parts', { format, parts: ranges.length, byWorkers });
  }

  /** Lets each worker finish what it holds, close its connection and end. */
  async close(): Promise<void> {
    await Promise.all([...this.threads].map((thread) => thread.stop()));
  }
}

/** One worker thread and the parts it has been asked for. */
class PartThread {
  /** Settles when the worker has loaded its code and opened its reader (or failed to). */
  readonly ready: Promise<void>;
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve(part: RenderedPart): void; reject(e: Error): void }>();
  private nextId = 1;
  private started = false;
  private stopping = false;
  private ended = false;

  constructor(location: ReaderLocation, onEnd: () => void) {
    const { file, bootstrap } = workerCode();
    this.worker = new Worker(bootstrap ?? file, { workerData: location, eval: bootstrap !== undefined });
    let ready!: () => void;
    this.ready = new Promise<void>((resolve) => (ready = resolve));
    this.worker.on('message', (answer: PartAnswer) => {
      if ('ready' in answer) {
        this.started = true;
        this.keepProcessAliveIfBusy();
        return ready();
      }
      const waiting = this.waiting.get(answer.id);
      this.waiting.delete(answer.id);
      this.keepProcessAliveIfBusy();
      if ('part' in answer) waiting?.resolve(answer.part);
      else waiting?.reject(new Error(`An export worker failed: ${answer.error}`));
    });
    const end = (reason: Error) => {
      this.ended = true;
      onEnd();
      ready();
      for (const { reject } of this.waiting.values()) reject(reason);
      this.waiting.clear();
    };
    this.worker.on('error', (err) => end(err));
    this.worker.on('exit', (code) => end(new Error(`An export worker stopped (exit code ${code})`)));
  }

  build(request: Omit<PartRequest, 'id'>): Promise<RenderedPart> {
    const id = this.nextId++;
    return new Promise<RenderedPart>((resolve, reject) => {
      if (this.ended) return reject(new Error('An export worker stopped'));
      this.waiting.set(id, { resolve, reject });
      this.keepProcessAliveIfBusy();
      this.worker.postMessage({ ...request, id } satisfies PartRequest);
    });
  }

  stop(): Promise<void> {
    if (this.ended) return Promise.resolve();
    this.stopping = true;
    this.keepProcessAliveIfBusy();
    const ended = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage({ stop: true } satisfies ToWorker);
    return ended;
  }

  /** Only an idle worker lets the process end: one starting, with parts in hand, or stopping keeps it alive. */
  private keepProcessAliveIfBusy(): void {
    if (!this.started || this.waiting.size > 0 || this.stopping) this.worker.ref();
    else this.worker.unref();
  }
}

/**
 * The worker's code: the compiled file beside this one; or, running from TypeScript source (tests,
 * benchmarks), the source file through tsx, which a worker must register itself.
 */
function workerCode(): { file: string; bootstrap?: string } {
  if (__filename.endsWith('.js')) return { file: join(__dirname, 'export-worker.js') };
  const file = join(__dirname, 'export-worker.ts');
  return { file, bootstrap: `require('tsx/cjs'); require(${JSON.stringify(file)});` };
}
