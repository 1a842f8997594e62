import type { Readable } from 'node:stream';
import type { TeamsUser } from '../../core/people/person';

/** Who is calling the API: resolved from the Teams SSO token, or the local identity in local mode. */
export interface ApiIdentity {
  readonly tenantId: string;
  readonly user: TeamsUser;
}

/** An API request after routing and authentication. The body is unparsed JSON (or undefined). */
export interface ApiRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly identity: ApiIdentity;
  /** The `Idempotency-Key` header: a repeated write with the same key returns the first result. */
  readonly idempotencyKey?: string;
}

/** What a route answers: a JSON body, or a stream (exports) with its own content type. */
export interface ApiResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly stream?: Readable;
  readonly headers?: Readonly<Record<string, string>>;
}

/** One route of the API under `/api/v1`. Paths use `:name` for parameters. */
export interface ApiRoute {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  handle(request: ApiRequest): Promise<ApiResponse>;
}

/** A 200 response with a JSON body. */
export function ok(body: unknown): ApiResponse {
  return { status: 200, body };
}

/** A 201 response with the created record. */
export function created(body: unknown): ApiResponse {
  return { status: 201, body };
}
