import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';

/** Tokens are renewed this long before they expire, so a request never leaves with one about to lapse. */
const RENEW_EARLY_MS = 5 * 60 * 1000;

const TokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().positive() });

/** The app's own identity with Microsoft Graph (application permissions, no signed-in user). */
export interface AppCredentials {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Entra's sign-in address (`https://login.microsoftonline.com`); tests point it at a loopback stand-in. */
  readonly authorityUrl: string;
}

/**
 * App-only access tokens for Graph by the client-credentials grant, kept until five minutes before they
 * expire; concurrent requests share one renewal.
 */
export class AppTokenProvider implements AuthenticationProvider {
  private token?: { value: string; renewAt: number };
  private pending?: Promise<string>;

  constructor(
    private readonly credentials: AppCredentials,
    private readonly now: () => number = Date.now,
  ) {}

  async getAccessToken(): Promise<string> {
    if (this.token && this.now() < this.token.renewAt) return this.token.value;
    this.pending ??= this.fetchToken().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async fetchToken(): Promise<string> {
    const { tenantId, clientId, clientSecret, authorityUrl } = this.credentials;
    const res = await fetch(`${authorityUrl.replace(/\/+$/, '')}/${tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
        scope: 'https://graph.microsoft.com/.default',
      }),
      signal: AbortSignal.timeout(15_000),
    });
    if (!res.ok) throw new Error(`Entra refused the app's Graph token request (${res.status})`);
    const answer = TokenAnswer.parse(await res.json());
    this.token = {
      value: answer.access_token,
      renewAt: this.now() + answer.expires_in * 1000 - RENEW_EARLY_MS,
    };
    return answer.access_token;
  }
}
