// Guided tours, derived from the cited data: a tour of each route (one step per stage in order,
// then one per hazard it runs into) and one tour of the whole atlas, corridor by corridor. A tour
// is stated once, as a list of ids in order (ATLAS_TOUR below; a route's stages are in the
// data), and everything a step shows is read from the same fields the route pages show: the
// stage's or item's risk level, its reason and hazards, and one annotation with its quoted
// passage. No step says anything of its own, so the citation check (npm run citations) covers
// every word of it. Pure: the pages, the embed, the still images and the tests share it.
import type { Geometry } from 'geojson';
import { bbox } from '@/geo/geometry';
import { HAZARD_IDS, type HazardId, type RiskLevel } from '@/geo/vocabulary';
import type { MapFeatureCollection, RouteDetail } from '../data/api-schema';
import { corridorGroups } from '../data/atlas-items';
import type { Bounds } from '../map/settings';
import { localizeDetail } from '../i18n/content';
import type { Locale } from '../i18n/locales';
import type { Messages } from '../i18n/messages';
import { stringsFor } from '../i18n/strings';
import { ATLAS_TOUR_ID } from './paths';

export { ATLAS_TOUR_ID };

/**
 * The atlas tour, in the order that tells the story: the river crossings, the long journeys
 * through China, the sea and the DMZ, Russia, and last the defections from posts abroad. Each
 * chapter lists corridor ids (geo/features/*.geojson); a unit test checks that every corridor
 * in the data is in it exactly once.
 */
export const ATLAS_TOUR = [
  { chapter: 'rivers', corridors: ['tumen', 'yalu'] },
  { chapter: 'china', corridors: ['china-mongolia', 'china-southeast-asia', 'china-exits'] },
  { chapter: 'sea-dmz', corridors: ['yellow-sea', 'dmz'] },
  { chapter: 'russia', corridors: ['russia'] },
  { chapter: 'abroad', corridors: ['defections-abroad'] },
] as const satisfies readonly { chapter: keyof Messages['tour']['chapters']; corridors: readonly string[] }[];

type Block = RouteDetail['stages'][number];
type Annotation = Block['annotations'][number];
export type TourCitation = Annotation['citations'][number];

/** What the map shows at a step: the item drawn selected, its lit stage, what stays undimmed, where to fit. */
export interface StepFocus {
  selected: string | null;
  stage: string | null;
  /** Items drawn at full strength; every other item is dimmed. */
  lit: string[];
  bounds: Bounds;
}

export interface TourStep {
  /** 1-based, as in `?step=`. */
  n: number;
  kind: 'stage' | 'risk' | 'corridor';
  /** The stage's name, the hazards' names, or the corridor's name. */
  title: string;
  /** Where the step stands: "Stage 2 of 3", "Risks", a chapter of the atlas tour. */
  eyebrow: string;
  /** The item the step quotes (for the atlas tour, the corridor's item at the highest risk). */
  item: { id: string; name: string };
  /** The risk of the stage or item the annotation belongs to, as its page states it. */
  risk: { level: RiskLevel; reason: string; hazards: HazardId[] };
  /** One annotation (our words) and its first quoted passage. */
  text: string;
  citation: TourCitation;
  focus: StepFocus;
}

export interface Tour {
  id: string;
  title: string;
  /** The route's summary, or the atlas tour's description. */
  intro: string;
  steps: TourStep[];
}

/** The bounds of a route's stage line, or the route's own when the collection draws no such stage. */
function stageBounds(collection: MapFeatureCollection, detail: RouteDetail, stage: string): Bounds {
  const line = collection.features.find(
    (f) => f.properties.kind === 'stage' && f.properties.item === detail.id && f.properties.stage === stage,
  );
  // The API's geometry is checked for shape by the geo tests; here it is read, not trusted to be typed.
  if (line) return bbox(line.geometry as Geometry);
  // Only events may go unplaced (geo/schema.ts), and tours of a route are of routes.
  if (!detail.bbox) throw new Error(`${detail.id} has no place to fit a tour step to`);
  return detail.bbox;
}

const annotationKey = (block: Block, a: Annotation) => `${block.id}/${a.id}`;

const riskOf = (block: Block) => ({ level: block.level, reason: block.reason, hazards: block.hazards });

/** The ids of the tours there are: the atlas tour, then one per route in the collection's order. */
export function tourIds(collection: MapFeatureCollection): string[] {
  const routes = corridorGroups(collection).flatMap((g) => g.items.filter((i) => i.kind === 'route').map((i) => i.id));
  return [ATLAS_TOUR_ID, ...routes];
}

