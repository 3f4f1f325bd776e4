// The explorer's URL codec: what is selected, filtered and looked at, and the link that says so.
//   path   /routes/{slug}                 the selected route, crossing, event or zone
//   query  stage, level, hazard, to, q    the selected stage and the filters
//          from, to (a year)              the period filter: `?from=2011&to=2015` (lib/time/period.ts)
//   hash   #zoom/lat/lng                  the camera (as MapLibre's own hash writes it)
// Pure and total: any URL parses, malformed parts are dropped with a notice saying so, and
// defaults are left out of the link, so that a shared link is short and says only what matters.
// Lists are written comma-separated (`level=3,4`), the form short links (lib/share/short-view.ts) store;
// repeated keys (`level=3&level=4`) are read too. `to` holds destinations and the period's last
// year alike (`to=KR,2015`): a year is four digits, a country two letters, so neither is mistaken.
// zod's tree-shakable build (zod/mini): this codec runs in the browser as the explorer hydrates,
// and zod's full build, evaluated then, slows the map's start (issue 15).
import * as z from 'zod/mini';
import { Slug } from '@/geo/slug';
import { COUNTRY_CODES, HAZARD_IDS, RISK_LEVEL_VALUES, type CountryCode, type HazardId, type RiskLevel } from '@/geo/vocabulary';
import { formatCameraHash, type Camera } from './camera-hash';
import { ROUTE_PATH, VIEW_PARAMS as P } from './paths';
import { splitLocale } from '@/lib/i18n/locales';
import { YEAR_LIMITS, isOpenRange, type YearRange } from '@/lib/time/period';

export { cameraPrecision, formatCameraHash, type Camera } from './camera-hash';

export interface Filters {
  /** Risk levels to show; empty: all. Sorted, no duplicates. */
  levels: RiskLevel[];
  /** Hazards of which an item must have at least one; empty: all. In vocabulary order. */
  hazards: HazardId[];
  /** Destination countries; empty: all. In vocabulary order. */
  to: CountryCode[];
  /** Free text search over names and corridors; '' for none. */
  q: string;
  /** The period filter: items reported or happening in these years; both null for none. */
  years: YearRange;
}

export interface ViewState {
  route: string | null;
  stage: string | null;
  filters: Filters;
  /** null: the default view (the whole region, or the selected route). */
  camera: Camera | null;
}

export type NoticeKey = 'camera' | 'route' | 'stage' | 'stageWithoutRoute' | 'level' | 'hazard' | 'to' | 'q' | 'period' | 'routeRemoved';
/** What could not be used; the words for each key are in the message files (explorer.notices). */
export interface ViewNotice {
  key: NoticeKey;
}

export interface ParsedView {
  state: ViewState;
  notices: ViewNotice[];
}

export const NO_YEARS: YearRange = Object.freeze({ from: null, to: null }) as YearRange;
export const EMPTY_FILTERS: Filters = Object.freeze({ levels: [], hazards: [], to: [], q: '', years: NO_YEARS }) as Filters;
export const DEFAULT_VIEW: ViewState = Object.freeze({ route: null, stage: null, filters: EMPTY_FILTERS, camera: null }) as ViewState;

/** Camera limits: MapLibre's zoom range, and latitude/longitude as the globe allows. */
export const CAMERA_LIMITS = { zoom: [0, 24], lat: [-90, 90], lng: [-180, 180] } as const;
export const Q_MAX_LENGTH = 100;
/** Longer raw values are not parsed at all: no legitimate link needs them. */
const RAW_LIST_MAX = 300;

/** A plain decimal: no exponent, hex, Infinity or empty string, which Number() would accept. */
const decimal = (min: number, max: number) =>
  z.pipe(
    z.pipe(z.string().check(z.maxLength(20), z.regex(/^-?\d{1,3}(?:\.\d{1,12})?$/)), z.transform(Number)),
    z.number().check(z.gte(min), z.lte(max)),
  );

