import { mostUtf8Bytes } from './stream-out';

/**
 * Room for a part of 500 JSON items of up to 4 KB (a meeting's item takes about 2.1 KB): a part that needs more
 * grows its buffer, which copies what it holds.
 */
const FIRST_BUFFER_BYTES = 2 << 20;

/**
 * The UTF-8 text of one part of an export, written into one growing buffer of its own (never Node's shared
 * pool), so a worker thread can hand it over without a copy.
 */
export class PartBytes {
  private buffer = Buffer.allocUnsafeSlow(FIRST_BUFFER_BYTES);
  private used = 0;

  /** How many bytes are written. */
  get length(): number {
    return this.used;
  }

  /** Appends text, encoded once, straight into the buffer. */
  write(text: string): void {
    const most = this.used + mostUtf8Bytes(text);
    if (most > this.buffer.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(most, this.buffer.length * 2));
      this.buffer.copy(bigger, 0, 0, this.used);
      this.buffer = bigger;
    }
    this.used += this.buffer.write(text, this.used);
  }

  /** Replaces bytes already written, from `at`, with ASCII text of the same length. */
  overwrite(at: number, ascii: string): void {
    if (at + ascii.length > this.used) throw new RangeError('Overwrites only what is written');
    this.buffer.write(ascii, at, 'latin1');
  }

  /** Bytes written so far, from `start` to `end` (a view, not a copy: valid until the next write). */
  view(start = 0, end = this.used): Buffer {
    return this.buffer.subarray(start, end);
  }
}