/**
 * A route's tour: each stage in order (its risk and its first annotation), then each hazard the
 * route runs into, in the vocabulary's order, with an annotation that names it. A hazard step
 * prefers an annotation no stage step has quoted yet, and one annotation that names several
 * hazards is one step for all of them.
 */
export function routeTour(english: RouteDetail, collection: MapFeatureCollection, locale: Locale = 'en'): Tour | null {
  if (english.kind !== 'route') return null;
  const detail = localizeDetail(english, locale);
  const t = stringsFor(locale).tour;
  const stages = [...detail.stages].sort((a, b) => a.order - b.order);
  const item = { id: detail.id, name: detail.name[locale] };
  const focus = (stage: Block): StepFocus => ({
    selected: detail.id,
    stage: stage.id,
    lit: [detail.id],
    bounds: stageBounds(collection, detail, stage.id),
  });
  const quoted = new Set<string>();
  const steps: Omit<TourStep, 'n'>[] = stages.map((stage) => {
    const a = stage.annotations[0];
    quoted.add(annotationKey(stage, a));
    return {
      kind: 'stage',
      title: stage.name[locale],
      eyebrow: t.stageOf(stage.order, stages.length),
      item,
      risk: riskOf(stage),
      text: a.text,
      citation: a.citations[0],
      focus: focus(stage),
    };
  });

  const annotations = stages.flatMap((stage) => stage.annotations.map((a) => ({ stage, a })));
  const risks: { stage: Block; a: Annotation; hazards: HazardId[] }[] = [];
  for (const hazard of HAZARD_IDS) {
    const naming = annotations.filter(({ a }) => a.hazards.includes(hazard));
    if (naming.length === 0) continue;
    const chosen = naming.find(({ stage, a }) => !quoted.has(annotationKey(stage, a))) ?? naming[0];
    const same = risks.find((r) => r.a === chosen.a && r.stage === chosen.stage);
    if (same) same.hazards.push(hazard);
    else risks.push({ ...chosen, hazards: [hazard] });
    quoted.add(annotationKey(chosen.stage, chosen.a));
  }
  risks.forEach(({ stage, a, hazards }, i) => {
    steps.push({
      kind: 'risk',
      title: t.hazardTitle(hazards),
      eyebrow: t.riskOf(i + 1, risks.length, stage.name[locale]),
      item,
      risk: riskOf(stage),
      text: a.text,
      citation: a.citations[0],
      focus: focus(stage),
    });
  });
  return { id: detail.id, title: detail.name[locale], intro: detail.summary, steps: steps.map((s, i) => ({ ...s, n: i + 1 })) };
}

const unionBounds = (all: Bounds[]): Bounds => [
  Math.min(...all.map((b) => b[0])),
  Math.min(...all.map((b) => b[1])),
  Math.max(...all.map((b) => b[2])),
  Math.max(...all.map((b) => b[3])),
];

/**
 * The atlas tour: one step per corridor, in ATLAS_TOUR's order. A step lights the corridor's
 * items, dims the rest, and quotes the corridor's item at the highest risk (the first of them, in
 * the data's order): its block at that level and that block's first annotation.
 */
export function atlasTour(collection: MapFeatureCollection, details: ReadonlyMap<string, RouteDetail>, locale: Locale = 'en'): Tour {
  const t = stringsFor(locale).tour;
  const groups = new Map(corridorGroups(collection).map((g) => [g.id, g]));
  const steps: TourStep[] = [];
  for (const { chapter, corridors } of ATLAS_TOUR) {
    for (const id of corridors) {
      const group = groups.get(id);
      if (!group) continue;
      const top = group.items.reduce((best, i) => (i.level > best.level ? i : best));
      const english = details.get(top.id);
      if (!english) continue;
      const detail = localizeDetail(english, locale);
      const block = [...detail.stages].sort((a, b) => a.order - b.order).find((s) => s.level === top.level) ?? detail.stages[0];
      const a = block.annotations[0];
      steps.push({
        n: steps.length + 1,
        kind: 'corridor',
        title: group.name[locale],
        eyebrow: t.chapters[chapter],
        item: { id: detail.id, name: detail.name[locale] },
        risk: riskOf(block),
        text: a.text,
        citation: a.citations[0],
        focus: {
          selected: detail.id,
          stage: detail.kind === 'route' && block.id !== 'main' ? block.id : null,
          lit: group.items.map((i) => i.id),
          // Events with no place given are lit in the list but have nothing to fit.
          bounds: unionBounds(group.items.flatMap((i) => (i.bounds ? [i.bounds] : []))),
        },
      });
    }
  }
  return { id: ATLAS_TOUR_ID, title: t.atlasTitle, intro: t.atlasIntro, steps };
}
