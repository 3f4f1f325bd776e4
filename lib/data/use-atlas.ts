'use client';
// One SWR hook per API resource. Responses are parsed with the same zod schemas the route
// handlers validate against (lib/data/api-schema.ts), so a server/client mismatch surfaces as an
// error here rather than as a broken map. The schemas (and zod's full build with them) load with
// the first request, not with the page: the explorer's first render uses what the server
// rendered with, and evaluating zod then would slow the map's start (issue 15).
import useSWR, { preload, type SWRConfiguration } from 'swr';
import type { z } from 'zod';
import type { MapFeatureCollection } from './api-schema';
import { Slug } from '@/geo/slug';

type Schemas = typeof import('./api-schema');
let schemas: Promise<Schemas> | undefined;
const loadSchemas = () => (schemas ??= import('./api-schema'));

export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function fetchParsed<K extends 'MapFeatureCollection' | 'RouteDetail'>(url: string, name: K): Promise<z.infer<Schemas[K]>> {
  const [res, api] = await Promise.all([fetch(url, { headers: { accept: 'application/json' } }), loadSchemas()]);
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = api.ApiError.safeParse(body);
    throw new FetchError(res.status, error.success ? error.data.message : `${url} answered ${res.status}`);
  }
  return api[name].parse(body) as z.infer<Schemas[K]>;
}

// The atlas changes only when it is re-seeded: no refetch on focus or reconnect.
const STABLE: SWRConfiguration = { keepPreviousData: true, revalidateOnFocus: false, revalidateOnReconnect: false };

const MAP_COLLECTION = '/api/routes';
const fetchMapCollection = (url: string) => fetchParsed(url, 'MapFeatureCollection');

/**
 * Everything drawable: GET /api/routes, asked for only when `wanted`. The explorer's first
 * response carries what its list shows (lib/data/explorer-data.ts), and the map module reads the
 * map's data itself: the list asks for the whole collection only when it needs more.
 */
export function useMapCollection(wanted: boolean) {
  return useSWR(wanted ? MAP_COLLECTION : null, fetchMapCollection, STABLE);
}

/** The same collection as a promise (one request, shared with the hook): for the map's React host. */
export function loadMapCollection(): Promise<MapFeatureCollection> {
  return preload(MAP_COLLECTION, fetchMapCollection);
}

/** One item's page data: GET /api/routes/{slug}; no request while `slug` is null or no slug. */
export function useRouteDetail(slug: string | null) {
  const key = slug !== null && Slug.safeParse(slug).success ? `/api/routes/${slug}` : null;
  return useSWR(key, (url: string) => fetchParsed(url, 'RouteDetail'), STABLE);
}
