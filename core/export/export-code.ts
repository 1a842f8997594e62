import { createHash } from 'node:crypto';
import { sha256Hex } from '../common/sha256';
import { canonicalJson } from '../evidence/json';
import type { ExportItem } from './export-layout';
import type { ExportFilters } from './export-request';

const BASE32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Formats 100 bits of a digest as `XXXXX-XXXXX-XXXXX-XXXXX`: short enough to print and read out. */
function formatCode(digest: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 20) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{5}/g)!.join('-');
}

/**
 * Accumulates an export's verification code, item by item: it depends only on where the export comes from
 * (tenant, space, chain head, filters) and the sequence numbers and hashes of its events, never on names or
 * layout, so the server can recompute it from the chain and the PDF's code can be checked like the JSON's.
 */
export class ExportCode {
  private readonly hash = createHash('sha256');

  constructor(origin: {
    tenantId: string;
    spaceId: string;
    asOfSeq: number;
    headHash: string;
    filters: ExportFilters;
  }) {
    this.hash.update(canonicalJson({ v: 1, ...origin }));
  }

  /** Adds one exported event. */
  add(seq: number, eventHash: string): void {
    this.hash.update(`\n${seq}:${eventHash}`);
  }

  /** The code so far. */
  value(): string {
    return formatCode(this.hash.copy().digest());
  }
}

/** The digest of an item: SHA-256 of its canonical JSON without the digest itself. */
export function itemDigest(item: ExportItem & { digest?: string }): string {
  const { digest: _ignored, ...rest } = item;
  return sha256Hex(canonicalJson(rest));
}

/** Accumulates the digest of a whole document: its code and every item digest in order. */
export class DocumentDigest {
  private readonly hash = createHash('sha256');

  constructor(code: string) {
    this.hash.update(code);
  }

  /** Adds one item's digest. */
  add(digest: string): void {
    this.hash.update(`\n${digest}`);
  }

  /** The digest so far (hex). */
  value(): string {
    return this.hash.copy().digest('hex');
  }
}
