// The API's period filter (GET /api/routes?from=2011&to=2015): the explorer's rule
// (lib/time/period.ts `inYears`), applied to the collection the API serves. Unlike a link, which
// falls back to showing everything, an API call with a bad period is refused with a 400 that
// says what a good one looks like.
import { z } from 'zod';
import type { MapFeatureCollection } from '../data/api-schema';
import { YEAR_LIMITS, inYears, isOpenRange, type YearRange } from './period';

const Year = z
  .string()
  .regex(/^\d{4}$/, 'must be a four-digit year such as 2011')
  .transform(Number)
  .pipe(
    z
      .number()
      .min(YEAR_LIMITS.min, `must be a year from ${YEAR_LIMITS.min}`)
      .max(YEAR_LIMITS.max, `must be a year up to ${YEAR_LIMITS.max}`),
  );

const PeriodQuery = z
  .object({ from: Year.optional(), to: Year.optional() })
  .refine((p) => p.from === undefined || p.to === undefined || p.from <= p.to, { message: 'must not be after `to`', path: ['from'] });

/** The period a query asks for, or the message of a 400 saying what is wrong with it. */
export function parsePeriodQuery(params: URLSearchParams): { ok: true; years: YearRange } | { ok: false; message: string } {
  for (const key of ['from', 'to'] as const) {
    if (params.getAll(key).length > 1) return { ok: false, message: `Give \`${key}\` once: a period has one start and one end.` };
  }
  const raw = { from: params.get('from') ?? undefined, to: params.get('to') ?? undefined };
  const parsed = PeriodQuery.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue.path[0] ?? 'from');
    return { ok: false, message: `Invalid period: \`${key}\` ${issue.message}. Example: ?from=2011&to=2015.` };
  }
  return { ok: true, years: { from: parsed.data.from ?? null, to: parsed.data.to ?? null } };
}

/** The collection with only the items inside the period (their stages with them), and their timeline marks. */
export function collectionInYears(collection: MapFeatureCollection, years: YearRange): MapFeatureCollection {
  if (isOpenRange(years)) return collection;
  const features = collection.features.filter((f) => {
    const p = f.properties;
    return inYears(years, p.reported_from && p.reported_to ? { from: p.reported_from, to: p.reported_to } : null, p.date ?? null);
  });
  const kept = new Set(features.map((f) => f.properties.item));
  const onMap = new Set(collection.features.map((f) => f.properties.item));
  const timeline = collection.timeline?.filter((e) => kept.has(e.item) || (!onMap.has(e.item) && inYears(years, null, e.date)));
  return { ...collection, features, ...(timeline ? { timeline } : {}) };
}
