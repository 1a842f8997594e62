import { once } from 'node:events';

/** Writes a chunk and waits when the destination's buffer is full, so a slow reader never lets memory grow. */
export async function writeChunk(out: NodeJS.WritableStream, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out as unknown as NodeJS.EventEmitter, 'drain');
}

/** Ends a stream and waits until everything written has been flushed. */
export async function endStream(out: NodeJS.WritableStream): Promise<void> {
  const finished = once(out as unknown as NodeJS.EventEmitter, 'finish');
  out.end();
  await finished;
}
