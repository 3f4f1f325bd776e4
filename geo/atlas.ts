// The atlas as one validated value, and the pure checks that tie its files together.
// Loading from disk is in ./load.ts so this module stays usable anywhere (tests, seed, scripts).
import type { Annotation, AtlasFeature, Corridor, CorridorFile, Place, RouteFeature, Source, Stage } from './schema';
import type { RiskLevel } from './vocabulary';

export interface Atlas {
  sources: Source[];
  corridors: Corridor[];
  features: AtlasFeature[];
  places: Place[];
}

/** Build an atlas from parsed files, corridors in their story order. */
export function assembleAtlas(sources: Source[], files: CorridorFile[], places: Place[]): Atlas {
  const ordered = [...files].sort((a, b) => a.corridor.order - b.corridor.order);
  return {
    sources,
    corridors: ordered.map((f) => f.corridor),
    features: ordered.flatMap((f) =>
      f.features.map((feature) => ({ ...feature, properties: { ...feature.properties, corridor: f.corridor.id } }) as AtlasFeature),
    ),
    places,
  };
}

/** Every annotation in the atlas with the feature (and stage) it belongs to. */
export function allAnnotations(atlas: Atlas) {
  return atlas.features.flatMap((f) => {
    const p = f.properties;
    if (p.kind === 'route')
      return p.stages.flatMap((s) => s.annotations.map((a) => ({ feature: p.id, stage: s.id as string | null, annotation: a })));
    return p.annotations.map((a) => ({ feature: p.id, stage: null as string | null, annotation: a }));
  });
}

/** Every citation, flattened, with the source title the citation checker needs. */
export function allCitations(atlas: Atlas) {
  const byId = new Map(atlas.sources.map((s) => [s.id, s]));
  return allAnnotations(atlas).flatMap(({ feature, stage, annotation }) =>
    annotation.citations.map((c) => ({
      sourceTitle: byId.get(c.source)?.title ?? `(unknown source ${c.source})`,
      source: c.source,
      quote: c.quote,
      feature,
      stage,
      annotation: annotation.id,
    })),
  );
}

/** Referential checks zod cannot express. Returns human-readable problems; empty when sound. */
export function checkAtlas(atlas: Atlas): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const claim = (id: string, what: string) => {
    if (seen.has(id)) problems.push(`duplicate id "${id}" (${what} and ${seen.get(id)})`);
    else seen.set(id, what);
  };
  const sourceIds = new Set(atlas.sources.map((s) => s.id));
  atlas.sources.forEach((s) => {
    claim(s.id, 'source');
    if (s.partOf && !sourceIds.has(s.partOf)) problems.push(`source ${s.id}: partOf unknown source ${s.partOf}`);
  });
  atlas.corridors.forEach((c) => claim(c.id, 'corridor'));
  const used = new Set<string>();
  const annotationIds = new Set<string>();
  const annotationsByFeature = new Map<string, Map<string, Annotation>>();
  for (const f of atlas.features) {
    const p = f.properties;
    claim(p.id, p.kind);
    if (p.precision !== 'named-place' && !p.precisionNote)
      problems.push(`${p.id}: ${p.precision} geometry needs a precisionNote saying why`);
    problems.push(...checkPlacement(f));
    const blocks = p.kind === 'route' ? p.stages : [p];
    if (p.kind === 'route') {
      const n = (f as RouteFeature).geometry.coordinates.length;
      const stageIds = new Set<string>();
      p.stages.forEach((s, i) => {
        if (stageIds.has(s.id)) problems.push(`${p.id}: duplicate stage id ${s.id}`);
        stageIds.add(s.id);
        const [a, b] = s.vertices;
        if (a >= b) problems.push(`${p.id}/${s.id}: vertices must run forwards`);
        if (i === 0 && a !== 0) problems.push(`${p.id}: first stage must start at vertex 0`);
        if (i > 0 && a !== p.stages[i - 1].vertices[1]) problems.push(`${p.id}/${s.id}: stage must start where the previous one ends`);
        if (i === p.stages.length - 1 && b !== n - 1) problems.push(`${p.id}: last stage must end at the last vertex (${n - 1})`);
      });
    }
    const own = new Map(blocks.flatMap((b) => b.annotations.map((a) => [a.id, a] as const)));
    annotationsByFeature.set(p.id, own);
    problems.push(...unknownRests(`${p.id}: summary`, p.summaryRests, own));
    for (const block of blocks) {
      const where = p.kind === 'route' ? `${p.id}/${(block as Stage).id}` : p.id;
      problems.push(...checkLevel(where, block));
      const hazardsCited = new Set<string>();
      for (const a of block.annotations) {
        if (annotationIds.has(a.id)) problems.push(`duplicate annotation id ${a.id}`);
        annotationIds.add(a.id);
        if (a.hazards.length && a.finding !== 'harm') problems.push(`${p.id}/${a.id}: names hazards, so its finding must be "harm"`);
        if (a.figure && !a.citations.some((c) => c.quote.includes(a.figure!)))
          problems.push(`${p.id}/${a.id}: figure "${a.figure}" is in none of its quotes`);
        a.hazards.forEach((h) => hazardsCited.add(h));
        for (const c of a.citations) {
          if (!sourceIds.has(c.source)) problems.push(`${p.id}/${a.id}: cites unknown source ${c.source}`);
          used.add(c.source);
        }
      }
      for (const h of block.hazards)
        if (!hazardsCited.has(h)) problems.push(`${p.id}: hazard ${h} is not supported by any of its annotations`);
    }
    if ((p.kind === 'route' || p.kind === 'event') && p.when) {
      const quotes = blocks.flatMap((b) => b.annotations.flatMap((a) => a.citations.map((c) => c.quote)));
      if (!quotes.includes(p.when.quote)) problems.push(`${p.id}: when.quote must be one of its own citations`);
    }
  }
  for (const c of atlas.corridors) {
    const own = new Map(
      atlas.features.filter((f) => f.properties.corridor === c.id).flatMap((f) => [...(annotationsByFeature.get(f.properties.id) ?? [])]),
    );
    problems.push(...unknownRests(`corridor ${c.id}: description`, c.descriptionRests, own));
  }
  for (const s of atlas.sources) {
    const hasChild = atlas.sources.some((x) => x.partOf === s.id && used.has(x.id));
    if (!used.has(s.id) && !hasChild) problems.push(`source ${s.id} is never cited`);
  }
  return problems;
}

