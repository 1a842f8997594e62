import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';

/** A signing key the server publishes (or keeps to itself, to forge tokens with an unknown key). */
interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicJwk: Record<string, unknown>;
}

function newKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid: randomUUID(), privateKey, publicJwk: publicKey.export({ format: 'jwk' }) };
}

/**
 * Now, in a token's seconds, by the machine's clock: the one exception to the tests' injected clock, because
 * the verifiers these tokens are for (botbuilder's and the tab's sign-in check) judge them by that clock, as
 * Entra's real tokens are judged.
 */
export function tokenNow(): number {
  // eslint-disable-next-line no-restricted-syntax -- see above: the verifiers read the machine's clock.
  return Math.floor(Date.now() / 1000);
}

/** What to put in a token, and how to sign it. */
export interface TokenOptions {
  readonly claims: Record<string, unknown>;
  /** Seconds from now the token expires (negative: already expired). Default one hour. */
  readonly expiresIn?: number;
  /** Sign with a key the metadata does not publish. */
  readonly unknownKey?: boolean;
  /** Flip a byte of the signature. */
  readonly badSignature?: boolean;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A loopback stand-in for an OpenID Connect issuer (Bot Framework's or Entra's): it serves the metadata
 * document and the JWKS at the addresses those services use, with each key's endorsements as Bot Framework
 * publishes them, and mints RS256 tokens signed by its keys, so tests exercise real token validation offline.
 */
export class FakeOpenIdIssuer {
  private readonly key = newKey();
  private readonly stranger = newKey();
  private readonly server = createServer((req, res) => this.answer(req.url ?? '/', res));
  /** Where the issuer listens, once started. */
  baseUrl = '';
  /** The `iss` of its tokens and metadata. */
  issuer = '';
  /** The paths fetched from it, in order: the metadata, then the keys it names (validators should cache them). */
  readonly fetched: string[] = [];

  private constructor(private readonly endorsements: readonly string[]) {}

  /**
   * Starts the issuer on a free loopback port; `issuer` defaults to its own address, and its key is endorsed
   * for Teams (as Bot Framework's keys are endorsed for the channels they may sign for).
   */
  static async start(options: { issuer?: string; endorsements?: readonly string[] } = {}) {
    const self = new FakeOpenIdIssuer(options.endorsements ?? ['msteams']);
    await new Promise<void>((resolve) => self.server.listen(0, '127.0.0.1', resolve));
    self.baseUrl = `http://127.0.0.1:${(self.server.address() as AddressInfo).port}`;
    self.issuer = options.issuer ?? self.baseUrl;
    return self;
  }

  private answer(url: string, res: ServerResponse): void {
    const path = new URL(url, 'http://localhost').pathname;
    this.fetched.push(path);
    res.setHeader('content-type', 'application/json');
    if (path.endsWith('/.well-known/openid-configuration'))
      return void res.end(
        JSON.stringify({
          issuer: this.issuer,
          authorization_endpoint: `${this.baseUrl}/authorize`,
          jwks_uri: this.jwksUrl,
          id_token_signing_alg_values_supported: ['RS256'],
          token_endpoint_auth_methods_supported: ['private_key_jwt'],
        }),
      );
    if (path === '/keys') {
      const { kid, publicJwk } = this.key;
      const key = { kty: 'RSA', use: 'sig', kid, n: publicJwk.n, e: publicJwk.e };
      return void res.end(JSON.stringify({ keys: [{ ...key, endorsements: this.endorsements }] }));
    }
    res.statusCode = 404;
    res.end('{}');
  }

  /** The metadata document's address. */
  get metadataUrl(): string {
    return `${this.baseUrl}/.well-known/openid-configuration`;
  }

  /** The key set's address. */
  get jwksUrl(): string {
    return `${this.baseUrl}/keys`;
  }

  /** A signed token with the issuer, lifetime and given claims (a claim set to undefined is left out). */
  token(options: TokenOptions): string {
    const now = tokenNow();
    const key = options.unknownKey ? this.stranger : this.key;
    const header = { alg: 'RS256', typ: 'JWT', kid: key.kid, x5t: key.kid };
    const claims = {
      iss: this.issuer,
      iat: now - 60,
      nbf: now - 60,
      exp: now + (options.expiresIn ?? 3600),
      ...options.claims,
    };
    const signed = `${base64url(header)}.${base64url(JSON.parse(JSON.stringify(claims)))}`;
    const signature = sign('sha256', Buffer.from(signed), key.privateKey);
    if (options.badSignature) signature[10] = signature[10]! ^ 0xff;
    return `${signed}.${signature.toString('base64url')}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
