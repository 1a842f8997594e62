import { ApiError } from '../api/api-client';

/** Props for a Fluent `Field` showing the API's messages for one input path. */
export function fieldProps(
  error: unknown,
  path: string,
): { validationMessage?: string; validationState?: 'error' | 'none' } {
  if (!(error instanceof ApiError)) return {};
  const messages = error.issuesAt(path);
  return messages.length ? { validationMessage: messages.join(' '), validationState: 'error' } : {};
}

/** A refusal's message when it is not about one of the fields shown (a conflict, or a field the form lacks). */
export function formLevelMessage(error: unknown, shownPaths: readonly string[]): string | undefined {
  if (!error) return undefined;
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const unshown = error.issues.filter(
    (i) => !shownPaths.some((p) => i.path === p || i.path.startsWith(`${p}.`)),
  );
  if (error.issues.length === 0) return error.message;
  return unshown.length
    ? unshown.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join(' ')
    : undefined;
}
