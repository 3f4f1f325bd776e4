// The API's errors: each has an HTTP status and a message a person can act on, and every
// handler turns whatever it caught into the same `{ error, message }` JSON (lib/data/api-schema.ts).
import type { z } from 'zod';
import type { ApiError as ApiErrorBody } from '../data/api-schema';

export type ApiErrorCode = 'bad_request' | 'not_found' | 'unavailable' | 'internal';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const badRequest = (message: string) => new ApiError(400, 'bad_request', message);
export const notFound = (message: string) => new ApiError(404, 'not_found', message);
/** What a malformed item or tour id gets; ids are never echoed back (they may be megabytes, or a script). */
export const INVALID_ID_MESSAGE = 'Not a valid id. Ids are 2–80 lower-case letters, digits and single hyphens.';

/**
 * The database cannot answer (missing, corrupt, not migrated, not seeded) or cannot take a write
 * (read-only, locked): 503, try later, after `retryAfterSeconds` when given (sent as Retry-After).
 */
export class DataUnavailableError extends ApiError {
  override name = 'DataUnavailableError';
  readonly retryAfterSeconds: number | undefined;
  constructor(message: string, options?: { cause?: unknown; retryAfterSeconds?: number }) {
    super(503, 'unavailable', message, options);
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

/** How long a client is asked to wait when the database cannot take a write (read-only, locked, full). */
export const WRITE_RETRY_AFTER_SECONDS = 60;

/**
 * The 503 for a write the database refused: reads still work, so the message says what a person
 * can do meanwhile.
 */
export function writeUnavailable(cause: unknown): DataUnavailableError {
  const readOnly = /readonly|read-only/i.test(String((cause as { message?: unknown })?.message ?? cause));
  return new DataUnavailableError(
    `Short links cannot be saved right now: ${readOnly ? 'the database is read-only' : 'the database is not taking writes'}. ` +
      'The map still works; please try again later, or share the full link instead.',
    { cause, retryAfterSeconds: WRITE_RETRY_AFTER_SECONDS },
  );
}

export function errorJson(status: number, body: z.infer<typeof ApiErrorBody>): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}

/**
 * The response for anything a handler caught. Known API errors keep their status; anything
 * else is a bug on our side, logged in full and answered without internals.
 */
export function errorResponse(e: unknown): Response {
  if (e instanceof ApiError) {
    if (e.status >= 500) console.error(`[api] ${e.message}`, e.cause ?? '');
    const res = errorJson(e.status, { error: e.code, message: e.message });
    if (e instanceof DataUnavailableError && e.retryAfterSeconds !== undefined) res.headers.set('Retry-After', String(e.retryAfterSeconds));
    return res;
  }
  console.error('[api] unexpected error', e);
  return errorJson(500, { error: 'internal', message: 'Something went wrong on our side. Please try again later.' });
}
