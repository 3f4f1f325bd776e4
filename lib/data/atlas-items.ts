// From the drawable collection (GET /api/routes) to what the side panel lists: one entry per
// item (route, crossing, event, zone) grouped by corridor, with the filter rules and the
// bounds the map fits to. Pure: used by the list, the map and their tests alike.
import type { Geometry } from 'geojson';
import type { MapFeatureCollection, MapFeatureProps } from './api-schema';
import type { Filters } from '../view/view-state';
import { romanizeKorean } from './romanize';
import { bbox } from '@/geo/geometry';
import { inYears, type Period } from '../time/period';
import { COUNTRIES, HAZARDS, ITEM_KINDS, type CountryCode, type HazardId, type ItemKind, type RiskLevel } from '@/geo/vocabulary';

export type { ItemKind };

export interface AtlasItem {
  id: string;
  kind: ItemKind;
  name: { en: string; ko: string };
  corridor: string;
  level: RiskLevel;
  hazards: HazardId[];
  precision: MapFeatureProps['precision'];
  to: CountryCode | null;
  /** The first and last date of the dated sources it quotes; null when all are undated. */
  period: Period | null;
  /** The date of what it reports, when the data gives one. */
  date: string | null;
  /** [west, south, east, north] of all its features; null for an unplaced event (no point to fit). */
  bounds: [number, number, number, number] | null;
  /** Lower-cased names of the item, its stages and its corridor: what the search box matches. */
  haystack: string;
}

export interface CorridorGroup {
  id: string;
  name: { en: string; ko: string };
  items: AtlasItem[];
}

const isItemKind = (kind: string): kind is ItemKind => (ITEM_KINDS as readonly string[]).includes(kind);

/** Case- and accent-insensitive form for matching ("Tumen", "tümen", "TUMEN" alike). */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

/** Items in collection order, grouped by corridor in corridor order. */
export function corridorGroups(collection: MapFeatureCollection): CorridorGroup[] {
  const items = new Map<string, AtlasItem>();
  const extraNames = new Map<string, string[]>();
  for (const f of collection.features) {
    const p = f.properties;
    if (!isItemKind(p.kind)) {
      // A stage: its name helps find its route, its geometry is inside the route's.
      extraNames.set(p.item, [...(extraNames.get(p.item) ?? []), p.name_en, p.name_ko]);
    }
    let item = items.get(p.item);
    if (!item && isItemKind(p.kind)) {
      item = {
        id: p.item,
        kind: p.kind,
        name: { en: p.name_en, ko: p.name_ko },
        corridor: p.corridor,
        level: p.level,
        hazards: p.hazards ? (p.hazards.split(',').filter((h) => h in HAZARDS) as HazardId[]) : [],
        precision: p.precision,
        to: p.to ?? null,
        period: p.reported_from && p.reported_to ? { from: p.reported_from, to: p.reported_to } : null,
        date: p.date ?? null,
        bounds: null,
        haystack: '',
      };
      items.set(p.item, item);
    }
  }
  // Stages listed before their route (not the API's order, but possible) still count.
  const geometries = new Map<string, Geometry[]>();
  for (const f of collection.features) {
    const item = items.get(f.properties.item);
    if (!item) continue;
    // The API's geometry is one of Point, LineString or Polygon (api-schema.ts), with its coordinates,
    // or null for an unplaced event, which the list shows and the map does not.
    if (f.geometry) geometries.set(item.id, [...(geometries.get(item.id) ?? []), f.geometry as Geometry]);
  }
  for (const item of items.values()) {
    const own = geometries.get(item.id);
    item.bounds = own ? bbox(...own) : null;
  }
  const corridors = [...collection.corridors].sort((a, b) => a.order - b.order);
  const names = new Map(corridors.map((c) => [c.id, c.name]));
  for (const item of items.values()) {
    const corridor = names.get(item.corridor);
    const to = item.to ? [COUNTRIES[item.to].en, COUNTRIES[item.to].ko] : [];
    const words = [item.name.en, item.name.ko, ...(extraNames.get(item.id) ?? []), corridor?.en ?? '', corridor?.ko ?? '', ...to];
    // Korean names romanised too (두만강: "Dumangang"), so "Duman" finds what 두만 finds.
    const romanised = words.filter((w) => /[\uac00-\ud7a3]/.test(w)).map(romanizeKorean);
    item.haystack = fold([...words, ...romanised].join('\n'));
  }
  return corridors
    .map((c) => ({ id: c.id, name: c.name, items: [...items.values()].filter((i) => i.corridor === c.id) }))
    .filter((g) => g.items.length > 0);
}

/** Whether an item passes the filters: every kind of filter must pass; within one, any value. */
export function matches(item: AtlasItem, filters: Filters): boolean {
  if (filters.levels.length && !filters.levels.includes(item.level)) return false;
  if (filters.hazards.length && !filters.hazards.some((h) => item.hazards.includes(h))) return false;
  if (filters.to.length && (item.to === null || !filters.to.includes(item.to))) return false;
  if (filters.years && !inYears(filters.years, item.period, item.date)) return false;
  const words = fold(filters.q).split(/\s+/).filter(Boolean);
  return words.every((w) => item.haystack.includes(w));
}

/** The groups with only the items that pass; empty groups are left out. */
export function filterGroups(groups: CorridorGroup[], filters: Filters): CorridorGroup[] {
  return groups.map((g) => ({ ...g, items: g.items.filter((i) => matches(i, filters)) })).filter((g) => g.items.length > 0);
}

/** Hazards and destinations that occur in the data, in vocabulary order: the filter choices. */
export function filterChoices(groups: CorridorGroup[]): { hazards: HazardId[]; to: CountryCode[] } {
  const items = groups.flatMap((g) => g.items);
  const hazards = new Set(items.flatMap((i) => i.hazards));
  const to = new Set(items.flatMap((i) => (i.to ? [i.to] : [])));
  return {
    hazards: (Object.keys(HAZARDS) as HazardId[]).filter((h) => hazards.has(h)),
    to: (Object.keys(COUNTRIES) as CountryCode[]).filter((c) => to.has(c)),
  };
}
