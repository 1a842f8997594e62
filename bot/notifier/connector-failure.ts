/** What a failed Bot Connector call says about what to do next. */
export interface ConnectorFailure {
  readonly statusCode?: number;
  /** Milliseconds the service asked us to wait (`Retry-After`), when it said. */
  readonly retryAfterMs?: number;
  /** Worth trying again later: throttled, precondition race, gateway trouble, a timeout or a dropped connection. */
  readonly transient: boolean;
  /** The conversation is gone for us: the app was removed or blocked (403), or the conversation no longer exists (404). */
  readonly stale: boolean;
  readonly detail: string;
}

const TRANSIENT = new Set([412, 429, 500, 502, 503, 504]);

/** Reads `Retry-After`: seconds, or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Classifies an error thrown by botbuilder's connector client (a RestError with the HTTP response). */
export function classifyFailure(err: unknown, now: number): ConnectorFailure {
  const e = err as {
    statusCode?: number;
    code?: string;
    message?: string;
    response?: { headers?: { get?(n: string): string | undefined } };
  };
  const statusCode = typeof e?.statusCode === 'number' ? e.statusCode : undefined;
  const retryAfterMs = parseRetryAfter(e?.response?.headers?.get?.('retry-after'), now);
  const detail = statusCode
    ? `Teams answered ${statusCode}`
    : `No answer from Teams (${e?.code ?? e?.message ?? 'unknown error'})`;
  if (statusCode === undefined) return { transient: true, stale: false, detail };
  return {
    statusCode,
    retryAfterMs,
    transient: TRANSIENT.has(statusCode),
    stale: statusCode === 403 || statusCode === 404,
    detail,
  };
}
