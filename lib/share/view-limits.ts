// The short-link limits as plain data: stated here once, enforced by lib/share/short-view-limits.ts
// (server-only), printed in the README, and read by the tests that run the app over HTTP.
export const VIEW_BODY_LIMIT_BYTES = 4096;

export const VIEW_LIMITS = {
  windowMinutes: 10,
  perClient: 30,
  overall: 1000,
  shareWhenBusy: 5,
} as const;
