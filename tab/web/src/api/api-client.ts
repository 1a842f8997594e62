import type { FieldIssue } from './api-types';

/** A refused or failed API call, with the field issues to show beside the inputs. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
    /** The rest of the error body (a form's card with the user's values, for instance). */
    readonly body: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The messages for one field (its path or anything below it). */
  issuesAt(path: string): string[] {
    return this.issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`)).map((i) => i.message);
  }
}

/** Options of one call. */
export interface CallOptions {
  readonly method?: 'GET' | 'POST' | 'PUT';
  readonly body?: unknown;
  /** Query parameters; undefined values are left out. */
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  /** Another space than the tab's (e.g. completing one of my actions that lives in a team's space). */
  readonly spaceId?: string;
  /** Sent as `Idempotency-Key`, so a repeated submit stores one record. */
  readonly idempotencyKey?: string;
}

/** Calls the tab's API in the tab's space, with the Teams SSO token when there is one. */
export class ApiClient {
  constructor(
    private readonly spaceId: string | undefined,
    private readonly token: () => Promise<string | undefined>,
    private readonly base = '/api/v1',
  ) {}

  /** The URL of an API path in this space (for downloads the browser fetches itself). */
  url(path: string, query: CallOptions['query'] = {}, spaceId = this.spaceId): string {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
    if (spaceId) params.set('spaceId', spaceId);
    const qs = params.toString();
    return `${this.base}${path}${qs ? `?${qs}` : ''}`;
  }

  /** Sends a request and returns its raw response (streams, downloads); throws ApiError when refused. */
  async send(path: string, options: CallOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = await this.token();
    if (token) headers.authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    const res = await fetch(this.url(path, options.query, options.spaceId ?? this.spaceId), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    if (!res.ok) throw await errorOf(res);
    return res;
  }

  /** Sends a request and parses its JSON answer. */
  async call<T>(path: string, options: CallOptions = {}): Promise<T> {
    return (await (await this.send(path, options)).json()) as T;
  }
}

async function errorOf(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => ({}))) as {
    error?: { code?: string; message?: string; issues?: FieldIssue[] };
  };
  return new ApiError(
    res.status,
    body.error?.code ?? `http_${res.status}`,
    body.error?.message ?? `The server answered ${res.status}`,
    body.error?.issues ?? [],
    body as Record<string, unknown>,
  );
}

/** A fresh key for one form submission. */
export function newIdempotencyKey(): string {
  return `tab-${crypto.randomUUID()}`;
}