const CameraParts = z.tuple([decimal(...CAMERA_LIMITS.zoom), decimal(...CAMERA_LIMITS.lat), decimal(...CAMERA_LIMITS.lng)]);
const LevelToken = z.pipe(
  z.enum(RISK_LEVEL_VALUES.map(String) as ['1', '2', '3', '4']),
  z.transform((s) => Number(s) as RiskLevel),
);
const HazardToken = z.enum(HAZARD_IDS);
const YearToken = z.pipe(
  z.pipe(z.string().check(z.regex(/^\d{4}$/)), z.transform(Number)),
  z.int().check(z.gte(YEAR_LIMITS.min), z.lte(YEAR_LIMITS.max)),
);
/** A `to` token that is meant as a year (digits only), whether or not it is a valid one. */
const looksLikeYear = (token: string) => /^\d+$/.test(token);
const CountryToken = z.pipe(
  z.pipe(
    z.string(),
    z.transform((s) => s.toUpperCase()),
  ),
  z.enum(COUNTRY_CODES),
);
const Query = z.string().check(z.maxLength(Q_MAX_LENGTH), z.regex(/^[^\p{Cc}]*$/u));

/** The query value that marks a shared link whose route has since been removed (lib/share/short-view.ts). */
const ROUTE_REMOVED = { key: 'notice', value: 'route-removed' } as const;

/**
 * `#zoom/lat/lng` -> camera. Returns undefined for a hash that is no camera at all (empty, or an
 * in-page anchor such as `#route-panel` from the skip link), null for a malformed camera.
 * Bearing and pitch after lng (`#z/lat/lng/bearing/pitch`) are accepted and ignored: the atlas
 * map is always north-up and flat.
 */
export function parseCameraHash(hash: string): Camera | null | undefined {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body === '' || /^[A-Za-z][\w-]*$/.test(body)) return undefined;
  if (body.length > 80) return null;
  const parts = body.split('/');
  if (parts.length !== 3 && parts.length !== 5) return null;
  const parsed = CameraParts.safeParse(parts.slice(0, 3));
  if (!parsed.success) return null;
  if (parts.length === 5 && !parts.slice(3).every((p) => /^-?\d{1,3}(?:\.\d{1,6})?$/.test(p))) return null;
  const [zoom, lat, lng] = parsed.data;
  return { zoom, lat, lng };
}

/** Tokens of a list parameter, from `a,b` and from repeated keys alike. */
function tokens(params: URLSearchParams, key: string): string[] | null {
  const raw = params.getAll(key);
  if (raw.join(',').length > RAW_LIST_MAX) return null;
  return raw.flatMap((v) => v.split(',')).filter((t) => t !== '');
}

/** Parse each token; the valid ones are kept, and any invalid one raises the notice once. */
function parseList<T>(
  params: URLSearchParams,
  key: string,
  schema: z.ZodMiniType<T>,
  order: readonly T[],
  /** Tokens another filter reads from the same key. */
  othersOf: (token: string) => boolean = () => false,
): { values: T[]; bad: boolean } {
  const list = tokens(params, key);
  if (list === null) return { values: [], bad: true };
  let bad = false;
  const seen = new Set<T>();
  for (const token of list.filter((t) => !othersOf(t))) {
    const parsed = schema.safeParse(token);
    if (parsed.success) seen.add(parsed.data);
    else bad = true;
  }
  return { values: order.filter((v) => seen.has(v)), bad };
}

/**
 * The period filter: `from` once, and at most one year among the `to` tokens. A garbled or
 * out-of-range year, two of either, or a start after the end drop the whole period (with the
 * notice): half a period would show something the link did not ask for.
 */
function parseYears(params: URLSearchParams): { years: YearRange; bad: boolean } {
  const froms = params.getAll(P.from).filter((v) => v !== '');
  const toYears = (tokens(params, P.to) ?? []).filter(looksLikeYear);
  if (froms.length === 0 && toYears.length === 0) return { years: NO_YEARS, bad: false };
  if (froms.length > 1 || toYears.length > 1) return { years: NO_YEARS, bad: true };
  const from = froms.length ? YearToken.safeParse(froms[0]) : null;
  const to = toYears.length ? YearToken.safeParse(toYears[0]) : null;
  if (from?.success === false || to?.success === false) return { years: NO_YEARS, bad: true };
  const years = { from: from?.data ?? null, to: to?.data ?? null };
  if (years.from !== null && years.to !== null && years.from > years.to) return { years: NO_YEARS, bad: true };
  return { years, bad: false };
}

