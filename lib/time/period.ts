// Time in the atlas, stated once: the period an item's sources cover (derived from the dates of
// the sources its citations quote, never from a guess), how a date is written ("November 2020"),
// and the rule the period filter (`?from=2011&to=2015`, lib/view/view-state.ts) applies.
// Pure and zod-free: the list, the map module, the embeds and the server all use it.

/** A date as precise as its source gives it: `2012`, `2012-10` or `2012-10-16` (geo/schema.ts PartialDate). */
export type PartialDate = string;

/** The first and last date of the dated sources an item quotes; null when all of them are undated. */
export interface Period {
  from: PartialDate;
  to: PartialDate;
}

/** What the period filter keeps: items reported or happening in these years (inclusive); null: open. */
export interface YearRange {
  from: number | null;
  to: number | null;
}

/** Years a period filter may name: four digits, from the division of Korea to the end of the century. */
export const YEAR_LIMITS = { min: 1945, max: 2099 } as const;

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The year of a partial date, or null for anything that is not one. */
export function yearOf(date: string | null | undefined): number | null {
  const m = date ? DATE.exec(date) : null;
  return m ? Number(m[1]) : null;
}

/**
 * Order of partial dates by what they name first: `2012` < `2012-10` < `2012-10-16` within a year,
 * as a year starts no later than its months. (Plain string order already does this.)
 */
export function compareDates(a: PartialDate, b: PartialDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The period covered by these source dates (nulls are the undated sources, left out); null if none is dated. */
export function periodOf(dates: readonly (PartialDate | null)[]): Period | null {
  const dated = dates.filter((d): d is PartialDate => d !== null && DATE.test(d)).sort(compareDates);
  return dated.length ? { from: dated[0], to: dated[dated.length - 1] } : null;
}

/**
 * "November 2020", "2014" (a source dated by its year alone), or null for no date, as `locale`
 * (an Intl tag) writes them: "2020년 11월", "2014년" in Korean.
 */
export function monthYear(date: PartialDate | null | undefined, locale = 'en-GB'): string | null {
  const m = date ? DATE.exec(date) : null;
  if (!m) return null;
  const [, y, mo] = m;
  return new Intl.DateTimeFormat(locale, { ...(mo ? { month: 'long' } : {}), year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, 1)),
  );
}

/**
 * A date as precise as it is known, as `locale` (an Intl tag) writes it: "16 October 2012",
 * "July 2015", "2010" ("2012년 10월 16일" in Korean); null for anything that is not a date.
 * Written out, since "2012-10" reads as a range to some readers.
 */
export function dateText(date: PartialDate | null | undefined, locale = 'en-GB'): string | null {
  const m = date ? DATE.exec(date) : null;
  if (!m) return null;
  const [, y, mo, d] = m;
  if (!d) return monthYear(date, locale);
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))),
  );
}

/**
 * "October 2012 to November 2020", or one date when the period is a single one; `locale` (an Intl
 * tag) writes the dates and `range` joins two (the page's words: lib/i18n/client-strings.ts).
 */
export function periodText(period: Period, locale = 'en-GB', range = (from: string, to: string) => `${from} to ${to}`): string {
  const from = monthYear(period.from, locale)!;
  const to = monthYear(period.to, locale)!;
  return from === to ? from : range(from, to);
}

/** True when a year range names no bound. */
export const isOpenRange = (range: YearRange): boolean => range.from === null && range.to === null;

/**
 * Whether an item falls inside a year range: some year it spans (from the first to the last of
 * its sources' dates and the date of what it reports, when it has one) lies in the range. An
 * item with no date at all cannot be placed in time, so any bound leaves it out.
 */
export function inYears(range: YearRange, period: Period | null, date: PartialDate | null = null): boolean {
  if (isOpenRange(range)) return true;
  const years = [yearOf(period?.from), yearOf(period?.to), yearOf(date)].filter((y): y is number => y !== null);
  if (years.length === 0) return false;
  const first = Math.min(...years);
  const last = Math.max(...years);
  return (range.from === null || last >= range.from) && (range.to === null || first <= range.to);
}
