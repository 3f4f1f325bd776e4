// Issue 17, Time: the period an item's sources cover, the dates written on claims, the timeline
// of dated events, and the period filter as the list, the map and the API apply it.
import { describe, expect, it } from 'vitest';
import { loadAtlas } from '@/geo/load';
import { EventFeature, RouteFeature, type AtlasFeature, type Source } from '@/geo/schema';
import { buildMapCollection } from '@/lib/data/queries';
import { corridorGroups, filterGroups } from '@/lib/data/atlas-items';
import { reportedLabel } from '@/lib/data/citation-links';
import { stringsFor } from '@/lib/i18n/strings';
import { buildTimeline, itemTimes } from '@/lib/time/atlas-time';
import { inYears, monthYear, periodOf, periodText } from '@/lib/time/period';
import { collectionInYears, parsePeriodQuery } from '@/lib/time/period-query';
import { EMPTY_FILTERS } from '@/lib/view/view-state';

const source = (id: string, date: string | null): Source => ({
  id,
  title: `Title ${id}`,
  publisher: null,
  author: null,
  date,
  url: null,
  document: '000_0dd892f28150f978.txt',
});

const risk = (sources: string[]) => ({
  level: 2,
  reason: 'A reason of some length.',
  reasonRests: ['an'],
  hazards: [],
  annotations: [
    {
      id: 'an',
      text: 'An annotation text.',
      finding: 'harm',
      hazards: [],
      citations: sources.map((s) => ({ source: s, quote: 'a quoted passage' })),
    },
  ],
});

const event = (id: string, sources: string[], when?: string): AtlasFeature =>
  EventFeature.parse({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [127, 38] },
    properties: {
      id,
      kind: 'event',
      name: { en: id, ko: id },
      corridor: 'c1',
      precision: 'approximate',
      summary: 'A summary of the event.',
      summaryRests: ['an'],
      country: 'KR',
      ...(when ? { when: { date: when, label: `label ${when}`, quote: 'a quoted passage' } } : {}),
      ...risk(sources),
    },
  });

const route = (id: string, stages: string[][]): AtlasFeature =>
  RouteFeature.parse({
    type: 'Feature',
    geometry: {
      type: 'LineString',
      coordinates: stages.flatMap((_, i) => [
        [126 + i, 38],
        [126.5 + i, 38.5],
      ]),
    },
    properties: {
      id,
      kind: 'route',
      name: { en: id, ko: id },
      corridor: 'c1',
      precision: 'approximate',
      summary: 'A summary of the route.',
      summaryRests: ['an'],
      from: 'KP',
      to: 'CN',
      stages: stages.map((s, i) => ({ id: `s${i}`, name: { en: 's', ko: 's' }, vertices: [2 * i, 2 * i + 1], ...risk(s) })),
    },
  });

const sources = [source('old', '2009'), source('mid', '2013-09-16'), source('late', '2020-11'), source('nodate', null)];

describe('periods from source dates', () => {
  it('spans the first to the last dated source and leaves undated ones out', () => {
    expect(periodOf(['2020-11-24', null, '2012-10', '2012'])).toEqual({ from: '2012', to: '2020-11-24' });
    expect(periodOf([null, null])).toBeNull();
    expect(periodOf([])).toBeNull();
  });

  it('derives each item’s period from every citation of every stage, counting undated sources', () => {
    const times = itemTimes({
      sources,
      features: [route('rr', [['mid', 'nodate'], ['late']]), event('ee', ['nodate']), event('ff', ['old', 'old'])],
    });
    expect(times.get('rr')).toEqual({ period: { from: '2013-09-16', to: '2020-11' }, undatedSources: 1 });
    // An item resting only on undated sources has no period: it is never given a guessed year.
    expect(times.get('ee')).toEqual({ period: null, undatedSources: 1 });
    expect(times.get('ff')).toEqual({ period: { from: '2009', to: '2009' }, undatedSources: 0 });
  });

  it('writes dates as month and year, a year alone when that is all the source gives', () => {
    expect(monthYear('2020-11-24')).toBe('November 2020');
    expect(monthYear('2011-02')).toBe('February 2011');
    expect(monthYear('2014')).toBe('2014');
    expect(monthYear(null)).toBeNull();
    expect(monthYear('soon')).toBeNull();
    expect(periodText({ from: '2012-10-16', to: '2020-11-24' })).toBe('October 2012 to November 2020');
    expect(periodText({ from: '2015-07', to: '2015-07' })).toBe('July 2015');
  });

  it('states an item’s period in the page’s language (issue 16)', () => {
    const item = { period: { from: '2012-10-16', to: '2020-11-24' }, undatedSources: 2 };
    expect(stringsFor('en').time.reported.sentence(item)).toBe(
      'Reported in sources dated October 2012 to November 2020. 2 of its sources are undated.',
    );
    expect(stringsFor('en').time.reported.sentence({ ...item, undatedSources: 1 })).toBe(
      'Reported in sources dated October 2012 to November 2020. One of its sources is undated.',
    );
    expect(stringsFor('ko').time.reported.sentence(item)).toBe('출처 날짜: 2012년 10월~2020년 11월. 출처 중 2개는 날짜가 없습니다.');
    expect(stringsFor('ko').time.reported.sentence({ period: null, undatedSources: 3 })).toBe('출처에 날짜가 없습니다.');
    expect(stringsFor('ko').time.monthYear('2014')).toBe('2014년');
    expect(stringsFor('ko').time.timeline.reportedOn(stringsFor('ko').time.monthYear('2011-02')!)).toBe('2011년 2월 보도');
  });

  it('says "as reported in <month year>" on a claim, and "undated source" without a date', () => {
    expect(reportedLabel('2012-10-16')).toBe('as reported in October 2012');
    expect(reportedLabel('2011-02')).toBe('as reported in February 2011');
    expect(reportedLabel('2010')).toBe('as reported in 2010');
    expect(reportedLabel(null)).toBe('undated source');
  });
});

