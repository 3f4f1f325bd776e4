// What the atlas says about time, derived from geo/ as it is: each item's period (the dates of
// the sources its citations quote) and the timeline of dated events. Nothing here is data of its
// own: an event is placed by the date it carries (`when`), else by the first date it was reported.
import type { Atlas } from '@/geo/atlas';
import type { AtlasFeature } from '@/geo/schema';
import { compareDates, periodOf, type PartialDate, type Period } from './period';

export interface ItemTime {
  period: Period | null;
  /** How many of the distinct sources it quotes are undated. */
  undatedSources: number;
}

/** The distinct sources an item's citations quote, in the order they are first quoted. */
export function sourcesQuoted(feature: AtlasFeature): string[] {
  const p = feature.properties;
  const annotations = p.kind === 'route' ? p.stages.flatMap((s) => s.annotations) : p.annotations;
  return [...new Set(annotations.flatMap((a) => a.citations.map((c) => c.source)))];
}

/** Each item's period and undated sources, by item id. */
export function itemTimes(atlas: Pick<Atlas, 'sources' | 'features'>): Map<string, ItemTime> {
  const dates = new Map(atlas.sources.map((s) => [s.id, s.date]));
  return new Map(
    atlas.features.map((f) => {
      const quoted = sourcesQuoted(f).map((id) => dates.get(id) ?? null);
      return [f.properties.id, { period: periodOf(quoted), undatedSources: quoted.filter((d) => d === null).length }];
    }),
  );
}

/** One mark on the timeline strip. */
export interface TimelineEntry {
  item: string;
  kind: AtlasFeature['properties']['kind'];
  name: { en: string; ko: string };
  /** Where the strip places it: the event's own date, else its first source's. null: undated. */
  date: PartialDate | null;
  /** 'event': the date the data gives the event; 'reported': its first source's date, stated as such. */
  dated: 'event' | 'reported' | null;
  /** The event's own date as the data words it ("late June 2015"). */
  label: string | null;
}

/**
 * The dated events of the atlas, oldest first: every event (whether or not it has a place on the
 * map) and every route that carries a date of its own. Events no source dates come last.
 */
export function buildTimeline(atlas: Pick<Atlas, 'sources' | 'features'>): TimelineEntry[] {
  const times = itemTimes(atlas);
  const entries: TimelineEntry[] = [];
  for (const f of atlas.features) {
    const p = f.properties;
    const when = p.kind === 'event' || p.kind === 'route' ? p.when : undefined;
    if (p.kind !== 'event' && !when) continue;
    const reported = times.get(p.id)?.period?.from ?? null;
    entries.push({
      item: p.id,
      kind: p.kind,
      name: p.name,
      date: when?.date ?? reported,
      dated: when ? 'event' : reported ? 'reported' : null,
      label: when?.label ?? null,
    });
  }
  // Stable: equal dates keep the atlas's story order.
  return entries.sort((a, b) => (a.date === null ? (b.date === null ? 0 : 1) : b.date === null ? -1 : compareDates(a.date, b.date)));
}
