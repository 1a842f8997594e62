import { createPublicKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';

/** Keys are refreshed this often, as Entra rotates them every few weeks and publishes new ones early. */
const REFRESH_MS = 24 * 60 * 60 * 1000;
/** A token naming a key we do not have makes us look again, but not more often than this. */
const UNKNOWN_KEY_RETRY_MS = 60 * 1000;

const Jwks = z.object({
  keys: z.array(
    z.looseObject({
      kty: z.string(),
      kid: z.string().optional(),
      n: z.string().optional(),
      e: z.string().optional(),
    }),
  ),
});

/**
 * The RSA signing keys an issuer publishes as a JSON Web Key Set (Entra: `…/discovery/v2.0/keys`), fetched
 * on first use, kept for a day, and fetched again (at most once a minute) when a token names a key not seen.
 */
export class SigningKeys {
  private keys = new Map<string, KeyObject>();
  private fetchedAt = -Infinity;
  private pending?: Promise<void>;

  constructor(
    private readonly jwksUrl: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** The key with this id, or undefined when the issuer does not publish it. */
  async get(kid: string): Promise<KeyObject | undefined> {
    const age = this.now() - this.fetchedAt;
    if (age > REFRESH_MS || (!this.keys.has(kid) && age > UNKNOWN_KEY_RETRY_MS)) await this.refresh();
    return this.keys.get(kid);
  }

  private refresh(): Promise<void> {
    // Concurrent requests share one fetch.
    this.pending ??= this.load().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async load(): Promise<void> {
    const res = await fetch(this.jwksUrl, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`signing keys: ${this.jwksUrl} answered ${res.status}`);
    const { keys } = Jwks.parse(await res.json());
    const next = new Map<string, KeyObject>();
    for (const key of keys)
      if (key.kty === 'RSA' && key.kid && key.n && key.e)
        next.set(key.kid, createPublicKey({ key: { kty: 'RSA', n: key.n, e: key.e }, format: 'jwk' }));
    this.keys = next;
    this.fetchedAt = this.now();
  }
}
