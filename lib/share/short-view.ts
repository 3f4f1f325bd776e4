// Short share links: a view of the map (path, filters, camera) stored under a random id, and
// the one place that turns a stored view back into a link. The target is rebuilt from validated
// parts with URLSearchParams on every redirect, so a stored row can never send anyone off-site,
// whatever was written to the table.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DEFAULT_LOCALE, localeHref, toLocale } from '@/lib/i18n/locales';
import { Slug } from '@/geo/schema';
import type { PrismaClient } from '../data/db';

/** Version of the JSON stored in ShortView.state; bump it and add an upgrade in `readStoredView`. */
export const VIEW_STATE_VERSION = 1;

/** Query parameter the explorer shows a notice for when a shared view named a route since removed. */
export const ROUTE_REMOVED_NOTICE = { key: 'notice', value: 'route-removed' } as const;

/** The query keys a view may carry, in the order they are written back. */
export const VIEW_QUERY_KEYS = ['stage', 'level', 'hazard', 'from', 'to', 'q', 'interactive', 'legend', 'theme', 'lang'] as const;

// Values are checked for shape, not meaning: the explorer's own codec decides what a value
// means and falls back to defaults, so a stored view from an older UI still opens.
const list = /^[A-Za-z0-9-]+(?:,[A-Za-z0-9-]+)*$/;
export const ViewQuery = z
  .object({
    stage: Slug,
    level: z.string().max(40).regex(list, 'a comma-separated list'),
    hazard: z.string().max(300).regex(list, 'a comma-separated list'),
    from: z.string().max(10).regex(/^\d+$/, 'a year'),
    to: z.string().max(100).regex(list, 'a comma-separated list'),
    q: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[^\p{Cc}<>]*$/u, 'no control characters or angle brackets: a search has no use for markup'),
    interactive: z.enum(['0', '1']),
    legend: z.enum(['0', '1']),
    theme: z.enum(['light', 'dark']),
    lang: z.string().regex(/^[a-z]{2}$/, 'a two-letter language code'),
  })
  .partial();

/** `/`, `/routes/{slug}`, `/embed` or `/embed/{slug}`: the only places a short link may lead. */
const ViewPath = z.string().refine((p) => parseViewPath(p) !== null, 'one of /, /routes/{id}, /embed, /embed/{id}');

const inRange = (s: string, min: number, max: number) => {
  const n = Number(s);
  return /^-?\d{1,3}(?:\.\d{1,7})?$/.test(s) && n >= min && n <= max;
};
/** The camera, as the map writes it: #zoom/lat/lng, optionally /bearing/pitch. */
export const ViewHash = z.union([
  z.literal(''),
  z
    .string()
    .max(80)
    .refine((h) => {
      const parts = h.startsWith('#') ? h.slice(1).split('/') : [];
      const [zoom, lat, lng, bearing, pitch] = parts;
      return (
        parts.length >= 3 &&
        parts.length <= 5 &&
        inRange(zoom, 0, 24) &&
        inRange(lat, -90, 90) &&
        inRange(lng, -180, 180) &&
        (bearing === undefined || inRange(bearing, -360, 360)) &&
        (pitch === undefined || inRange(pitch, 0, 85))
      );
    }, '"#zoom/lat/lng" with numbers in range, or ""'),
]);

/** What POST /api/views accepts. Unknown query keys are dropped, not stored. */
export const ViewState = z
  .object({
    path: ViewPath,
    query: ViewQuery.default({}),
    hash: ViewHash.default(''),
  })
  .strict();
export type ViewState = z.infer<typeof ViewState>;

const StoredViewV1 = ViewState.extend({ v: z.literal(1) });

export type ViewPathParts = { base: '/' | '/routes' | '/embed'; slug: string | null };

export function parseViewPath(path: string): ViewPathParts | null {
  if (path === '/') return { base: '/', slug: null };
  if (path === '/embed') return { base: '/embed', slug: null };
  const m = /^\/(routes|embed)\/([^/]+)$/.exec(path);
  if (!m || !Slug.safeParse(m[2]).success) return null;
  return { base: m[1] === 'routes' ? '/routes' : '/embed', slug: m[2] };
}

/** Ids are 12 URL-safe characters (72 random bits): not guessable, short enough to type. */
export const ShortId = z.string().regex(/^[A-Za-z0-9_-]{12}$/);
export const newShortId = () => randomBytes(9).toString('base64url');

/** A stored state back as the current ViewState, or null when it is not a view we can open. */
export function readStoredView(state: unknown): ViewState | null {
  const v1 = StoredViewV1.safeParse(state);
  if (!v1.success) return null;
  const { v: _v, ...view } = v1.data;
  return view;
}

export type ShortViewDb = Pick<PrismaClient, 'shortView'>;

export async function saveView(db: ShortViewDb, view: ViewState): Promise<string> {
  const state = { v: VIEW_STATE_VERSION, ...view };
  // A collision of 72 random bits will not happen in practice; one retry makes it a non-event.
  for (let attempt = 0; ; attempt++) {
    const id = newShortId();
    try {
      await db.shortView.create({ data: { id, state } });
      return id;
    } catch (e) {
      if (attempt === 0 && (e as { code?: string }).code === 'P2002') continue;
      throw e;
    }
  }
}

/** The stored view, or null for an unknown id or a row that no longer validates. */
export async function loadView(db: ShortViewDb, id: string): Promise<ViewState | null> {
  if (!ShortId.safeParse(id).success) return null;
  const row = await db.shortView.findUnique({ where: { id } });
  return row ? readStoredView(row.state) : null;
}

/**
 * The app-relative link a view opens: path, then the query in a fixed order, then the camera.
 * When the view names an item that no longer exists, it opens the map (or the all-routes embed)
 * at the same camera with the notice instead, and without the removed route's stage.
 */
export function viewTarget(view: ViewState, itemExists: (slug: string) => boolean): string {
  const checked = ViewState.parse(view);
  const parts = parseViewPath(checked.path)!; // ViewState.parse has checked it
  const removed = parts.slug !== null && !itemExists(parts.slug);
  const plainPath = removed ? (parts.base === '/embed' ? '/embed' : '/') : checked.path;
  // The explorer's pages carry their language in the path (/ko/routes/x); an embed, in `lang`.
  const pageLocale = parts.base === '/embed' ? DEFAULT_LOCALE : toLocale(checked.query.lang);
  const path = localeHref(pageLocale, plainPath);
  const params = new URLSearchParams();
  for (const key of VIEW_QUERY_KEYS) {
    const value = checked.query[key];
    if (value === undefined || (removed && key === 'stage')) continue;
    if (key === 'lang' && parts.base !== '/embed') continue;
    params.set(key, value);
  }
  if (removed) params.set(ROUTE_REMOVED_NOTICE.key, ROUTE_REMOVED_NOTICE.value);
  // Resolve against a placeholder origin and insist nothing escaped it: the last line of defence
  // should the path rules above ever be loosened.
  const base = 'http://self.invalid';
  const url = new URL(path, base);
  url.search = params.toString();
  url.hash = checked.hash;
  if (url.origin !== base) throw new Error(`short link target left the app: ${path}`);
  return `${url.pathname}${url.search}${url.hash}`;
}
