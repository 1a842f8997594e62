/**
 * A worker thread of {@link ExportWorkers}: it opens its own read connection to the store and builds the parts
 * of exports it is asked for, one at a time, exactly as the exporting thread would (the same plan, the same
 * code). Started by ExportWorkers only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PlannedItems } from '../../core/export/export-plan';
import { openReader, type ReaderLocation } from '../store/open-store';
import type { PartAnswer, PartRequest, ToWorker } from './export-workers';
import { renderPart } from './rendered-part';

/** Plans are sent with every part; building the items of one (its redactor's patterns) is kept for the next. */
const KEPT_PLANS = 4;

const port = parentPort!;
const reader = openReader(workerData as ReaderLocation);
const plans = new Map<string, PlannedItems>();
let tail = Promise.resolve();

function plannedItems({ planId, plan }: PartRequest): PlannedItems {
  let items = plans.get(planId);
  if (!items) {
    items = new PlannedItems(reader.read, plan);
    plans.set(planId, items);
    if (plans.size > KEPT_PLANS) plans.delete(plans.keys().next().value!);
  }
  return items;
}

async function answer(request: PartRequest): Promise<void> {
  try {
    const part = await renderPart(plannedItems(request).items(request.range), request.format);
    port.postMessage({ id: request.id, part } satisfies PartAnswer, [part.bytes.buffer as ArrayBuffer]);
  } catch (err) {
    const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
    port.postMessage({ id: request.id, error } satisfies PartAnswer);
  }
}

// One part at a time, in the order asked: parts built side by side in one thread would only slow each other.
port.on('message', (message: ToWorker) => {
  tail = tail.then(() => ('stop' in message ? stop() : answer(message)));
});
port.postMessage({ ready: true } satisfies PartAnswer);

/** Closes the connection and the port; with nothing left to do, the thread ends. */
async function stop(): Promise<void> {
  await reader.close();
  port.close();
}
