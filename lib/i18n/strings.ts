// Every word the atlas shows, in one locale, in the shape components read (`t.filters.heading`,
// `t.route.stagesIntro(3)`). The words are in messages/<locale>.json (ICU MessageFormat:
// plurals, numbers); next-intl's translator formats them. Pure and synchronous, so the same
// object serves server components, client components, the boot script's MapLibre strings and
// the still images.
import { createTranslator } from 'next-intl';
import { DEFAULT_LOCALE, type Locale } from './locales';
import { mapText } from './map-text';
import { MESSAGES } from './messages';

function build(locale: Locale) {
  const m = MESSAGES[locale];
  const tr = createTranslator({ locale, messages: m });
  const e = m.explorer;
  const p = m.pages;
  const s = m.share;
  const c = m.cards;

  const explorer = {
    ...e,
    map: { ...m.map, ...mapText(locale) },
    panel: { ...e.panel, heading: e.explorerTitle },
    filters: {
      ...e.filters,
      /** "27 items" / "12 of 27 shown" */
      count: (shown: number, total: number) =>
        shown === total ? tr('explorer.filters.countAll', { total }) : tr('explorer.filters.countShown', { shown, total }),
    },
    list: { ...e.list, meta: (kind: string, level: string) => tr('explorer.list.meta', { kind, level }) },
    announce: { ...e.announce, selected: (name: string) => tr('explorer.announce.selected', { name }) },
  };

  const pages = {
    ...p,
    citation: {
      ...p.citation,
      reported: (year: string) => tr('pages.citation.reported', { year }),
      by: (author: string) => tr('pages.citation.by', { author }),
    },
    kinds: e.kinds,
    route: {
      ...p.route,
      stagesIntro: (count: number) => tr('pages.route.stagesIntro', { count }),
      stageNumber: (order: number) => tr('pages.route.stageNumber', { order }),
      risk: (label: string) => tr('pages.route.risk', { label }),
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
      licence: [p.about.licence1, p.about.licence2, p.about.licence3],
      levelName: (label: string, level: number) => tr('pages.about.levelName', { label, level }),
    },
  };

  const cards = {
    ...c,
    shortLinkNotFound: { title: c.shortLinkNotFoundTitle, body: c.shortLinkNotFoundBody, action: c.shortLinkNotFoundAction },
  };

  const share = {
    toolbar: s.toolbar,
    embedPage: {
      ...s.embedPage,
      allRoutesTitle: c.allRoutesTitle,
      stage: (order: number, name: string) => tr('share.embedPage.stage', { order, name }),
      notFound: { title: s.embedPage.notFoundTitle, body: s.embedPage.notFoundBody, action: s.embedPage.notFoundAction },
    },
    embedDialog: {
      ...s.embedDialog,
      sizes: { small: s.embedDialog.sizeSmall, medium: s.embedDialog.sizeMedium, large: s.embedDialog.sizeLarge },
      languages: { en: s.embedDialog.languageEn, ko: s.embedDialog.languageKo } as Record<Locale, string>,
      previewFrame: (title: string) => tr('share.embedDialog.previewFrame', { title }),
      frameTitle: (title: string) => tr('share.embedDialog.frameTitle', { title }),
    },
    shareButton: { ...s.shareButton, shortFailed: (message: string) => tr('share.shareButton.shortFailed', { message }) },
    download: {
      ...s.download,
      /** The downloaded file's name, without extension: not translated, file names stay ASCII. */
      fileName: (slug: string | null) => (slug ? `escape-atlas-${slug}` : 'escape-atlas-routes'),
    },
  };

  /** Dates and numbers as the locale writes them. */
  const format = {
    number: (n: number) => new Intl.NumberFormat(locale).format(n),
    /** A partial date (2012, 2012-10, 2012-10-16) at the precision it has. */
    partialDate: (date: string) => {
      const [y, mo, d] = date.split('-').map(Number);
      const at = new Date(Date.UTC(y, (mo ?? 1) - 1, d ?? 1));
      const options: Intl.DateTimeFormatOptions =
        d !== undefined
          ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }
          : mo !== undefined
            ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
            : { year: 'numeric', timeZone: 'UTC' };
      return new Intl.DateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-GB', options).format(at);
    },
  };

  /** The words of geo/vocabulary.ts that are not names: each entry's description in this locale. */
  const vocabulary = {
    description: (entry: { description: string; descriptionKo: string }) => (locale === 'ko' ? entry.descriptionKo : entry.description),
  };

  return { locale, explorer, pages, share, cards, format, vocabulary };
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
