import type { Readable } from 'node:stream';
import type { TeamsUser } from '../../core/people/person';

/** Who is calling the API: resolved from the Teams SSO token, or the local identity in local mode. */
export interface ApiIdentity {
  readonly tenantId: string;
  readonly user: TeamsUser;
  /** The Teams SSO token the caller signed in with (none in local mode): Graph is asked on their behalf with it. */
  readonly ssoToken?: string;
}

/** An API request after routing and authentication. The body is unparsed JSON (or undefined). */
export interface ApiRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly identity: ApiIdentity;
  /** The Content-Type the client sent (for routes that take raw uploads). */
  readonly contentType?: string;
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

/** How a route reads its request body: parsed JSON (the default) or raw bytes, up to a size. */
export interface BodySpec {
  readonly kind: 'json' | 'raw';
  readonly maxBytes: number;
}

interface RouteBase {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  /** Omitted: JSON up to the server's default limit. */
  readonly body?: BodySpec;
}

/** A route for a signed-in caller (Teams SSO, or the local identity in local mode). */
export interface IdentifiedRoute extends RouteBase {
  readonly access?: 'identity';
  handle(request: ApiRequest): Promise<ApiResponse>;
}

/** A request to a public route: no identity; the route checks its own credential (e.g. a signed link). */
export type PublicApiRequest = Omit<ApiRequest, 'identity'>;

/** A route reached without signing in, which checks its own credential. */
export interface PublicRoute extends RouteBase {
  readonly access: 'public';
  handle(request: PublicApiRequest): Promise<ApiResponse>;
}

/** One route of the API under `/api/v1`. Paths use `:name` for parameters. */
export type ApiRoute = IdentifiedRoute | PublicRoute;

/** A 200 response with a JSON body. */
export function ok(body: unknown): ApiResponse {
  return { status: 200, body };
}

/** A 201 response with the created record. */
export function created(body: unknown): ApiResponse {
  return { status: 201, body };
}
