// Where the app is served from. Absolute URLs are needed wherever a link leaves the page:
// Open Graph images, oEmbed html pasted into other sites, the oEmbed discovery link.

/**
 * The public origin: APP_ORIGIN (e.g. https://atlas.example) when set and valid, else
 * http://localhost:PORT for a local `next start`.
 */
export function appOrigin(env: Record<string, string | undefined> = process.env): string {
  const configured = env.APP_ORIGIN?.trim();
  if (configured) {
    try {
      const url = new URL(configured);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
    } catch {
      // An unusable APP_ORIGIN falls through to the local default rather than breaking every page.
    }
  }
  const port = Number(env.PORT);
  return `http://localhost:${Number.isInteger(port) && port > 0 && port < 65_536 ? port : 3000}`;
}

/**
 * Origins this deployment answers for: the configured one and the one the request came in on
 * (a local `next start` is reached as localhost, 127.0.0.1 or a LAN address alike).
 */
export function ownOrigins(request: Request, env: Record<string, string | undefined> = process.env): Set<string> {
  return new Set([appOrigin(env), new URL(request.url).origin]);
}
