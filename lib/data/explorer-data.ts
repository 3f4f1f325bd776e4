// What the explorer's client state starts from (components/explorer-state.tsx), cut on the server
// (app/(explorer)/layout.tsx) to what the first response needs. Pure: the server and the client
// derive it from the same collection with the same rules.
//
// An atlas of up to LIST_PAGE items travels whole (its index: every item with the words search
// matches, no geometry), and the client filters it as the visitor types. A larger one (the
// synthetic atlases of issue 18 are 10x and 100x) would make the page carry megabytes it does not
// show: the first response then carries a window, the first LIST_PAGE items that the address's
// filters keep, with their count; the client asks /api/routes for the rest once the map has
// drawn (the map module has its own copy of the data for drawing).
import type { MapFeatureCollection, TimelineEntry } from './api-schema';
import { corridorGroups, filterChoices, filterGroups, type AtlasItem, type CorridorGroup } from './atlas-items';
import { yearOf } from '../time/period';
import { formatFilters, type Filters } from '../view/view-state';

/**
 * Items the list shows at first, and more with each "show more". Each item in the first response
 * costs the page's start: with 100, the 10x and 100x atlases' explorer took about 150 ms longer
 * to its map's first idle (CPU 1x) than with 50 (HTML 220 kB against 135 kB).
 */
export const LIST_PAGE = 50;

export type FilterChoices = ReturnType<typeof filterChoices>;

/** Everything the list and its filters need, for the whole atlas. */
export interface AtlasIndex {
  groups: CorridorGroup[];
  choices: FilterChoices;
  /** The period filter's choices: every year from the earliest date the data carries to the latest. */
  years: number[];
  timeline: TimelineEntry[];
}

/** The first items of a larger atlas that one address's filters keep. */
export interface ListWindow {
  /** The first LIST_PAGE items passing the filters, grouped as the list shows them. */
  groups: CorridorGroup[];
  /** The filters it was cut for (formatFilters): another filter needs the whole index. */
  query: string;
  /** How many items pass those filters, and how many the atlas holds. */
  matching: number;
  total: number;
  /** The item the address opens, wherever it falls in the list; null when it names none. */
  selected: AtlasItem | null;
  choices: FilterChoices;
  years: number[];
}

export type ExplorerStart = { index: AtlasIndex } | { window: ListWindow };

/** Every year from the earliest to the latest date given (item periods, event dates, the timeline). */
function spanOfYears(dates: (string | null | undefined)[]): number[] {
  const years = dates.map(yearOf).filter((y): y is number => y !== null);
  if (years.length === 0) return [];
  const first = Math.min(...years);
  return Array.from({ length: Math.max(...years) - first + 1 }, (_, i) => first + i);
}

/** One index per collection object: the server's data layer hands out one per data version. */
const indexes = new WeakMap<MapFeatureCollection, AtlasIndex>();

export function atlasIndex(collection: MapFeatureCollection): AtlasIndex {
  let index = indexes.get(collection);
  if (!index) indexes.set(collection, (index = buildIndex(collection)));
  return index;
}

function buildIndex(collection: MapFeatureCollection): AtlasIndex {
  const groups = corridorGroups(collection);
  const timeline = collection.timeline ?? [];
  return {
    groups,
    choices: filterChoices(groups),
    years: spanOfYears([
      ...groups.flatMap((g) => g.items.flatMap((i) => [i.period?.from, i.period?.to, i.date])),
      ...timeline.map((e) => e.date),
    ]),
    timeline,
  };
}

export function itemCount(groups: readonly CorridorGroup[]): number {
  return groups.reduce((n, g) => n + g.items.length, 0);
}

/** The first `limit` items of the groups, still grouped (a group cut short keeps its heading). */
export function firstItems(groups: readonly CorridorGroup[], limit: number): CorridorGroup[] {
  const out: CorridorGroup[] = [];
  let left = limit;
  for (const g of groups) {
    if (left <= 0) break;
    const items = g.items.slice(0, left);
    left -= items.length;
    out.push(items.length === g.items.length ? g : { ...g, items });
  }
  return out;
}

/** The item `route` names, wherever it falls in the list; null when it names none or an unknown one. */
export function itemOf(index: AtlasIndex, route: string | null): AtlasItem | null {
  return route === null ? null : (index.groups.flatMap((g) => g.items).find((i) => i.id === route) ?? null);
}

/** What the first response hands the client for an address showing `filters` and opening `route`. */
export function explorerStart(index: AtlasIndex, filters: Filters, route: string | null): ExplorerStart {
  const total = itemCount(index.groups);
  if (total <= LIST_PAGE) return { index };
  const shown = filterGroups(index.groups, filters);
  const selected = itemOf(index, route);
  return {
    window: {
      groups: firstItems(shown, LIST_PAGE),
      query: formatFilters(filters),
      matching: itemCount(shown),
      total,
      selected,
      choices: index.choices,
      years: index.years,
    },
  };
}
