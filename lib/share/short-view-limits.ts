// How much one client (and everyone together) may write to the short-link table. Generous for
// a person sharing views by hand; tight enough that a script cannot fill the database.
import { SlidingWindowLimiter } from '../http/rate-limit';

export const VIEW_BODY_LIMIT_BYTES = 4096;

const TEN_MINUTES = 10 * 60 * 1000;

/** Per client address: 30 short links per 10 minutes. */
export const viewWritesPerClient = new SlidingWindowLimiter({ limit: 30, windowMs: TEN_MINUTES });

/** Everyone together: bounds growth even when clients spoof their address (see clientKey). */
export const viewWritesOverall = new SlidingWindowLimiter({ limit: 1000, windowMs: TEN_MINUTES });
