// Korean (and any later locale's) renderings of the atlas's own words: corridor descriptions,
// summaries, precision notes, risk reasons, annotation texts and date labels. They live beside
// the data (geo/i18n/<locale>.json), keyed by the ids of geo/features, and are laid over the
// English at render time, so the database, the API and the seed stay as they are. Quotations
// are never translated: they stay in the language of their source, letter for letter.
import { z } from 'zod';
import koFile from '@/geo/i18n/ko.json';
import type { RouteDetail } from '@/lib/data/api-schema';
import type { Locale } from './locales';

const Text = z.string().min(2).max(600);
export const ContentTranslations = z
  .object({
    version: z.literal(1),
    locale: z.string(),
    corridors: z.record(z.string(), Text),
    items: z.record(
      z.string(),
      z.object({ summary: Text, precisionNote: Text.optional(), reason: Text.optional(), when: Text.optional() }).strict(),
    ),
    /** By `<item id>/<stage id>`: stage ids repeat across routes. */
    stages: z.record(z.string(), Text),
    annotations: z.record(z.string(), Text),
    /** Our notes on the sources (geo/sources.json `note`), by source id. */
    sources: z.record(z.string(), Text),
  })
  .strict();
export type ContentTranslations = z.infer<typeof ContentTranslations>;

const CONTENT: Partial<Record<Locale, ContentTranslations>> = { ko: ContentTranslations.parse(koFile) };

/** The translations for `locale`, or null for English (the data's own language). */
export function contentFor(locale: Locale): ContentTranslations | null {
  return CONTENT[locale] ?? null;
}

/** A corridor's description in `locale` (English when there is no rendering). */
export function corridorDescription(id: string, english: string, locale: Locale): string {
  return contentFor(locale)?.corridors[id] ?? english;
}

/** A source's note in `locale` (English when there is no rendering). */
export function sourceNote(id: string, english: string, locale: Locale): string {
  return contentFor(locale)?.sources[id] ?? english;
}

/** One item's page in `locale`: our own words translated, names, quotes, sources and dates untouched. */
export function localizeDetail(detail: RouteDetail, locale: Locale): RouteDetail {
  const c = contentFor(locale);
  if (!c) return detail;
  const item = c.items[detail.id];
  return {
    ...detail,
    summary: item?.summary ?? detail.summary,
    precisionNote: detail.precisionNote === null ? null : (item?.precisionNote ?? detail.precisionNote),
    when: detail.when ? { ...detail.when, label: item?.when ?? detail.when.label } : null,
    stages: detail.stages.map((s) => ({
      ...s,
      // Crossings, events and zones have one block, "main": its reason is the item's own.
      reason: (detail.kind === 'route' ? c.stages[`${detail.id}/${s.id}`] : item?.reason) ?? s.reason,
      annotations: s.annotations.map((a) => ({ ...a, text: c.annotations[a.id] ?? a.text })),
    })),
  };
}
