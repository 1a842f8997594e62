/** One problem with one input field, in words a user can act on. */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `actions.0.dueDate`; empty for the whole input. */
  readonly path: string;
  readonly message: string;
}

/** Base of every error core throws on purpose; edges map each subclass to their own wording or status. */
export abstract class DomainError extends Error {
  /** Stable machine-readable code, shared by all edges. */
  abstract readonly code: 'not_found' | 'validation' | 'conflict' | 'forbidden';
}

/** The thing asked for does not exist in the caller's scope (or the caller may not know it exists). */
export class NotFoundError extends DomainError {
  readonly code = 'not_found';
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} not found`);
    this.name = 'NotFoundError';
  }
}

/** The input breaks a rule; `issues` says which fields and why. Nothing was stored. */
export class ValidationError extends DomainError {
  readonly code = 'validation';
  constructor(readonly issues: readonly FieldIssue[]) {
    super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '));
    this.name = 'ValidationError';
  }

  /** A validation error about a single field. */
  static of(path: string, message: string): ValidationError {
    return new ValidationError([{ path, message }]);
  }
}

/** The change collides with the current state (duplicate, stale version, wrong status). */
export class ConflictError extends DomainError {
  readonly code = 'conflict';
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** The caller is known but may not do this. */
export class ForbiddenError extends DomainError {
  readonly code = 'forbidden';
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}
