// The consistency checker must actually catch broken data, not only pass good data.
import { describe, expect, it } from 'vitest';
import { assembleAtlas, checkAtlas } from '@/geo/atlas';
import { loadAtlas } from '@/geo/load';
import type { CorridorFile, RouteFeature } from '@/geo/schema';

const good = loadAtlas();
const clone = <T>(v: T): T => structuredClone(v);
const rebuild = (features: CorridorFile['features'], sources = good.sources) =>
  assembleAtlas(
    sources,
    good.corridors.map((corridor) => ({
      type: 'FeatureCollection',
      version: 1,
      corridor,
      features: features.filter((f) => f.properties.corridor === corridor.id),
    })),
    good.places,
  );

describe('checkAtlas', () => {
  it('accepts the shipped data', () => expect(checkAtlas(good)).toEqual([]));

  it('reports a duplicate id', () => {
    const features = clone(good.features);
    features[1].properties.id = features[0].properties.id;
    expect(checkAtlas(rebuild(features)).join('\n')).toMatch(/duplicate id/);
  });

  it('reports a citation of an unknown source and a source nobody cites', () => {
    const features = clone(good.features);
    const route = features.find((f) => f.properties.kind === 'route') as RouteFeature;
    route.properties.stages[0].annotations[0].citations[0].source = 'no-such-source';
    const problems = checkAtlas(rebuild(features)).join('\n');
    expect(problems).toMatch(/unknown source no-such-source/);
    const unused = [...good.sources, { ...good.sources[0], id: 'never-cited', partOf: undefined }];
    expect(checkAtlas(rebuild(clone(good.features), unused)).join('\n')).toMatch(/never-cited is never cited/);
  });

  it('reports stages that leave a gap or do not reach the end of the line', () => {
    const features = clone(good.features);
    const route = features.find((f) => f.properties.kind === 'route' && f.properties.stages.length > 1) as RouteFeature;
    route.properties.stages[1].vertices = [route.properties.stages[1].vertices[0] + 1, route.properties.stages[1].vertices[1] + 1];
    expect(checkAtlas(rebuild(features)).join('\n')).toMatch(/must start where the previous one ends|last stage must end/);
  });

  it('reports a hazard no annotation supports', () => {
    const features = clone(good.features);
    const route = features.find((f) => f.properties.kind === 'route') as RouteFeature;
    route.properties.stages[0].hazards.push('drowning');
    expect(checkAtlas(rebuild(features)).join('\n')).toMatch(/hazard drowning is not supported/);
  });
});