function parseRoute(pathname: string): { route: string | null; bad: boolean } {
  const m = ROUTE_PATH.exec(pathname);
  if (!m) return { route: null, bad: false };
  let slug: string;
  try {
    slug = decodeURIComponent(m[1]);
  } catch {
    return { route: null, bad: true };
  }
  const parsed = Slug.safeParse(slug);
  return parsed.success ? { route: parsed.data, bad: false } : { route: null, bad: true };
}

/** Read a view from a URL. Never throws; what it could not use is listed in `notices`. */
export function parseViewState(url: URL): ParsedView {
  const keys: NoticeKey[] = [];
  const params = url.searchParams;

  // `/ko/routes/x` names the same route as `/routes/x`: the locale is not part of the view.
  const { route, bad: badRoute } = parseRoute(splitLocale(url.pathname).path);
  if (badRoute) keys.push('route');

  let stage: string | null = null;
  const rawStage = params.get(P.stage);
  if (rawStage !== null && rawStage !== '') {
    const parsed = Slug.safeParse(rawStage);
    if (!parsed.success) keys.push('stage');
    else if (route === null) keys.push('stageWithoutRoute');
    else stage = parsed.data;
  }

  const levels = parseList(params, P.level, LevelToken, RISK_LEVEL_VALUES);
  if (levels.bad) keys.push('level');
  const hazards = parseList(params, P.hazard, HazardToken, HAZARD_IDS);
  if (hazards.bad) keys.push('hazard');
  // Year tokens in `to` belong to the period, not to the destinations.
  const to = parseList(params, P.to, CountryToken, COUNTRY_CODES, looksLikeYear);
  if (to.bad) keys.push('to');
  const years = parseYears(params);
  if (years.bad) keys.push('period');

  let q = '';
  const rawQ = params.get(P.q);
  if (rawQ !== null) {
    const parsed = Query.safeParse(rawQ.trim());
    if (parsed.success) q = parsed.data;
    else keys.push('q');
  }

  const camera = parseCameraHash(url.hash);
  if (camera === null) keys.push('camera');
  if (params.get(ROUTE_REMOVED.key) === ROUTE_REMOVED.value) keys.push('routeRemoved');

  return {
    state: {
      route,
      stage,
      filters: { levels: levels.values, hazards: hazards.values, to: to.values, q, years: years.years },
      camera: camera ?? null,
    },
    notices: keys.map((key) => ({ key })),
  };
}

/** The query string of the filters alone (no `?`), defaults left out; '' when nothing is filtered. */
export function formatFilters(filters: Filters, stage: string | null = null): string {
  const params = new URLSearchParams();
  if (stage) params.set(P.stage, stage);
  if (filters.levels.length) params.set(P.level, RISK_LEVEL_VALUES.filter((l) => filters.levels.includes(l)).join(','));
  if (filters.hazards.length) params.set(P.hazard, HAZARD_IDS.filter((h) => filters.hazards.includes(h)).join(','));
  const years = filters.years ?? NO_YEARS;
  if (years.from !== null) params.set(P.from, String(years.from));
  const to = [...COUNTRY_CODES.filter((c) => filters.to.includes(c)), ...(years.to !== null ? [String(years.to)] : [])];
  if (to.length) params.set(P.to, to.join(','));
  const q = filters.q.trim();
  if (q) params.set(P.q, q);
  // A comma is legal in a query string; left escaped (%2C) it only makes shared links unreadable.
  return params.toString().replaceAll('%2C', ',');
}

/** The app-relative link for a view: path, then query, then camera. */
export function formatViewState(state: ViewState): string {
  const path = state.route ? `/routes/${encodeURIComponent(state.route)}` : '/';
  const query = formatFilters(state.filters, state.route ? state.stage : null);
  const hash = state.camera ? formatCameraHash(state.camera) : '';
  return `${path}${query ? `?${query}` : ''}${hash}`;
}

/** True when two filter sets select the same items. */
export function sameFilters(a: Filters, b: Filters): boolean {
  return formatFilters(a) === formatFilters(b);
}

export function hasFilters(f: Filters): boolean {
  return f.levels.length > 0 || f.hazards.length > 0 || f.to.length > 0 || f.q.trim() !== '' || !isOpenRange(f.years ?? NO_YEARS);
}
