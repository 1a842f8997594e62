import { createHash } from 'node:crypto';
import { PassThrough, Transform } from 'node:stream';
import { once } from 'node:events';
import { ZipFile } from 'yazl';

/** A file written into a zip as it is produced, with its size and SHA-256 counted on the way. */
export interface ZipEntryStream {
  readonly stream: NodeJS.WritableStream;
  /** Resolves when the entry's data has been taken in full. */
  done(): Promise<{ bytes: number; sha256: string }>;
}

/** A streaming zip: entries are added one after another and flow straight to `out`. */
export class ZipStream {
  private readonly zip = new ZipFile();
  private readonly finished: Promise<unknown>;

  constructor(out: NodeJS.WritableStream) {
    this.finished = once(out as unknown as NodeJS.EventEmitter, 'finish');
    this.zip.outputStream.pipe(out);
  }

  /** Opens the next entry; write it completely (and await `done`) before opening another. */
  entry(name: string, options: { compress: boolean }): ZipEntryStream {
    const hash = createHash('sha256');
    let bytes = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        bytes += chunk.length;
        callback(null, chunk);
      },
    });
    const body = new PassThrough();
    counted.pipe(body);
    this.zip.addReadStream(body, name, { compress: options.compress, mtime: FIXED_TIME });
    const ended = once(body, 'end');
    return { stream: counted, done: async () => (await ended, { bytes, sha256: hash.digest('hex') }) };
  }

  /** Adds a small file held in memory. */
  add(name: string, data: Buffer | string): void {
    this.zip.addBuffer(Buffer.isBuffer(data) ? data : Buffer.from(data), name, { mtime: FIXED_TIME });
  }

  /** Writes the central directory and waits until `out` has everything. */
  async end(): Promise<void> {
    this.zip.end();
    await this.finished;
  }
}

/** Entries carry a fixed time, so the same export zips to the same bytes. */
const FIXED_TIME = new Date('2020-01-01T00:00:00Z');
