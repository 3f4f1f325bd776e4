// The words client components show, in the page's locale, in the shape they read
// (`t.filters.heading`, `t.filters.count(12, 27)`). Built from the messages the server hands the
// page (lib/i18n/client.tsx): only the page's own locale, and only the parts of it client
// components use (CLIENT_NAMESPACES), travel to the browser. The rest of a message file (the
// reading pages' texts) stays on the server (lib/i18n/strings.ts). ICU messages (plurals,
// numbers) are formatted by next-intl's translator.
import { createTranslator } from 'next-intl';
import { LOCALE_TAGS, type Locale } from './locales';
import { monthYear, periodText, type Period } from '@/lib/time/period';
import { mapTextOf } from './map-text';
import type { Messages } from './messages';

/** The parts of a message file client components read. */
export const CLIENT_NAMESPACES = ['map', 'explorer', 'share', 'cards', 'time'] as const;
export type ClientMessages = Pick<Messages, (typeof CLIENT_NAMESPACES)[number]>;

/** The client's part of a message file. */
export function clientMessages(messages: Messages): ClientMessages {
  return Object.fromEntries(CLIENT_NAMESPACES.map((n) => [n, messages[n]])) as ClientMessages;
}

export function buildClientStrings(locale: Locale, m: ClientMessages) {
  const tr = createTranslator({ locale, messages: m });
  const e = m.explorer;
  const s = m.share;
  const c = m.cards;

  const explorer = {
    ...e,
    map: { ...m.map, ...mapTextOf(m.map) },
    panel: { ...e.panel, heading: e.explorerTitle },
    filters: {
      ...e.filters,
      /** "27 items" / "12 of 27 shown" */
      count: (shown: number, total: number) =>
        shown === total ? tr('explorer.filters.countAll', { total }) : tr('explorer.filters.countShown', { shown, total }),
    },
    /** Short meta line under each item: "Route · Extreme risk" (the phrase from geo/vocabulary.ts riskPhrase). */
    list: {
      ...e.list,
      meta: (kind: string, risk: string) => tr('explorer.list.meta', { kind, risk }),
      /** "Show 50 more items" */
      showMore: (count: number) => tr('explorer.list.showMore', { count }),
    },
    announce: { ...e.announce, selected: (name: string) => tr('explorer.announce.selected', { name }) },
  };

  const cards = {
    ...c,
    /** A route's share image, described: "Map of Tumen River (Rivers), drawn in the colour of its level (high), …". */
    routeImageAlt: (name: string, level: string) => tr('cards.routeImageAlt', { name, level }),
    shortLinkNotFound: { title: c.shortLinkNotFoundTitle, body: c.shortLinkNotFoundBody, action: c.shortLinkNotFoundAction },
    shortLinkUnavailable: { title: c.shortLinkUnavailableTitle, body: c.shortLinkUnavailableBody, action: c.shortLinkNotFoundAction },
  };

  const share = {
    toolbar: s.toolbar,
    embedPage: {
      ...s.embedPage,
      allRoutesTitle: c.allRoutesTitle,
      stage: (order: number, name: string) => tr('share.embedPage.stage', { order, name }),
      notFound: { title: s.embedPage.notFoundTitle, body: s.embedPage.notFoundBody, action: s.embedPage.notFoundAction },
      unavailable: { title: s.embedPage.unavailableTitle, body: s.embedPage.unavailableBody },
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

  const ti = m.time;
  /** "November 2020" ("2020년 11월"), or a year alone, as this locale writes it; null for no date. */
  const monthYearIn = (date: string | null | undefined) => monthYear(date, LOCALE_TAGS[locale].dates);
  const time = {
    ...ti,
    reported: {
      ...ti.reported,
      /** An item's period in one sentence: "Reported in sources dated October 2012 to November 2020. One of its sources is undated." */
      sentence: ({ period, undatedSources }: { period: Period | null; undatedSources: number }) => {
        if (!period) return ti.reported.undatedAll;
        const range = periodText(period, LOCALE_TAGS[locale].dates, (from, to) => tr('time.reported.range', { from, to }));
        const dated = tr('time.reported.sentence', { period: range });
        return undatedSources > 0 ? `${dated} ${tr('time.reported.alsoUndated', { count: undatedSources })}` : dated;
      },
    },
    timeline: {
      ...ti.timeline,
      /** An event dated by its source's date, not by a date of its own. */
      reportedOn: (when: string) => tr('time.timeline.reportedOn', { when }),
      button: (name: string, when: string) => tr('time.timeline.button', { name, when }),
    },
    handout: {
      ...ti.handout,
      builtOn: (date: string) => tr('time.handout.builtOn', { date }),
      mapAlt: (name: string) => tr('time.handout.mapAlt', { name }),
    },
    monthYear: monthYearIn,
  };

  /** Dates and numbers as the locale writes them. */
  const format = {
    number: (n: number) => new Intl.NumberFormat(locale).format(n),
  };

  /** The words of geo/vocabulary.ts that are not names: each entry's description in this locale. */
  const vocabulary = {
    description: (entry: { description: string; descriptionKo: string }) => (locale === 'ko' ? entry.descriptionKo : entry.description),
  };

  return { locale, explorer, share, cards, time, format, vocabulary };
}

export type ClientStrings = ReturnType<typeof buildClientStrings>;
