// Guided tours (issue 17) are derived from the cited data: a step per stage then per hazard for a
// route, a step per corridor for the atlas, in the order stated once in lib/tour/tours.ts. Every
// step says only what an annotation of the data says, and quotes a passage the citation check
// finds in its document.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAtlas } from '@/geo/load';
import { HAZARDS, type HazardId } from '@/geo/vocabulary';
import { corridorGroups } from '@/lib/data/atlas-items';
import { buildMapCollection, buildRouteDetails } from '@/lib/data/queries';
import { tourEmbedPath, tourImagePath, tourPath } from '@/lib/tour/paths';
import { parseStep, stepSearch } from '@/lib/tour/step-param';
import { ATLAS_TOUR, ATLAS_TOUR_ID, atlasTour, routeTour, tourIds, type Tour } from '@/lib/tour/tours';

const atlas = loadAtlas();
const collection = buildMapCollection(atlas);
const details = buildRouteDetails(atlas);
const groups = corridorGroups(collection);
const routes = [...details.values()].filter((d) => d.kind === 'route');

const tourOf = (id: string): Tour => {
  const tour = routeTour(details.get(id)!, collection);
  if (!tour) throw new Error(`no tour for ${id}`);
  return tour;
};

describe('the atlas tour', () => {
  const tour = atlasTour(collection, details);

  it('names every corridor of the data exactly once, in the story’s order', () => {
    const listed = ATLAS_TOUR.flatMap((c) => c.corridors);
    expect([...listed].sort()).toEqual(groups.map((g) => g.id).sort());
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.slice(0, 2)).toEqual(['tumen', 'yalu']);
    expect(listed.indexOf('russia')).toBeGreaterThan(listed.indexOf('dmz'));
  });

  it('walks the corridors one step each, lighting the corridor’s items and quoting its item at the highest risk', () => {
    expect(tour.id).toBe(ATLAS_TOUR_ID);
    expect(tour.steps.map((s) => s.n)).toEqual(tour.steps.map((_, i) => i + 1));
    expect(tour.steps.map((s) => s.title)).toEqual(
      ATLAS_TOUR.flatMap((c) => c.corridors).map((id) => groups.find((g) => g.id === id)!.name.en),
    );
    for (const step of tour.steps) {
      const group = groups.find((g) => g.name.en === step.title)!;
      expect(step.focus.lit.sort()).toEqual(group.items.map((i) => i.id).sort());
      expect(step.focus.lit).toContain(step.focus.selected);
      const top = Math.max(...group.items.map((i) => i.level));
      expect(step.risk.level).toBe(top);
      expect(details.get(step.item.id)!.level).toBe(top);
      // The fit covers every lit item.
      for (const { bounds } of group.items) {
        if (!bounds) continue; // an event with no place given: nothing to cover
        expect(step.focus.bounds[0]).toBeLessThanOrEqual(bounds[0]);
        expect(step.focus.bounds[3]).toBeGreaterThanOrEqual(bounds[3]);
      }
    }
  });
});

describe('a route’s tour', () => {
  it('has a tour for every route and for nothing else', () => {
    expect(tourIds(collection)).toEqual([
      ATLAS_TOUR_ID,
      ...groups.flatMap((g) => g.items.filter((i) => i.kind === 'route').map((i) => i.id)),
    ]);
    const notRoute = [...details.values()].find((d) => d.kind !== 'route')!;
    expect(routeTour(notRoute, collection)).toBeNull();
  });

  it.each(routes.map((r) => [r.id]))('%s: one step per stage in order, then one per hazard it runs into', (id) => {
    const detail = details.get(id)!;
    const tour = tourOf(id);
    const stages = [...detail.stages].sort((a, b) => a.order - b.order);
    const stageSteps = tour.steps.filter((s) => s.kind === 'stage');
    expect(tour.steps.slice(0, stages.length)).toEqual(stageSteps);
    expect(stageSteps.map((s) => [s.title, s.focus.stage, s.risk.level, s.risk.reason])).toEqual(
      stages.map((s) => [s.name.en, s.id, s.level, s.reason]),
    );
    // Every hazard the route names is the subject of exactly one risk step, whose annotation names it.
    const hazards = new Set(stages.flatMap((s) => s.annotations.flatMap((a) => a.hazards)));
    const riskSteps = tour.steps.filter((s) => s.kind === 'risk');
    const named = riskSteps.flatMap((s) => s.title.split(' · '));
    expect(named.sort()).toEqual([...hazards].map((h) => HAZARDS[h as HazardId].en).sort());
    for (const s of riskSteps) {
      const stage = stages.find((st) => st.id === s.focus.stage)!;
      const annotation = stage.annotations.find((a) => a.text === s.text)!;
      for (const h of s.title.split(' · ')) expect(annotation.hazards.map((x) => HAZARDS[x].en)).toContain(h);
    }
    expect(tour.steps.every((s) => s.focus.selected === id && s.focus.lit.length === 1)).toBe(true);
  });

  it('gives one step to an annotation that names two hazards, and prefers a passage no stage step has quoted', () => {
    const tour = tourOf('tumen-crossing-to-yanbian');
    const titles = tour.steps.map((s) => s.title);
    expect(titles).toContain(`${HAZARDS['arrest-repatriation'].en} · ${HAZARDS.detention.en}`);
    const gunfire = tour.steps.find((s) => s.title === HAZARDS.gunfire.en)!;
    // The approach's first annotation (gunfire) is its stage step's; the river's names gunfire too.
    expect(gunfire.focus.stage).toBe('river');
    expect(gunfire.citation.quote).not.toBe(tour.steps.find((s) => s.focus.stage === 'approach')!.citation.quote);
    // A hazard only a stage's first annotation names is quoted again: the risk steps differ among themselves.
    const quotes = tour.steps.filter((s) => s.kind === 'risk').map((s) => s.citation.quote);
    expect(new Set(quotes).size).toBe(quotes.length);
  });
});

