// The item page's address, `/routes/{id}`: written and read here only. No zod, so the map module
// can read the page it is on without a validator; the id it reads is only ever looked up in the
// data (an id the data does not have selects nothing).

/** The pattern of an item page's path; the id is the first group, still URI-encoded. */
export const ROUTE_PATH = /^\/routes\/([^/]*)\/?$/;

/** `/routes/{id}` for an item id. */
export function routePath(id: string): string {
  return `/routes/${encodeURIComponent(id)}`;
}

/** The item id a path names (decoded), or null when it is not an item page. */
export function routeIdOf(pathname: string): string | null {
  const m = ROUTE_PATH.exec(pathname);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return null;
  }
}
