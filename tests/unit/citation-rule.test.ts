// Issue #20: every sentence names the citations it rests on, a risk level rests on a quote that
// states a harm or its absence (never on silence), and an event its source does not place has no
// point. These tests break the shipped data one rule at a time and expect checkAtlas to object.
import { describe, expect, it } from 'vitest';
import { assembleAtlas, checkAtlas, checkLevel, checkPlacement } from '@/geo/atlas';
import { loadAtlas } from '@/geo/load';
import { EventFeature, type AtlasFeature, type CorridorFile, type EventFeature as EventFeatureT, type RouteFeature } from '@/geo/schema';
import { riskPhrase, RISK_LEVELS } from '@/geo/vocabulary';

const good = loadAtlas();
const clone = <T>(v: T): T => structuredClone(v);
const rebuild = (features: AtlasFeature[], corridors = good.corridors) =>
  assembleAtlas(
    good.sources,
    corridors.map((corridor) => ({
      type: 'FeatureCollection',
      version: 1,
      corridor,
      features: features.filter((f) => f.properties.corridor === corridor.id) as CorridorFile['features'],
    })),
    good.places,
  );
const problemsWith = (edit: (features: AtlasFeature[]) => void) => {
  const features = clone(good.features);
  edit(features);
  return checkAtlas(rebuild(features)).join('\n');
};
const byId = (features: AtlasFeature[], id: string) => features.find((f) => f.properties.id === id)!;
const blocksOf = (f: AtlasFeature) => (f.properties.kind === 'route' ? f.properties.stages : [f.properties]);

describe('the shipped data keeps the rule', () => {
  it('rests every level 2–4 on a harm and every level 1 on a stated absence of harm', () => {
    for (const f of good.features)
      for (const b of blocksOf(f)) {
        const cited = b.annotations.filter((a) => b.reasonRests.includes(a.id)).map((a) => a.finding);
        expect(cited, `${f.properties.id}: level ${b.level}`).toContain(b.level === 1 ? 'no-harm' : 'harm');
      }
  });

  it('lists events without a place, with no point, and draws every other item', () => {
    const unplaced = good.features.filter((f) => f.properties.precision === 'unplaced');
    expect(unplaced.map((f) => f.properties.id)).toEqual(
      expect.arrayContaining(['yellow-sea-boat-2009', 'officials-defect-southeast-asia-2015', 'military-translator-defects-in-russia']),
    );
    for (const f of unplaced) expect(f.geometry, f.properties.id).toBeNull();
    for (const f of good.features.filter((x) => x.properties.precision !== 'unplaced')) expect(f.geometry, f.properties.id).not.toBeNull();
  });

  it('gives the figures the documents give, each inside its own quote', () => {
    const figures = good.features.flatMap((f) => blocksOf(f).flatMap((b) => b.annotations.filter((a) => a.figure)));
    expect(figures.map((a) => a.figure)).toEqual(expect.arrayContaining(['751', '135', '31,000']));
    for (const a of figures) expect(a.citations.some((c) => c.quote.includes(a.figure!))).toBe(true);
  });
});

