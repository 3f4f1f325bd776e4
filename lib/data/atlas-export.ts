// The whole atlas as one GeoJSON file for download (/api/export): one feature per route,
// crossing, event and zone, whose properties carry everything its page shows (stages, risk,
// annotations, each quoted passage with its source), plus one flat feature per route stage so a
// GIS can draw stages by risk level. Built from the API's own validated responses, so the file
// says exactly what the app says. Pure.
import { z } from 'zod';
import { Slug } from '@/geo/schema';
import { MapFeature, MapFeatureCollection, MapFeatureProps, RouteDetail, SourcesResponse } from './api-schema';
import { stringsFor } from '../i18n/strings';

// The export is one file for every reader: English, the data's own language.
const { exportFile } = stringsFor('en').pages;

/** Bumped when the file's shape changes, so a reader of an old download can tell. */
export const EXPORT_VERSION = 1;

const ItemFeature = z.object({
  type: z.literal('Feature'),
  id: Slug,
  bbox: RouteDetail.shape.bbox,
  geometry: MapFeature.shape.geometry,
  properties: RouteDetail.omit({ bbox: true }),
});

const StageFeature = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  geometry: MapFeature.shape.geometry,
  properties: MapFeatureProps.extend({ kind: z.literal('stage'), stage: Slug, order: z.number().int() }),
});

const ExportSource = SourcesResponse.shape.sources.element.omit({ supports: true });

export const AtlasExport = z.object({
  type: z.literal('FeatureCollection'),
  name: z.string(),
  version: z.literal(EXPORT_VERSION),
  licence: z.string(),
  corridors: MapFeatureCollection.shape.corridors,
  sources: z.array(ExportSource),
  features: z.array(z.union([ItemFeature, StageFeature])),
});
export type AtlasExport = z.infer<typeof AtlasExport>;

/**
 * @param collection what GET /api/routes draws (geometry rounded to each item's precision)
 * @param details every item's GET /api/routes/[slug] detail, by item id
 * @param sources GET /api/sources
 */
export function buildAtlasExport(collection: MapFeatureCollection, details: ReadonlyMap<string, RouteDetail>, sources: SourcesResponse): AtlasExport {
  const features: unknown[] = [];
  for (const f of collection.features) {
    const p = f.properties;
    if (p.kind === 'stage') {
      features.push({ type: 'Feature', id: p.uid, geometry: f.geometry, properties: p });
      continue;
    }
    const detail = details.get(p.item);
    if (!detail) throw new Error(`export: no detail for item "${p.item}"`);
    const { bbox, ...properties } = detail;
    features.push({ type: 'Feature', id: detail.id, bbox, geometry: f.geometry, properties });
  }
  return AtlasExport.parse({
    type: 'FeatureCollection',
    name: exportFile.name,
    version: EXPORT_VERSION,
    licence: exportFile.licence,
    corridors: collection.corridors,
    sources: sources.sources.map(({ supports: _supports, ...s }) => s),
    features,
  });
}
