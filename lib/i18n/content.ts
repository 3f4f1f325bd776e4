// Korean (and any later locale's) renderings of the atlas's own words: corridor descriptions,
// summaries, precision notes, risk reasons, annotation texts and date labels. They live beside
// the data (geo/i18n/<locale>.json), keyed by the ids of geo/features, and are laid over the
// English at render time, so the database, the API and the seed stay as they are. Quotations
// are never translated: they stay in the language of their source, letter for letter.
//
// Each rendering records the English it was made from (`en`). One whose English has changed
// since is not shown: the page falls back to the current English, so a correction to the English
// (a claim taken out, say) is never contradicted by a stale translation. The names and the
// vocabulary's words are rendered beside their English in geo/ itself (`name.ko`, `ko`,
// `descriptionKo`); `inPlace` records the English each of those was made from.
// tests/unit/i18n-messages.test.ts lists every rendering whose English has changed or is missing.
import { z } from 'zod';
import koFile from '@/geo/i18n/ko.json';
import type { RouteDetail } from '@/lib/data/api-schema';
import type { Locale } from './locales';

/** A rendering and the English it renders. */
const Rendered = z.object({ en: z.string().min(2).max(600), text: z.string().min(2).max(600) }).strict();
export type Rendered = z.infer<typeof Rendered>;

export const ContentTranslations = z
  .object({
    version: z.literal(2),
    locale: z.string(),
    corridors: z.record(z.string(), Rendered),
    items: z.record(
      z.string(),
      z.object({ summary: Rendered, precisionNote: Rendered.optional(), reason: Rendered.optional(), when: Rendered.optional() }).strict(),
    ),
    /** By `<item id>/<stage id>`: stage ids repeat across routes. */
    stages: z.record(z.string(), Rendered),
    annotations: z.record(z.string(), Rendered),
    /** Our notes on the sources (geo/sources.json `note`), by source id. */
    sources: z.record(z.string(), Rendered),
    /**
     * The English of the renderings kept in geo/ beside it, by `corridor:<id>`, `item:<id>`,
     * `stage:<item>/<stage>`, `place:<id>` (names), `country:<code>`, `hazard:<id>`, `risk:<level>`,
     * `precision:<id>` and their `…-description:` entries (geo/vocabulary.ts).
     */
    inPlace: z.record(z.string(), z.string().min(1).max(600)),
  })
  .strict();
export type ContentTranslations = z.infer<typeof ContentTranslations>;

const CONTENT: Partial<Record<Locale, ContentTranslations>> = { ko: ContentTranslations.parse(koFile) };

/** The translations for `locale`, or null for English (the data's own language). */
export function contentFor(locale: Locale): ContentTranslations | null {
  return CONTENT[locale] ?? null;
}

/** The rendering of `english`, when it was made from that very English; otherwise the English. */
export function rendered(entry: Rendered | undefined, english: string): string {
  return entry && entry.en === english ? entry.text : english;
}

/** A corridor's description in `locale` (English when there is no current rendering). */
export function corridorDescription(id: string, english: string, locale: Locale): string {
  return rendered(contentFor(locale)?.corridors[id], english);
}

/** A source's note in `locale` (English when there is no current rendering). */
export function sourceNote(id: string, english: string, locale: Locale): string {
  return rendered(contentFor(locale)?.sources[id], english);
}

/**
 * The timeline's date labels in `locale`, by item id: only those with a current rendering (the
 * strip shows the API's English label for the rest, as the item's page does).
 */
export function timelineLabels(entries: readonly { item: string; label: string | null }[], locale: Locale): Record<string, string> {
  const c = contentFor(locale);
  if (!c) return {};
  return Object.fromEntries(
    entries.flatMap((e) => {
      const entry = c.items[e.item]?.when;
      return e.label !== null && entry && entry.en === e.label ? [[e.item, entry.text]] : [];
    }),
  );
}

/** One item's page in `locale`: our own words translated, names, quotes, sources and dates untouched. */
export function localizeDetail(detail: RouteDetail, locale: Locale): RouteDetail {
  const c = contentFor(locale);
  if (!c) return detail;
  const item = c.items[detail.id];
  return {
    ...detail,
    summary: rendered(item?.summary, detail.summary),
    precisionNote: detail.precisionNote === null ? null : rendered(item?.precisionNote, detail.precisionNote),
    when: detail.when ? { ...detail.when, label: rendered(item?.when, detail.when.label) } : null,
    stages: detail.stages.map((s) => ({
      ...s,
      // Crossings, events and zones have one block, "main": its reason is the item's own.
      reason: rendered(detail.kind === 'route' ? c.stages[`${detail.id}/${s.id}`] : item?.reason, s.reason),
      annotations: s.annotations.map((a) => ({ ...a, text: rendered(c.annotations[a.id], a.text) })),
    })),
  };
}
