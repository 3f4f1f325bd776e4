// How much one client (and everyone together) may write to the short-link table. Generous for
// a person sharing views by hand; tight enough that a script cannot fill the database. The
// counters are in the database, so the limits hold across instances and restarts.
import { DatabaseRateLimiter } from '../http/rate-limit';

export const VIEW_BODY_LIMIT_BYTES = 4096;

const TEN_MINUTES = 10 * 60 * 1000;

/** Per client address (see clientKey): 30 short links per 10 minutes. */
export const viewWritesPerClient = new DatabaseRateLimiter({ name: 'views', limit: 30, windowMs: TEN_MINUTES });

/** Everyone together: bounds growth whatever the addresses. */
export const viewWritesOverall = new DatabaseRateLimiter({ name: 'views-all', limit: 1000, windowMs: TEN_MINUTES });