/** Ids a sentence says it rests on that are not among the annotations it may rest on. */
function unknownRests(where: string, rests: readonly string[], own: Map<string, Annotation>): string[] {
  return rests.filter((id) => !own.has(id)).map((id) => `${where} rests on ${id}, which is not one of its annotations`);
}

/** A risk block: a route's stage, or a crossing, event or zone. */
interface RiskBlock {
  level: RiskLevel;
  hazards: readonly string[];
  reasonRests: readonly string[];
  annotations: readonly Annotation[];
}

/**
 * A level rests on a quote, never on silence: a level 2–4 on a cited passage that states a harm,
 * a level 1 ("the sources report none") on one that states the absence of harm, with no hazard.
 */
export function checkLevel(where: string, block: RiskBlock): string[] {
  const own = new Map(block.annotations.map((a) => [a.id, a]));
  const problems = unknownRests(`${where}: reason`, block.reasonRests, own);
  const findings = block.reasonRests.flatMap((id) => (own.has(id) ? [own.get(id)!.finding] : []));
  if (block.level >= 2 && !findings.includes('harm'))
    problems.push(`${where}: level ${block.level} rests on no quote that states a harm (its reason must rest on a "harm" annotation)`);
  if (block.level === 1) {
    if (!findings.includes('no-harm'))
      problems.push(
        `${where}: level 1 ("the sources report none") rests on no quote that states the absence of harm; a level given on silence is not allowed`,
      );
    if (block.hazards.length) problems.push(`${where}: level 1 cannot name hazards`);
  }
  return problems;
}

/** Unplaced events have no geometry, and only they; approximate points say so with few decimals. */
export function checkPlacement(f: AtlasFeature): string[] {
  const p = f.properties;
  if (p.precision === 'unplaced') {
    if (p.kind !== 'event') return [`${p.id}: only an event can be unplaced`];
    return f.geometry === null ? [] : [`${p.id}: an unplaced event must have no point (geometry null)`];
  }
  if (f.geometry === null) return [`${p.id}: has no geometry, so its precision must be "unplaced"`];
  if (p.precision === 'approximate' && f.geometry.type === 'Point') {
    const precise = f.geometry.coordinates.some((n) => Number(n.toFixed(1)) !== n);
    if (precise) return [`${p.id}: an approximate point is given to one decimal at most, so it does not read as a site`];
  }
  return [];
}
