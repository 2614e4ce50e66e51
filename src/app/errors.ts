import type { FieldProblem } from '../domain/validation';

/**
 * What kind of failure a use case reports. The resolver envelope has a stable code for each
 * (src/contracts/envelope.ts); src/handlers/define-resolver.ts maps one to the other.
 */
export type AppErrorCode =
  'validation' | 'forbidden' | 'not-found' | 'conflict' | 'refused' | 'unavailable' | 'internal';

/**
 * Errors a use case raises on purpose, each with its `AppErrorCode`; handlers map them, and
 * anything else becomes `internal`.
 */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: { readonly fields?: readonly FieldProblem[]; readonly reason?: string } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export class ValidationError extends AppError {
  constructor(message: string, fields: readonly FieldProblem[]) {
    super('validation', message, { fields });
    this.name = 'ValidationError';
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string) {
    super('forbidden', message);
    this.name = 'ForbiddenError';
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super('not-found', message);
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends AppError {
  constructor(message: string, reason?: string) {
    super('conflict', message, reason === undefined ? {} : { reason });
    this.name = 'ConflictError';
  }
}

/** A business rule said no: an expired ask, a fatigue rule. `reason` is the rule's code. */
export class RefusedError extends AppError {
  constructor(reason: string, message: string) {
    super('refused', message, { reason });
    this.name = 'RefusedError';
  }
}

/**
 * Storage or Jira is rate limiting (429) or failing (5xx): the same call may succeed later.
 * Triggers turn it into an `InvocationError` so Forge redelivers the event.
 */
export class TransientError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('unavailable', message);
    this.name = 'TransientError';
  }
}

/** An optimistic write lost a race (a transaction `check` failed): re-read and try again. */
export class WriteConflict extends Error {
  constructor(readonly key: string) {
    super(`concurrent update of ${key}`);
    this.name = 'WriteConflict';
  }
}

/**
 * Reads the page a caller's cursor names. Cursors are opaque and come back from the browser; one
 * that storage refuses (garbled, from another list) is the caller's mistake, reported as such —
 * storage's own failures (`AppError`s such as TransientError) pass through unchanged.
 */
export async function withCallerCursor<T>(cursor: string | null | undefined, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (cursor == null || e instanceof AppError) throw e;
    throw new ValidationError('This list position is out of date or damaged; open the list again from the start.', [
      { field: 'cursor', message: 'is not a position this list gave out' },
    ]);
  }
}
