// The explorer's link codec: every link opens something sensible, and what the explorer writes
// reads back as the same view.
import fc from 'fast-check';
import { stringsFor } from '@/lib/i18n/strings';
import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, HAZARD_IDS, RISK_LEVEL_VALUES } from '@/geo/vocabulary';
import {
  DEFAULT_VIEW,
  EMPTY_FILTERS,
  cameraPrecision,
  formatCameraHash,
  formatViewState,
  parseCameraHash,
  parseViewState,
  type ViewState,
} from '@/lib/view/view-state';

const at = (link: string) => parseViewState(new URL(link, 'http://atlas.test'));
const keysOf = (link: string) => at(link).notices.map((n) => n.key);

describe('parseViewState', () => {
  it('opens the plain explorer as the default view with no notice', () => {
    expect(at('/')).toEqual({ state: DEFAULT_VIEW, notices: [] });
  });

  it('reads the route from the path, filters from the query and the camera from the hash', () => {
    const { state, notices } = at('/routes/tumen-crossing-to-yanbian?stage=river&level=4,3&hazard=gunfire&to=KR&q=tumen#6.5/42.45/129.9');
    expect(notices).toEqual([]);
    expect(state).toEqual({
      route: 'tumen-crossing-to-yanbian',
      stage: 'river',
      filters: { levels: [3, 4], hazards: ['gunfire'], to: ['KR'], q: 'tumen', years: { from: null, to: null } },
      camera: { zoom: 6.5, lat: 42.45, lng: 129.9 },
    });
  });

  it('reads repeated keys as well as comma lists, and drops duplicates', () => {
    expect(at('/?level=2&level=4&level=2').state.filters.levels).toEqual([2, 4]);
    expect(at('/?hazard=mines,gunfire&hazard=mines').state.filters.hazards).toEqual(['gunfire', 'mines']);
  });

  it('accepts lower-case country codes', () => {
    expect(at('/?to=kr,th').state.filters.to).toEqual(['KR', 'TH']);
  });

  it('keeps the valid levels and drops the invalid ones with one notice', () => {
    const { state, notices } = at('/?level=0,3,five,9,4');
    expect(state.filters.levels).toEqual([3, 4]);
    // The words for each notice are in the message files, by key (messages/*.json explorer.notices).
    expect(notices).toEqual([{ key: 'level' }]);
  });

  it('drops an unknown hazard and an unknown country with a notice each', () => {
    const { state, notices } = at('/?hazard=gunfire,sharks&to=KR,XX');
    expect(state.filters.hazards).toEqual(['gunfire']);
    expect(state.filters.to).toEqual(['KR']);
    expect(notices.map((n) => n.key)).toEqual(['hazard', 'to']);
  });

  it('ignores empty parameters without a notice', () => {
    expect(at('/?level=&hazard=&to=&q=&stage=')).toEqual({ state: DEFAULT_VIEW, notices: [] });
  });

  it('trims the search text and refuses an overlong one or one with control characters', () => {
    expect(at('/?q=%20%20yalu%20').state.filters.q).toBe('yalu');
    expect(at(`/?q=${'a'.repeat(100)}`).state.filters.q).toHaveLength(100);
    const long = at(`/?q=${'a'.repeat(101)}`);
    expect(long.state.filters.q).toBe('');
    expect(long.notices.map((n) => n.key)).toEqual(['q']);
    expect(keysOf('/?q=a%00b')).toEqual(['q']);
  });

  it('refuses an overlong list outright', () => {
    const { state, notices } = at(`/?hazard=${'gunfire,'.repeat(60)}`);
    expect(state.filters.hazards).toEqual([]);
    expect(notices.map((n) => n.key)).toEqual(['hazard']);
  });

  it('drops an invalid route address with a notice and keeps the rest', () => {
    const { state, notices } = at('/routes/NOT_A_SLUG?level=4#5/40/127');
    expect(state.route).toBeNull();
    expect(state.filters.levels).toEqual([4]);
    expect(state.camera).toEqual({ zoom: 5, lat: 40, lng: 127 });
    expect(notices.map((n) => n.key)).toEqual(['route']);
    expect(keysOf('/routes/%E0%A4%A')).toEqual(['route']);
  });

  it('drops a stage that has no route, or is no slug', () => {
    expect(at('/?stage=river').state.stage).toBeNull();
    expect(keysOf('/?stage=river')).toEqual(['stageWithoutRoute']);
    expect(keysOf('/routes/tumen-crossing-to-yanbian?stage=Bad%20Stage')).toEqual(['stage']);
  });

  it('reports the removed-route marker of a short link', () => {
    expect(keysOf('/?notice=route-removed#5/40/127')).toEqual(['routeRemoved']);
    expect(keysOf('/?notice=something-else')).toEqual([]);
  });

  it('never throws, whatever the link', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (path, query, hash) => {
        const url = new URL('http://atlas.test/');
        url.pathname = path;
        url.search = query;
        url.hash = hash;
        const { state, notices } = parseViewState(url);
        expect(Array.isArray(notices)).toBe(true);
        expect(state.filters.q.length).toBeLessThanOrEqual(100);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the camera hash', () => {
  it('reads #zoom/lat/lng', () => {
    expect(parseCameraHash('#4/39.5/125.25')).toEqual({ zoom: 4, lat: 39.5, lng: 125.25 });
    expect(parseCameraHash('#0/-89.9/-180')).toEqual({ zoom: 0, lat: -89.9, lng: -180 });
  });

  it('accepts and ignores bearing and pitch', () => {
    expect(parseCameraHash('#4/39.5/125.25/10/30')).toEqual({ zoom: 4, lat: 39.5, lng: 125.25 });
  });

  it.each([
    ['#NaN/40/127', 'NaN'],
    ['#5/Infinity/127', 'Infinity'],
    ['#5/1e2/127', 'an exponent'],
    ['#0x5/40/127', 'hex'],
    ['#5//127', 'an empty part'],
    ['#5/40', 'too few parts'],
    ['#5/40/127/1', 'four parts'],
    ['#25/40/127', 'zoom above 24'],
    ['#-1/40/127', 'negative zoom'],
    ['#5/90.5/127', 'latitude beyond the pole'],
    ['#5/40/180.01', 'longitude beyond the antimeridian'],
    ['#5/40/127/x/y', 'bearing that is no number'],
    [`#5/40/${'1'.repeat(90)}`, 'an overlong hash'],
  ])('refuses %s (%s)', (hash) => {
    expect(parseCameraHash(hash)).toBeNull();
    expect(keysOf(`/?level=4${hash}`)).toEqual(['camera']);
    expect(at(`/?level=4${hash}`).state.filters.levels).toEqual([4]);
  });

  it('treats an in-page anchor as no camera, without a notice', () => {
    expect(parseCameraHash('#route-panel')).toBeUndefined();
    expect(at('/#route-panel')).toEqual({ state: DEFAULT_VIEW, notices: [] });
  });

  it('rounds lat/lng to a precision that grows with zoom', () => {
    expect(cameraPrecision(0)).toBe(1);
    expect(cameraPrecision(5)).toBe(2);
    expect(cameraPrecision(12)).toBe(5);
    expect(formatCameraHash({ zoom: 5.123456, lat: 40.123456, lng: 127.987654 })).toBe('#5.12/40.12/127.99');
    expect(formatCameraHash({ zoom: 12, lat: 40.123456, lng: 127.987654 })).toBe('#12/40.12346/127.98765');
    expect(formatCameraHash({ zoom: 3, lat: 40, lng: -0.001 })).toBe('#3/40/0');
  });
});

describe('formatViewState', () => {
  it('leaves defaults out', () => {
    expect(formatViewState(DEFAULT_VIEW)).toBe('/');
    expect(formatViewState({ ...DEFAULT_VIEW, route: 'dmz-zone' })).toBe('/routes/dmz-zone');
  });

  it('writes the query in a fixed order, lists comma-separated in vocabulary order', () => {
    const state: ViewState = {
      route: 'tumen-crossing-to-yanbian',
      stage: 'river',
      filters: { levels: [4, 2], hazards: ['mines', 'gunfire'], to: ['TH', 'KR'], q: 'the river', years: { from: null, to: null } },
      camera: { zoom: 6, lat: 42.4567, lng: 129.9 },
    };
    expect(formatViewState(state)).toBe(
      '/routes/tumen-crossing-to-yanbian?stage=river&level=2,4&hazard=gunfire,mines&to=KR,TH&q=the+river#6/42.457/129.9',
    );
  });

  it('drops a stage when no route is selected', () => {
    expect(formatViewState({ ...DEFAULT_VIEW, stage: 'river' })).toBe('/');
  });

  it('encodes search text that looks like URL syntax', () => {
    const link = formatViewState({ ...DEFAULT_VIEW, filters: { ...EMPTY_FILTERS, q: 'a&b=c#d/e?' } });
    expect(at(link).state.filters.q).toBe('a&b=c#d/e?');
  });

  it('round-trips every view it can write', () => {
    const slug = fc.stringMatching(/^[a-z0-9]{2,10}(-[a-z0-9]{1,8}){0,2}$/);
    const view = fc.record({
      route: fc.option(slug, { nil: null }),
      stage: fc.option(slug, { nil: null }),
      filters: fc.record({
        levels: fc.uniqueArray(fc.constantFrom(...RISK_LEVEL_VALUES)),
        hazards: fc.uniqueArray(fc.constantFrom(...HAZARD_IDS)),
        to: fc.uniqueArray(fc.constantFrom(...COUNTRY_CODES)),
        q: fc.string({ maxLength: 100 }).filter((s) => s === s.trim() && !/\p{Cc}/u.test(s)),
        years: fc
          .tuple(
            fc.option(fc.integer({ min: 1945, max: 2099 }), { nil: null }),
            fc.option(fc.integer({ min: 1945, max: 2099 }), { nil: null }),
          )
          .map(([a, b]) => (a !== null && b !== null && a > b ? { from: b, to: a } : { from: a, to: b })),
      }),
      camera: fc.option(
        fc.record({
          zoom: fc.double({ min: 0, max: 24, noNaN: true }),
          lat: fc.double({ min: -85, max: 85, noNaN: true }),
          lng: fc.double({ min: -180, max: 180, noNaN: true }),
        }),
        { nil: null },
      ),
    });
    fc.assert(
      fc.property(view, (v) => {
        const link = formatViewState(v);
        const { state, notices } = at(link);
        expect(notices).toEqual([]);
        // Parsing what was written and writing it again gives the same link: the canonical form.
        expect(formatViewState(state)).toBe(link);
        expect(state.route).toBe(v.route);
        expect(state.stage).toBe(v.route ? v.stage : null);
        expect([...state.filters.levels].sort()).toEqual([...v.filters.levels].sort());
        expect(new Set(state.filters.hazards)).toEqual(new Set(v.filters.hazards));
        expect(state.filters.q).toBe(v.filters.q);
        expect(state.filters.years).toEqual(v.filters.years);
        if (v.camera) {
          const tolerance = 10 ** -cameraPrecision(state.camera!.zoom);
          expect(Math.abs(state.camera!.zoom - v.camera.zoom)).toBeLessThanOrEqual(0.005 + 1e-9);
          expect(Math.abs(state.camera!.lat - v.camera.lat)).toBeLessThanOrEqual(tolerance);
          expect(Math.abs(state.camera!.lng - v.camera.lng)).toBeLessThanOrEqual(tolerance);
        } else expect(state.camera).toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});

describe('the period filter (issue 17)', () => {
  it('reads ?from=2011&to=2015 as a year range, beside destinations in the same `to`', () => {
    expect(at('/?from=2011&to=2015')).toEqual({
      state: { ...DEFAULT_VIEW, filters: { ...EMPTY_FILTERS, years: { from: 2011, to: 2015 } } },
      notices: [],
    });
    const both = at('/?to=KR,2015&from=2011');
    expect(both.notices).toEqual([]);
    expect(both.state.filters.to).toEqual(['KR']);
    expect(both.state.filters.years).toEqual({ from: 2011, to: 2015 });
    expect(at('/?to=2013').state.filters.years).toEqual({ from: null, to: 2013 });
    expect(at('/?to=KR&to=2013').state.filters).toMatchObject({ to: ['KR'], years: { from: null, to: 2013 } });
  });

  it('writes the period short and canonical: from, then the year after the destinations', () => {
    const years = (from: number | null, to: number | null) => ({ ...EMPTY_FILTERS, years: { from, to } });
    expect(formatViewState({ ...DEFAULT_VIEW, filters: years(2011, 2015) })).toBe('/?from=2011&to=2015');
    expect(formatViewState({ ...DEFAULT_VIEW, filters: { ...years(null, 2015), to: ['KR'] } })).toBe('/?to=KR,2015');
    expect(formatViewState({ ...DEFAULT_VIEW, filters: years(2017, null) })).toBe('/?from=2017');
  });

  it.each([
    ['/?from=20x1&to=2015', 'garbled start'],
    ['/?from=2011&to=15', 'two-digit year'],
    ['/?from=1200', 'before the limits'],
    ['/?to=3000', 'after the limits'],
    ['/?from=2016&to=2012', 'start after end'],
    ['/?from=2011&from=2012', 'two starts'],
    ['/?to=2012,2013', 'two ends'],
    ['/?from=2011.5', 'not a whole year'],
  ])('drops the whole period with its notice for a %s (%s), keeping the other filters', (link) => {
    const { state, notices } = at(`${link}&level=4`);
    expect(state.filters.years).toEqual({ from: null, to: null });
    expect(state.filters.levels).toEqual([4]);
    expect(notices.map((n) => n.key)).toEqual(['period']);
    expect(stringsFor('en').explorer.notices[notices[0].key]).toMatch(/period/);
    expect(stringsFor('ko').explorer.notices[notices[0].key]).toMatch(/기간/);
  });

  it('does not take a country for a year or a year for a country', () => {
    const { state, notices } = at('/?to=kr,2014,XX');
    expect(state.filters.to).toEqual(['KR']);
    expect(state.filters.years.to).toBe(2014);
    expect(notices.map((n) => n.key)).toEqual(['to']);
  });
});