describe('every step rests on the cited data', () => {
  const tours = [atlasTour(collection, details), ...routes.map((r) => tourOf(r.id))];
  const steps = tours.flatMap((t) => t.steps);

  it('says only what an annotation of its item says, with that annotation’s passage', () => {
    for (const s of steps) {
      const detail = details.get(s.item.id)!;
      const annotations = detail.stages.flatMap((b) => b.annotations.map((a) => ({ b, a })));
      const hit = annotations.find(({ a }) => a.text === s.text);
      expect(hit, `${s.item.id}: ${s.text}`).toBeDefined();
      expect(hit!.a.citations).toContainEqual(s.citation);
      expect([hit!.b.level, hit!.b.reason]).toEqual([s.risk.level, s.risk.reason]);
    }
  });

  it('quotes passages the citation check finds in their documents', () => {
    const checker = path.resolve('..', 'shared', 'tools', 'check-citations.mjs');
    const input = steps.map((s) => ({ sourceTitle: s.citation.source.title, quote: s.citation.quote }));
    const out = execFileSync(process.execPath, [checker, '-'], { input: JSON.stringify(input), encoding: 'utf8' });
    expect(out).toMatch(new RegExp(`${input.length} citations?.*, 0 not found in their source`));
  });
});

describe('the step in the address', () => {
  it('reads ?step= as a whole number within the tour, step 1 when absent', () => {
    expect(parseStep(undefined, 5)).toEqual({ ok: true, step: 1 });
    expect(parseStep(null, 5)).toEqual({ ok: true, step: 1 });
    expect(parseStep('3', 5)).toEqual({ ok: true, step: 3 });
    expect(parseStep(['5'], 5)).toEqual({ ok: true, step: 5 });
  });

  it('answers 400 to a malformed step and 404 to one past the end', () => {
    for (const bad of ['0', '-1', 'abc', '3.0', '+3', ' 3', '', '1e2', '03', '99999'])
      expect(parseStep(bad, 5), bad).toEqual({ ok: false, status: 400 });
    expect(parseStep(['2', '3'], 5)).toEqual({ ok: false, status: 400 });
    expect(parseStep('6', 5)).toEqual({ ok: false, status: 404 });
  });

  it('writes step 1 as no parameter and keeps the other parameters', () => {
    expect(stepSearch(1)).toBe('');
    expect(stepSearch(3)).toBe('?step=3');
    expect(stepSearch(1, new URLSearchParams('theme=dark&step=4'))).toBe('?theme=dark');
    expect(stepSearch(2, new URLSearchParams('theme=dark&step=4'))).toBe('?theme=dark&step=2');
  });
});

describe('a tour in Korean (issue 16)', () => {
  it('has the same steps, quotes and levels, with our own words and names in Korean', () => {
    const id = 'tumen-crossing-to-yanbian';
    const en = tourOf(id);
    const ko = routeTour(details.get(id)!, collection, 'ko')!;
    expect(ko.steps.map((s) => [s.kind, s.citation, s.risk.level, s.focus])).toEqual(
      en.steps.map((s) => [s.kind, s.citation, s.risk.level, s.focus]),
    );
    expect(ko.title).toBe(details.get(id)!.name.ko);
    expect(ko.steps[0].eyebrow).toBe(`${en.steps.filter((s) => s.kind === 'stage').length}단계 중 1단계`);
    // Every step's text and reason are Korean renderings of the English step's (lib/i18n/content.ts).
    for (const [i, s] of ko.steps.entries()) {
      expect(s.text, en.steps[i].text).toMatch(/[\uac00-\ud7a3]/);
      expect(s.risk.reason).toMatch(/[\uac00-\ud7a3]/);
    }
    const gunfire = ko.steps.find((s) => s.kind === 'risk' && s.title.includes(HAZARDS.gunfire.ko));
    expect(gunfire).toBeDefined();
  });

  it('names its chapters in Korean on the atlas tour', () => {
    const ko = atlasTour(collection, details, 'ko');
    expect(ko.title).toBe('지도 전체, 통로별로');
    expect(ko.steps[0].eyebrow).toBe('강을 건너는 길');
    expect(ko.steps.map((s) => s.citation)).toEqual(atlasTour(collection, details).steps.map((s) => s.citation));
  });
});

describe('a tour’s addresses', () => {
  it('writes the page, the still image of a step and the embed with only the options that are not defaults', () => {
    expect(tourPath(ATLAS_TOUR_ID)).toBe('/tour');
    expect(tourPath('yalu-crossing-to-liaoning')).toBe('/tour/yalu-crossing-to-liaoning');
    expect(tourImagePath('atlas', 1)).toBe('/tour/atlas/image.png');
    expect(tourImagePath('atlas', 4)).toBe('/tour/atlas/image.png?step=4');
    expect(tourEmbedPath('atlas')).toBe('/embed/tour/atlas');
    expect(tourEmbedPath('atlas', { theme: 'light', legend: true, interactive: true, lang: 'en' })).toBe('/embed/tour/atlas');
    expect(tourEmbedPath('atlas', { theme: 'dark', legend: false, interactive: false })).toBe(
      '/embed/tour/atlas?interactive=0&legend=0&theme=dark',
    );
  });
});
