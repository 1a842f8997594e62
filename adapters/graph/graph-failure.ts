import { GraphError } from '@microsoft/microsoft-graph-client';
import { ForbiddenError } from '../../core/errors';

/** Which kind of Graph permission a call uses: the app's own (application) or a signed-in user's (delegated). */
export type PermissionKind = 'application' | 'delegated';

/** Graph refused for lack of permission: the message says which permission an admin must grant. */
export class GraphPermissionError extends ForbiddenError {
  constructor(doing: string, permission: string, kind: PermissionKind = 'application') {
    super(
      `Microsoft Graph would not let Partner CRM ${doing}: an administrator must grant the app the ` +
        `${permission} ${kind} permission${permission.startsWith('Calendars') ? " (and, if the tenant limits it, include this person's mailbox)" : ''}.`,
    );
    this.name = 'GraphPermissionError';
  }
}

/** Graph could not be reached or kept failing after the client's retries. */
export class GraphUnavailableError extends Error {
  constructor(
    doing: string,
    readonly statusCode?: number,
  ) {
    super(
      `Microsoft Graph did not answer when Partner CRM tried to ${doing}${statusCode ? ` (${statusCode})` : ''}.`,
    );
    this.name = 'GraphUnavailableError';
  }
}

/** Graph understood the request and turned it down (a 4xx other than 403 or 429): a mistake of ours to fix. */
export class GraphRequestError extends Error {
  constructor(
    doing: string,
    readonly statusCode: number,
    readonly graphCode: string,
  ) {
    super(`Microsoft Graph turned down Partner CRM's request to ${doing} (${statusCode} ${graphCode}).`);
    this.name = 'GraphRequestError';
  }
}

/** What a failed Graph call means for the person who asked. */
export function graphFailure(
  err: unknown,
  doing: string,
  permission: string,
  kind: PermissionKind = 'application',
): Error {
  if (err instanceof GraphError && err.statusCode === 403)
    return new GraphPermissionError(doing, permission, kind);
  if (err instanceof GraphError && err.statusCode >= 400 && err.statusCode < 500 && err.statusCode !== 429)
    return new GraphRequestError(doing, err.statusCode, err.code ?? 'error');
  return new GraphUnavailableError(doing, err instanceof GraphError ? err.statusCode : undefined);
}
