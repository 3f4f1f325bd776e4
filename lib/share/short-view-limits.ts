// How many short links one client (and everyone together) may create (the figures: ./view-limits.ts;
// the README prints them). Generous for a person sharing views by hand; tight enough that
// a script cannot fill the database; and shaped so that no one client can use up what the others
// get. The counters are in the database, so the limits hold across instances and restarts.
//
// - Per client (its address, see clientKey: an IPv6 client by its /64), PER_CLIENT links per window.
// - Everyone together, OVERALL links per window. When that is spent, the app does not refuse
//   everyone: each client may still make its first SHARE_WHEN_BUSY links of the window. A flood
//   from many addresses then slows to SHARE_WHEN_BUSY per address, and a visitor who has not
//   shared anything yet still gets a link.
// - Only links actually created count: a request refused as bad (4xx) never reaches the
//   counters, and one whose write fails is given back.
import 'server-only';
import { DatabaseRateLimiter } from '../http/rate-limit';
import { VIEW_LIMITS } from './view-limits';

export { VIEW_BODY_LIMIT_BYTES, VIEW_LIMITS } from './view-limits';

const windowMs = VIEW_LIMITS.windowMinutes * 60 * 1000;

export const viewWritesPerClient = new DatabaseRateLimiter({ name: 'views', limit: VIEW_LIMITS.perClient, windowMs });
export const viewWritesOverall = new DatabaseRateLimiter({ name: 'views-all', limit: VIEW_LIMITS.overall, windowMs });

const OVERALL_KEY = '*';

export type ViewWriteReservation =
  { ok: true; release: () => Promise<void> } | { ok: false; retryAfterSeconds: number; reason: 'client' | 'busy' };

/**
 * Reserve one short link for `client`, before writing it. `release()` gives the reservation back
 * when the write then fails, so only created links count.
 */
export async function reserveViewWrite(client: string): Promise<ViewWriteReservation> {
  const mine = await viewWritesPerClient.take(client);
  if (!mine.ok) return { ok: false, retryAfterSeconds: mine.retryAfterSeconds, reason: 'client' };
  const everyone = await viewWritesOverall.take(OVERALL_KEY);
  if (!everyone.ok && mine.used > VIEW_LIMITS.shareWhenBusy) {
    await viewWritesPerClient.refund(client, mine);
    return { ok: false, retryAfterSeconds: everyone.retryAfterSeconds, reason: 'busy' };
  }
  return {
    ok: true,
    release: async () => {
      await viewWritesPerClient.refund(client, mine);
      await viewWritesOverall.refund(OVERALL_KEY, everyone);
    },
  };
}
