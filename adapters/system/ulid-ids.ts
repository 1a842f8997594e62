import { randomBytes } from 'node:crypto';
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
 * ULID-style ids with a readable prefix (`mtg_01J…`): 48 bits of milliseconds then 80 random bits, so ids sort
 * by creation time and never collide in practice.
 */
export class UlidIds implements Ids {
  constructor(private readonly now: () => number = Date.now) {}

  next(prefix: IdPrefix): string {
    const random = randomBytes(16);
    let tail = '';
    for (let i = 0; i < 16; i++) tail += ALPHABET[random[i]! % 32];
    return `${prefix}_${encodeTime(this.now())}${tail}`;
  }
}
