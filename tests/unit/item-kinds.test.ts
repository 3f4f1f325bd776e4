// Issue #15 (part 3): one list of item kinds (geo/vocabulary.ts), the schema's discriminator, read
// by the API schema, the list, the map style and the swatches.
import { describe, expect, it } from 'vitest';
import { AtlasFeature, ItemKindSchema } from '@/geo/schema';
import { ITEM_KINDS, POINT_KINDS } from '@/geo/vocabulary';
import { MapFeatureProps, RouteDetail } from '@/lib/data/api-schema';
import { buildStyle } from '@/lib/map/style';
import { mapText } from '@/lib/i18n/strings';

const variants = AtlasFeature.options.map((o) => ({
  kind: o.shape.properties.shape.kind.value,
  geometry: o.shape.geometry,
}));

describe('the kinds of item', () => {
  it('are exactly the kinds the schema’s feature union discriminates on, in its order', () => {
    expect(variants.map((v) => v.kind)).toEqual([...ITEM_KINDS]);
    expect(ItemKindSchema.options).toEqual([...ITEM_KINDS]);
  });

  it('point kinds are the kinds whose geometry is a point', () => {
    const pointOnly = variants.filter((v) => v.geometry.safeParse({ type: 'Point', coordinates: [125, 40] }).success).map((v) => v.kind);
    expect(pointOnly).toEqual([...POINT_KINDS]);
  });

  it('the API accepts every kind (and stage for drawn features) and nothing else', () => {
    const shape = MapFeatureProps.shape.kind;
    for (const kind of [...ITEM_KINDS, 'stage']) expect(shape.safeParse(kind).success, kind).toBe(true);
    expect(shape.safeParse('place').success).toBe(false);
    expect(RouteDetail.shape.kind.safeParse('stage').success).toBe(false);
    for (const kind of ITEM_KINDS) expect(RouteDetail.shape.kind.safeParse(kind).success, kind).toBe(true);
  });

  it('the map draws the point kinds with the point layers', () => {
    const point = buildStyle('/basemap.json', undefined, { lang: 'en', ...mapText('en') }).layers.find((l) => l.id === 'point');
    expect(point && 'filter' in point && JSON.stringify(point.filter)).toContain(JSON.stringify([...POINT_KINDS]));
  });
});
