import { GraphError } from '@microsoft/microsoft-graph-client';
import { ForbiddenError } from '../../core/errors';

/** Graph refused for lack of permission: the message says which permission an admin must grant. */
export class GraphPermissionError extends ForbiddenError {
  constructor(doing: string, permission: string) {
    super(
      `Microsoft Graph would not let Partner CRM ${doing}: an administrator must grant the app the ` +
        `${permission} application permission${permission.startsWith('Calendars') ? " (and, if the tenant limits it, include this person's mailbox)" : ''}.`,
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

/** What a failed Graph call means for the person who asked. */
export function graphFailure(err: unknown, doing: string, permission: string): Error {
  if (err instanceof GraphError && err.statusCode === 403) return new GraphPermissionError(doing, permission);
  return new GraphUnavailableError(doing, err instanceof GraphError ? err.statusCode : undefined);
}
