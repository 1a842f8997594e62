import { randomFillSync } from 'node:crypto';
import type { IdPrefix, Ids } from '../../core/ports';

/** Crockford's base 32: no I, L, O or U, so ids read aloud without confusion. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function encodeTime(ms: number): string {
  let out = '';
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[ms % 32]! + out;
    ms = Math.floor(ms / 32);
  }
  return out;
}

/**
 * Random bytes drawn from the system's generator a page at a time: one call per 256 ids instead of one per id (a
 * logged meeting takes about ten). Each byte is used once.
 */
class RandomPool {
  private readonly page = Buffer.alloc(4096);
  private used = this.page.length;

  take(count: number): Buffer {
    if (this.used + count > this.page.length) {
      randomFillSync(this.page);
      this.used = 0;
    }
    this.used += count;
    return this.page.subarray(this.used - count, this.used);
  }
}

const pool = new RandomPool();

/**
 * ULID-style ids with a readable prefix (`mtg_01J…`): 48 bits of milliseconds then 80 random bits, so ids sort
 * by creation time and never collide in practice.
 */
export class UlidIds implements Ids {
  constructor(private readonly now: () => number = Date.now) {}

  next(prefix: IdPrefix): string {
    const random = pool.take(16);
    let tail = '';
    for (let i = 0; i < 16; i++) tail += ALPHABET[random[i]! % 32];
    return `${prefix}_${encodeTime(this.now())}${tail}`;
  }
}
