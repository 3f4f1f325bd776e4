// Every word the atlas shows, in one locale, in the shape components read (`t.filters.heading`,
// `t.route.stagesIntro(3)`). The words are in messages/<locale>.json (ICU MessageFormat:
// plurals, numbers); next-intl's translator formats them. Pure and synchronous, for server
// components, metadata, the embeds and the still images. It holds every locale's messages, so
// client components never import it: they read `useStrings()` (lib/i18n/client.tsx), built from
// their page's locale alone (lib/i18n/client-strings.ts).
import { createTranslator } from 'next-intl';
import { HAZARDS, type HazardId } from '@/geo/vocabulary';
import { buildClientStrings, clientMessages } from './client-strings';
import { DEFAULT_LOCALE, type Locale } from './locales';
import { mapTextOf, type MapText } from './map-text';
import { MESSAGES } from './messages';

function build(locale: Locale) {
  const m = MESSAGES[locale];
  const tr = createTranslator({ locale, messages: m });
  const client = buildClientStrings(locale, clientMessages(m));
  const e = m.explorer;
  const p = m.pages;

  const pages = {
    ...p,
    citation: {
      ...p.citation,
      /** After a claim: when its source published it ("October 2012", or a year alone). */
      reported: (when: string) => tr('pages.citation.reported', { when }),
      by: (author: string) => tr('pages.citation.by', { author }),
    },
    kinds: e.kinds,
    route: {
      ...p.route,
      stagesIntro: (count: number) => tr('pages.route.stagesIntro', { count }),
      stageNumber: (order: number) => tr('pages.route.stageNumber', { order }),
      riskOf: (level: number) => tr('pages.route.riskOf', { level }),
    },
    sources: {
      ...p.sources,
      archiveHeading: (title: string) => tr('pages.sources.archiveHeading', { title }),
      passages: (count: number) => tr('pages.sources.passages', { count }),
    },
    about: {
      ...p.about,
      safety: [p.about.safety1, p.about.safety2],
      method: [p.about.method1, p.about.method2, p.about.method3],
      reading: [p.about.reading1, p.about.reading2, p.about.reading3, p.about.reading4],
      licence: [p.about.licence1, p.about.licence2, p.about.licence3],
      levelName: (label: string, level: number) => tr('pages.about.levelName', { label, level }),
    },
  };

  const to = m.tour;
  /** The guided tours' words (pages/tour/, lib/tour/): rendered on the server, and handed to the tour's script in its config. */
  const tour = {
    ...to,
    stageOf: (order: number, count: number) => tr('tour.stageOf', { order, count }),
    riskOf: (i: number, count: number, stage: string) => tr('tour.riskOf', { i, count, stage }),
    hazardTitle: (ids: readonly HazardId[]) => ids.map((h) => HAZARDS[h][locale]).join(' · '),
    counter: (n: number, count: number) => tr('tour.counter', { n, count }),
    /** What a screen reader hears when a step is shown. */
    announce: (n: number, count: number, title: string, text: string) => tr('tour.announce', { n, count, title, text }),
    riskLine: (level: string) => tr('tour.riskLine', { level }),
    quoting: (name: string) => tr('tour.quoting', { name }),
    pageTitle: (title: string) => tr('tour.pageTitle', { title }),
    index: { ...to.index, steps: (count: number) => tr('tour.index.steps', { count }) },
    errors: { ...to.errors, badStep: (count: number) => tr('tour.errors.badStep', { count }) },
  };

  return { ...client, pages, tour };
}

export type Strings = ReturnType<typeof build>;

const cache = new Map<Locale, Strings>();

/** The words of one locale; built once per locale and process. */
export function stringsFor(locale: Locale = DEFAULT_LOCALE): Strings {
  let strings = cache.get(locale);
  if (!strings) {
    strings = build(locale);
    cache.set(locale, strings);
  }
  return strings;
}

/** The map's words in `locale`, for the map's config (lib/map/settings.ts AtlasMapSettings.text). */
export function mapText(locale: Locale = DEFAULT_LOCALE): MapText {
  return mapTextOf(MESSAGES[locale].map);
}
