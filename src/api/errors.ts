/**
 * One error class for everything the client can fail with. Widgets switch on
 * `type`, never on message text, and never show server text to the patient
 * (it may be hostile or leak internals): the message a patient reads comes from
 * our translations, chosen by `type`.
 */
import type { FieldError, ProblemCode } from './schemas.js';

export type PortalErrorType =
  // transport and contract
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'contract'
  | 'misconfigured'
  // generic HTTP
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'validation'
  | 'rate-limited'
  | 'conflict'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'server'
  // domain
  | 'invalid-credentials'
  | 'locked-out'
  | 'password-change-required'
  | 'password-rejected'
  | 'consent-required'
  | 'messaging-revoked'
  | 'session-expired'
  | 'csrf-rejected'
  | 'idempotency-mismatch';

export interface PortalErrorInit {
  status?: number;
  retryAfterSeconds?: number;
  fieldErrors?: readonly FieldError[];
  cause?: unknown;
}

export class PortalError extends Error {
  override readonly name = 'PortalError';
  readonly type: PortalErrorType;
  /** HTTP status when the server answered, else undefined. */
  readonly status: number | undefined;
  /** Seconds to wait before trying again (lockout, rate limit). */
  readonly retryAfterSeconds: number | undefined;
  /** Per-field reasons for `validation` and `password-rejected`. */
  readonly fieldErrors: readonly FieldError[];

  constructor(type: PortalErrorType, message: string, init: PortalErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.type = type;
    this.status = init.status;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.fieldErrors = init.fieldErrors ?? [];
  }

  /** Worth offering a Retry button: trying again unchanged may succeed. */
  get retryable(): boolean {
    return RETRYABLE.has(this.type);
  }

  /** The patient must sign in (again) before anything else works. */
  get needsSignIn(): boolean {
    return this.type === 'unauthorized' || this.type === 'session-expired';
  }
}

const RETRYABLE: ReadonlySet<PortalErrorType> = new Set<PortalErrorType>([
  'network',
  'timeout',
  'rate-limited',
  'server',
  'contract',
]);

/** Problem codes map one-to-one onto error types (the rest are client-side only). */
export function errorTypeForProblem(code: ProblemCode): PortalErrorType {
  return code;
}

/** Best-effort type for a status when the body was not valid problem+json. */
export function errorTypeForStatus(status: number): PortalErrorType {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'payload-too-large';
  if (status === 415) return 'unsupported-media-type';
  if (status === 400 || status === 422) return 'validation';
  if (status === 429) return 'rate-limited';
  return 'server';
}

export function isPortalError(value: unknown): value is PortalError {
  return value instanceof PortalError;
}

/** Wrap anything thrown into a PortalError, so callers only ever see one type. */
export function toPortalError(value: unknown): PortalError {
  if (value instanceof PortalError) return value;
  if (value instanceof DOMException && value.name === 'AbortError') {
    return new PortalError('aborted', 'The request was cancelled.', { cause: value });
  }
  return new PortalError('network', 'The request could not be completed.', { cause: value });
}
