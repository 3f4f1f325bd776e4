// What the explorer's first response hands its client (lib/data/explorer-data.ts): the real atlas
// whole, a larger one (the synthetic 10x atlas) as a window of its list cut for the address.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAtlas } from '@/geo/load';
import type { MapFeatureCollection } from '@/lib/data/api-schema';
import { corridorGroups, filterGroups } from '@/lib/data/atlas-items';
import { LIST_PAGE, atlasIndex, explorerStart, firstItems, itemCount, type ListWindow } from '@/lib/data/explorer-data';
import { buildMapCollection } from '@/lib/data/queries';
import { EMPTY_FILTERS, formatFilters, type Filters } from '@/lib/view/view-state';
import { writeSyntheticAtlas } from '@/scripts/synthetic-atlas';

let real: MapFeatureCollection;
let large: MapFeatureCollection;

beforeAll(() => {
  const atlas = loadAtlas();
  real = buildMapCollection(atlas);
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-explorer-data-')), 'synthetic-10x');
  writeSyntheticAtlas({ scale: 10, out: dir }, atlas);
  large = buildMapCollection(loadAtlas(dir));
});

const ids = (groups: { items: { id: string }[] }[]) => groups.flatMap((g) => g.items.map((i) => i.id));

function windowOf(collection: MapFeatureCollection, filters: Filters, route: string | null = null): ListWindow {
  const start = explorerStart(atlasIndex(collection), filters, route);
  if (!('window' in start)) throw new Error('expected a window');
  return start.window;
}

describe('explorerStart', () => {
  it('hands over the real atlas whole: every item, the filter choices, the years and the timeline', () => {
    const start = explorerStart(atlasIndex(real), { ...EMPTY_FILTERS, q: 'tumen' }, null);
    expect('index' in start).toBe(true);
    if (!('index' in start)) return;
    expect(ids(start.index.groups)).toEqual(ids(corridorGroups(real)));
    expect(itemCount(start.index.groups)).toBeLessThanOrEqual(LIST_PAGE);
    expect(start.index.timeline).toEqual(real.timeline);
    expect(start.index.choices.hazards.length).toBeGreaterThan(0);
    // Consecutive years from the earliest date to the latest.
    const { years } = start.index;
    expect(years.length).toBeGreaterThan(1);
    expect(years.every((y, i) => i === 0 || y === years[i - 1] + 1)).toBe(true);
    // No geometry travels: an item carries its bounds only.
    expect(JSON.stringify(start)).not.toContain('coordinates');
  });

  it('cuts a larger atlas to the first page of what the filters keep, with its count', () => {
    const all = corridorGroups(large);
    expect(itemCount(all)).toBeGreaterThan(LIST_PAGE);
    const w = windowOf(large, EMPTY_FILTERS);
    expect(ids(w.groups)).toEqual(ids(all).slice(0, LIST_PAGE));
    expect(w).toMatchObject({ matching: itemCount(all), total: itemCount(all), query: '', selected: null });
    expect(w.years).toEqual(atlasIndex(large).years);

    const filters: Filters = { ...EMPTY_FILTERS, levels: [4], q: 'yalu' };
    const kept = ids(filterGroups(all, filters));
    const filtered = windowOf(large, filters);
    expect(ids(filtered.groups)).toEqual(kept.slice(0, LIST_PAGE));
    expect(filtered.matching).toBe(kept.length);
    expect(filtered.query).toBe(formatFilters(filters));
  });

  it('carries the item the address opens, even when it falls outside the window', () => {
    const last = ids(corridorGroups(large)).at(-1)!;
    const w = windowOf(large, EMPTY_FILTERS, last);
    expect(ids(w.groups)).not.toContain(last);
    expect(w.selected?.id).toBe(last);
    expect(windowOf(large, EMPTY_FILTERS, 'no-such-item').selected).toBeNull();
  });

  it('builds one index per collection object', () => {
    expect(atlasIndex(large)).toBe(atlasIndex(large));
    expect(atlasIndex(structuredClone(large))).not.toBe(atlasIndex(large));
  });
});

describe('firstItems', () => {
  it('keeps the first n items in their groups, and a group cut short keeps its heading', () => {
    const groups = corridorGroups(real);
    const n = groups[0].items.length + 1;
    const cut = firstItems(groups, n);
    expect(ids(cut)).toEqual(ids(groups).slice(0, n));
    expect(cut.map((g) => g.id)).toEqual(groups.slice(0, 2).map((g) => g.id));
    expect(cut[0]).toBe(groups[0]);
    expect(firstItems(groups, 0)).toEqual([]);
    expect(ids(firstItems(groups, 10_000))).toEqual(ids(groups));
  });
});
