// The atlas as one validated value, and the pure checks that tie its files together.
// Loading from disk is in ./load.ts so this module stays usable anywhere (tests, seed, scripts).
import type { AtlasFeature, Corridor, CorridorFile, Place, Source } from './schema';

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
  for (const f of atlas.features) {
    const p = f.properties;
    claim(p.id, p.kind);
    if (p.precision === 'approximate' && !p.precisionNote) problems.push(`${p.id}: approximate geometry needs a precisionNote saying why`);
    const blocks = p.kind === 'route' ? p.stages : [p];
    if (p.kind === 'route') {
      const n = f.geometry.coordinates.length;
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
    for (const block of blocks) {
      const hazardsCited = new Set<string>();
      for (const a of block.annotations) {
        if (annotationIds.has(a.id)) problems.push(`duplicate annotation id ${a.id}`);
        annotationIds.add(a.id);
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
  for (const s of atlas.sources) {
    const hasChild = atlas.sources.some((x) => x.partOf === s.id && used.has(x.id));
    if (!used.has(s.id) && !hasChild) problems.push(`source ${s.id} is never cited`);
  }
  return problems;
}