describe('the year range rule', () => {
  const p = { from: '2012-10-16', to: '2020-11-24' };
  it('keeps an item when any year it spans is in the range, bounds inclusive', () => {
    expect(inYears({ from: 2011, to: 2015 }, p)).toBe(true);
    expect(inYears({ from: 2020, to: null }, p)).toBe(true);
    expect(inYears({ from: null, to: 2012 }, p)).toBe(true);
    expect(inYears({ from: 2021, to: null }, p)).toBe(false);
    expect(inYears({ from: null, to: 2011 }, p)).toBe(false);
    // The date of what it reports widens the span: a 2009 boat reported in 2011.
    expect(inYears({ from: 2009, to: 2009 }, { from: '2011-02', to: '2011-02' }, '2009-10')).toBe(true);
  });

  it('leaves out undated items once a bound is set, and keeps everything with no bound', () => {
    expect(inYears({ from: 2000, to: null }, null)).toBe(false);
    expect(inYears({ from: null, to: null }, null)).toBe(true);
  });
});

describe('the timeline', () => {
  it('lists every event, oldest first, by its own date or else its first source’s, undated last', () => {
    const features = [
      event('bb', ['late']),
      event('uu', ['nodate']),
      event('aa', ['late'], '2009-10'),
      event('cc', ['mid', 'late']),
      route('rr', [['mid']]),
    ];
    const timeline = buildTimeline({ sources, features });
    expect(timeline.map((e) => [e.item, e.date, e.dated])).toEqual([
      ['aa', '2009-10', 'event'],
      ['cc', '2013-09-16', 'reported'],
      ['bb', '2020-11', 'reported'],
      ['uu', null, null],
    ]);
  });

  it('covers the real atlas: every event and every dated route, each placed by data it has', () => {
    const atlas = loadAtlas();
    const timeline = buildTimeline(atlas);
    const times = itemTimes(atlas);
    const expected = atlas.features.filter((f) => f.properties.kind === 'event' || (f.properties.kind === 'route' && f.properties.when));
    expect(timeline.map((e) => e.item).sort()).toEqual(expected.map((f) => f.properties.id).sort());
    for (const e of timeline) {
      const f = atlas.features.find((x) => x.properties.id === e.item)!;
      const when = 'when' in f.properties ? f.properties.when : undefined;
      expect(e.date, e.item).toBe(when?.date ?? times.get(e.item)!.period?.from ?? null);
    }
    const dates = timeline.map((e) => e.date).filter((d) => d !== null);
    expect(dates).toEqual([...dates].sort());
  });
});

describe('the period filter over the atlas', () => {
  const atlas = loadAtlas();
  const collection = buildMapCollection(atlas);
  const times = itemTimes(atlas);
  const groups = corridorGroups(collection);

  it('carries each item’s period on its features, for the list, the map and the embeds', () => {
    for (const item of groups.flatMap((g) => g.items)) expect(item.period, item.id).toEqual(times.get(item.id)!.period);
  });

  it('keeps in the list exactly the items in the years, and the API the same ones', () => {
    const years = { from: 2011, to: 2015 };
    const kept = filterGroups(groups, { ...EMPTY_FILTERS, years }).flatMap((g) => g.items.map((i) => i.id));
    const all = groups.flatMap((g) => g.items);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(all.length);
    for (const item of all) expect(kept.includes(item.id), item.id).toBe(inYears(years, item.period, item.date));
    const api = collectionInYears(collection, years);
    expect([...new Set(api.features.map((f) => f.properties.item))].sort()).toEqual([...kept].sort());
    expect(api.timeline!.every((e) => kept.includes(e.item))).toBe(true);
  });
});

describe('the API’s period query', () => {
  const q = (s: string) => parsePeriodQuery(new URLSearchParams(s));
  it('accepts years, either bound alone', () => {
    expect(q('from=2011&to=2015')).toEqual({ ok: true, years: { from: 2011, to: 2015 } });
    expect(q('to=2015')).toEqual({ ok: true, years: { from: null, to: 2015 } });
  });
  it.each([
    ['from=20x1', /`from` must be a four-digit year/],
    ['to=15', /`to` must be a four-digit year/],
    ['from=1900', /`from` must be a year from 1945/],
    ['from=2016&to=2012', /`from` must not be after `to`/],
    ['to=2012&to=2013', /Give `to` once/],
    ['to=KR', /`to` must be a four-digit year/],
  ])('refuses %s with a message saying what is wrong', (query, message) => {
    const r = q(query);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});