describe('checkAtlas refuses (issue #20)', () => {
  it('a risk level that rests on no quote stating a harm', () => {
    const problems = problemsWith((features) => {
      const route = byId(features, 'tumen-crossing-to-yanbian') as RouteFeature;
      const stage = route.properties.stages[0];
      for (const a of stage.annotations) a.finding = 'context';
    });
    expect(problems).toMatch(/tumen-crossing-to-yanbian\/approach: level 4 rests on no quote that states a harm/);
  });

  it('a level 1 given on silence: resting only on context', () => {
    const problems = problemsWith((features) => {
      const route = byId(features, 'china-to-mongolia') as RouteFeature;
      const last = route.properties.stages.at(-1)!;
      for (const a of last.annotations) a.finding = 'context';
    });
    expect(problems).toMatch(
      /china-to-mongolia\/mongolia: level 1 \("the sources report none"\) rests on no quote that states the absence of harm/,
    );
  });

  it('a reason that rests on an annotation that is not its own', () => {
    const problems = problemsWith((features) => {
      const p = byId(features, 'incheon-returned-boat').properties as EventFeatureT['properties'];
      p.reasonRests = ['dmz-mined'];
    });
    expect(problems).toMatch(/incheon-returned-boat: reason rests on dmz-mined, which is not one of its annotations/);
    expect(problems).toMatch(/incheon-returned-boat: level 4 rests on no quote that states a harm/);
  });

  it('a summary or a corridor description that names an unknown citation', () => {
    expect(problemsWith((features) => (byId(features, 'dmz-zone').properties.summaryRests = ['no-such-annotation']))).toMatch(
      /dmz-zone: summary rests on no-such-annotation/,
    );
    const corridors = clone(good.corridors);
    corridors.find((c) => c.id === 'dmz')!.descriptionRests = ['tumen-usual-way'];
    expect(checkAtlas(rebuild(clone(good.features), corridors)).join('\n')).toMatch(/corridor dmz: description rests on tumen-usual-way/);
  });

  it('an annotation that names a hazard but not a harm, and a figure no quote carries', () => {
    const problems = problemsWith((features) => {
      const p = byId(features, 'incheon-returned-boat').properties as EventFeatureT['properties'];
      p.annotations[0].finding = 'context';
      p.annotations[0].figure = '23';
    });
    expect(problems).toMatch(/incheon-returned-executed: names hazards, so its finding must be "harm"/);
    expect(problems).toMatch(/figure "23" is in none of its quotes/);
  });

  it('an unplaced event given a point, and a placed item without one', () => {
    const problems = problemsWith((features) => {
      byId(features, 'yellow-sea-boat-2009').geometry = { type: 'Point', coordinates: [125.5, 37.7] };
      (byId(features, 'incheon-returned-boat') as EventFeatureT).geometry = null;
    });
    expect(problems).toMatch(/yellow-sea-boat-2009: an unplaced event must have no point/);
    expect(problems).toMatch(/incheon-returned-boat: has no geometry, so its precision must be "unplaced"/);
  });

  it('an approximate point given to two decimals, as if it marked a site', () => {
    const problems = problemsWith((features) => {
      byId(features, 'tumen-river-crossings').geometry = { type: 'Point', coordinates: [129.75, 42.44] };
    });
    expect(problems).toMatch(/tumen-river-crossings: an approximate point is given to one decimal at most/);
  });
});

describe('the pieces of the rule', () => {
  const harm = {
    id: 'h',
    text: 'A harm reported.',
    hazards: [],
    finding: 'harm' as const,
    citations: [{ source: 's', quote: 'a quote here' }],
  };
  const none = { ...harm, id: 'n', finding: 'no-harm' as const };

  it('checkLevel: level 1 cannot name hazards even with a stated absence of harm', () => {
    expect(checkLevel('x', { level: 1, hazards: ['gunfire'], reasonRests: ['n'], annotations: [none] })).toEqual([
      'x: level 1 cannot name hazards',
    ]);
    expect(checkLevel('x', { level: 3, hazards: [], reasonRests: ['h'], annotations: [harm, none] })).toEqual([]);
  });

  it('checkPlacement: only an event can go without a place', () => {
    const zone = clone(good.features.find((f) => f.properties.kind === 'zone')!);
    zone.properties.precision = 'unplaced';
    expect(checkPlacement(zone)).toEqual([`${zone.properties.id}: only an event can be unplaced`]);
  });

  it('the schema takes an event with no geometry, and refuses one drawn as a line', () => {
    const e = clone(byId(clone(good.features), 'yellow-sea-boat-2009'));
    expect(EventFeature.safeParse(e).success).toBe(true);
    expect(
      EventFeature.safeParse({
        ...e,
        geometry: {
          type: 'LineString',
          coordinates: [
            [1, 2],
            [3, 4],
          ],
        },
      }).success,
    ).toBe(false);
  });
});

describe('how a level reads', () => {
  it('never calls “no harm reported” a low risk', () => {
    expect(riskPhrase(1)).toBe('The sources report none');
    expect(RISK_LEVELS[1].en).not.toMatch(/low/i);
    expect(riskPhrase(4)).toBe('Extreme risk');
  });
});
