import { DomainError, type FieldIssue } from '../../core/errors';
import type { ApiResponse } from './api-route';

/** The JSON error body every API failure has. */
export interface ApiErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly issues?: readonly FieldIssue[];
  };
}

const STATUS: Record<DomainError['code'], number> = {
  not_found: 404,
  validation: 400,
  conflict: 409,
  forbidden: 403,
};

/** A failure the HTTP layer itself detects (bad JSON, too large, no identity). */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Headers the answer carries (e.g. `retry-after` on a 429). */
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = 'HttpProblem';
  }
}

/** Maps a thrown error to a response, or undefined when it is not one we expect (a bug: 500, logged). */
export function toErrorResponse(err: unknown): ApiResponse | undefined {
  if (err instanceof DomainError) {
    const body: ApiErrorBody = {
      error: {
        code: err.code,
        message: err.message,
        issues: 'issues' in err ? (err.issues as FieldIssue[]) : undefined,
      },
    };
    return { status: STATUS[err.code], body };
  }
  if (err instanceof HttpProblem)
    return {
      status: err.status,
      body: { error: { code: err.code, message: err.message } },
      headers: err.headers,
    };
  return undefined;
}
