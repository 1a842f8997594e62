import { Writable } from 'node:stream';
import { BatchedOut } from '../../../adapters/export/stream-out';

/** A destination that keeps every chunk it is given; its buffer fills after 16 KB, as a file stream's does. */
function recorder(highWaterMark = 16_384) {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      setImmediate(done);
    },
  });
  return { stream, chunks, text: () => Buffer.concat(chunks).toString('utf8') };
}

describe('BatchedOut', () => {
  it('writes every piece in order, multi-byte characters whole, in batches of about 64 KB (a longer piece alone)', async () => {
    const destination = recorder();
    const out = new BatchedOut(destination.stream);
    const pieces: string[] = [];
    for (let i = 0; i < 3_000; i++) pieces.push(`${i}: Zoë paid €${i} 👍 “quoted”\n`);
    // Longer than a batch can take in the worst case (three bytes a code unit): written on its own, in its place.
    pieces.splice(1_500, 0, 'é'.repeat(40_000));
    for (const piece of pieces) await out.write(piece);
    await out.end();

    expect(destination.text()).toBe(pieces.join(''));
    expect(destination.chunks.length).toBeLessThan(pieces.length / 50);
    const oversized = destination.chunks.filter((c) => c.length > 65_536);
    expect(oversized.map((c) => c.toString('utf8'))).toEqual(['é'.repeat(40_000)]);
  });

  it('does not reuse a buffer the destination may still hold', async () => {
    // A destination with room for everything queues each batch without asking the writer to wait.
    const destination = recorder(4 * 1024 * 1024);
    const out = new BatchedOut(destination.stream);
    for (let i = 0; i < 200; i++) await out.write(`${String(i).padStart(3, '0')}${'x'.repeat(1_000)}\n`);
    await out.end();
    const lines = destination.text().trimEnd().split('\n');
    expect(lines.map((l) => l.slice(0, 3))).toEqual(
      Array.from({ length: 200 }, (_, i) => String(i).padStart(3, '0')),
    );
  });

  it('writes bytes among text in order, copying small ones into the batch and passing large ones on whole', async () => {
    const destination = recorder();
    const out = new BatchedOut(destination.stream);
    const large = Buffer.from('ü'.repeat(50_000));
    await out.write('head,');
    for (let i = 0; i < 100; i++) await out.writeBytes(Buffer.from(`item ${i} “ok”,`));
    await out.writeBytes(large);
    await out.write(',tail');
    await out.end();

    const items = Array.from({ length: 100 }, (_, i) => `item ${i} “ok”,`).join('');
    expect(destination.text()).toBe(`head,${items}${'ü'.repeat(50_000)},tail`);
    expect(destination.chunks.some((c) => c.equals(large))).toBe(true);
  });
});
