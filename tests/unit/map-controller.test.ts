// Issue 15: the one map module. The controller turns a view into feature-state by difference,
// on a map that stands in for MapLibre's (the calls it receives are what is checked); the
// address reader gives the map module the same view the explorer's React state derives.
import { describe, expect, it } from 'vitest';
import { AtlasMapController, EMPTY_VIEW, featureStatesOf, type ControllerOptions, type Maplibre } from '@/lib/map/controller';
import { addressView, mutedBy } from '@/lib/map/view-checks';
import { atlasMapInit } from '@/lib/map/settings';
import { routeIdOf, routePath } from '@/lib/view/paths';
import { buildMapCollection } from '@/lib/data/queries';
import { loadAtlas } from '@/geo/load';
import { mapText } from '@/lib/i18n/strings';

type Handler = (...args: unknown[]) => void;

/** A MapLibre map reduced to what the controller calls, recording feature-state and layout changes. */
class FakeMap {
  readonly calls: string[] = [];
  readonly states = new Map<string, Record<string, boolean | string>>();
  readonly options: Record<string, unknown>;
  private readonly handlers = new Map<string, Handler[]>();
  private readonly visibility = new Map<string, string>();
  private readonly container: HTMLElement;
  sourceReady = false;
  constructor(options: Record<string, unknown>) {
    this.options = options;
    this.container = options.container as HTMLElement;
  }
  readonly touchZoomRotate = { disableRotation: () => {} };
  readonly keyboard = { disableRotation: () => {} };
  getContainer = () => this.container;
  getCanvas = () => ({ setAttribute: () => {}, style: {} });
  addControl = () => {};
  on = (type: string, f: Handler) => this.handlers.set(type, [...(this.handlers.get(type) ?? []), f]);
  once = (type: string, f: Handler) => this.on(type, f);
  fire = (type: string) => (this.handlers.get(type) ?? []).forEach((f) => f());
  getSource = () => (this.sourceReady ? {} : undefined);
  getLayer = () => ({});
  getLayoutProperty = (id: string) => this.visibility.get(id);
  setLayoutProperty = (id: string, _: string, value: string) => {
    this.visibility.set(id, value);
    this.calls.push(`layout ${id} ${value}`);
  };
  setFeatureState = ({ id }: { id: string }, state: Record<string, boolean | string>) => {
    this.states.set(id, { ...this.states.get(id), ...state });
    this.calls.push(`state ${id} ${JSON.stringify(state)}`);
  };
  isSourceLoaded = () => true;
  remove = () => this.calls.push('remove');
}

function makeController(view = EMPTY_VIEW) {
  let made: FakeMap | undefined;
  const maplibre = {
    Map: class {
      constructor(options: Record<string, unknown>) {
        made = new FakeMap(options);
        return made;
      }
    },
    NavigationControl: class {},
  } as unknown as Maplibre;
  // The controller reads the container's size and dataset, and registers the map on window.
  const container = { clientWidth: 800, clientHeight: 600, dataset: {} as Record<string, string> } as unknown as HTMLElement;
  Object.assign(globalThis, { window: { matchMedia: () => ({ matches: false }), location: { origin: 'http://atlas.test' } } });
  const options: ControllerOptions = {
    init: atlasMapInit({ theme: 'light', interactive: true, cooperativeGestures: false, lang: 'en', text: mapText('en') }, '/api/routes'),
    camera: { bounds: [120, 35, 135, 45] },
    view,
    keyPadding: () => ({}),
    describedBy: 'd',
    pointer: { hover: () => {}, select: () => {} },
    startedBy: 'boot',
  };
  const controller = AtlasMapController.create(maplibre, container, options);
  return { controller, map: made!, container };
}

const collection = buildMapCollection(loadAtlas());
const itemIds = [...new Set(collection.features.map((f) => f.properties.item))];
const [first, second] = itemIds;
/** A route with stages, and one of them. */
const staged = collection.features.find((f) => f.properties.kind === 'stage')!.properties;

describe('the map controller', () => {
  it('keys feature-state by item: the style promotes `item`, and lights a stage by its id', () => {
    const init = atlasMapInit(
      { theme: 'light', interactive: true, cooperativeGestures: false, lang: 'en', text: mapText('en') },
      '/api/routes',
    );
    expect(init.style.sources.atlas).toMatchObject({ type: 'geojson', data: '/api/routes', promoteId: 'item' });
    const focus = init.style.layers.find((l) => l.id === 'stage-focus');
    expect(JSON.stringify(focus && 'paint' in focus ? focus.paint : null)).toContain('["feature-state","stage"]');
  });

  it('maps a view to the items each flag is true on, and the stage lit on the selected item', () => {
    const states = featureStatesOf({ ...EMPTY_VIEW, selected: first, hovered: second, muted: [second], stage: 's1' });
    expect([...states.flags.selected]).toEqual([first]);
    expect([...states.flags.hover]).toEqual([second]);
    expect([...states.flags.muted]).toEqual([second]);
    expect(states.stage).toEqual([first, 's1']);
    expect(featureStatesOf({ ...EMPTY_VIEW, stage: 's1' }).stage).toBeNull();
  });

  it('draws the starting view once the style has its sources, before any frame', () => {
    const { map } = makeController({ ...EMPTY_VIEW, muted: [second], selected: staged.item, stage: staged.stage! });
    expect(map.calls).toEqual([]);
    map.sourceReady = true;
    map.fire('styledata');
    expect(map.states.get(second)).toEqual({ muted: true });
    expect(map.states.get(staged.item)).toEqual({ selected: true, stage: staged.stage });
    expect(map.states.get(itemIds.find((i) => i !== second && i !== staged.item)!)).toBeUndefined();
  });

  it('changes only what a new view changes', () => {
    const { controller, map } = makeController({ ...EMPTY_VIEW, selected: first });
    map.sourceReady = true;
    map.fire('styledata');
    map.calls.length = 0;
    controller.setView({ selected: first, hovered: null });
    expect(map.calls).toEqual([]);
    controller.setView({ selected: second });
    expect(map.calls).toEqual([`state ${first} {"selected":false}`, `state ${second} {"selected":true}`]);
    map.calls.length = 0;
    controller.setView({ stage: 'a' });
    controller.setView({ stage: 'a' });
    controller.setView({ stage: 'b' });
    controller.setView({ selected: first });
    expect(map.calls).toEqual([
      `state ${second} {"stage":"a"}`,
      `state ${second} {"stage":"b"}`,
      `state ${second} {"selected":false}`,
      `state ${first} {"selected":true}`,
      `state ${second} {"stage":""}`,
      `state ${first} {"stage":"b"}`,
    ]);
    map.calls.length = 0;
    controller.setView({ layers: { routes: false, points: true, zones: true } });
    expect(map.calls.every((c) => c.startsWith('layout ') && c.endsWith(' none'))).toBe(true);
    expect(map.calls.length).toBeGreaterThan(0);
    map.calls.length = 0;
    controller.setView({ layers: { routes: false, points: true, zones: true } });
    expect(map.calls).toEqual([]);
  });

  it('removes its map once, and does nothing after', () => {
    const { controller, map } = makeController();
    controller.remove();
    controller.remove();
    controller.setView({ selected: first });
    expect(map.calls).toEqual(['remove']);
  });
});

describe('addressView and mutedBy: what an explorer address asks the map to show', () => {
  const item = itemIds[0];
  it('reads the stage in the query, with no data', () => {
    expect(addressView(new URL(`http://x${routePath(item)}?stage=s1&level=4`))).toEqual({ stage: 's1', camera: null });
    expect(addressView(new URL('http://x/?stage=s1')).stage).toBeNull();
  });

  it('mutes what the filters leave out, over the data', () => {
    const muted = mutedBy(new URL(`http://x${routePath(item)}?stage=s1&level=4`), collection);
    const levels = new Map(
      collection.features.filter((f) => f.properties.kind !== 'stage').map((f) => [f.properties.item, f.properties.level]),
    );
    expect(muted.length).toBeGreaterThan(0);
    for (const id of muted) expect(levels.get(id)).not.toBe(4);
    for (const [id, level] of levels) if (level !== 4) expect(muted).toContain(id);
    expect(mutedBy(new URL('http://x/'), collection)).toEqual([]);
  });

  it('reads the camera from the hash', () => {
    expect(addressView(new URL('http://x/routes/no-such-item#5.5/41.2/127.3'))).toEqual({
      stage: null,
      camera: { zoom: 5.5, lat: 41.2, lng: 127.3 },
    });
  });

  it('mutes nothing when the data fails its schema', () => {
    expect(mutedBy(new URL('http://x/?level=4'), { features: 'nope' })).toEqual([]);
  });
});

describe('the item page path', () => {
  it('round-trips an id, and reads nothing from other paths', () => {
    expect(routeIdOf(routePath('tumen-crossing-to-yanbian'))).toBe('tumen-crossing-to-yanbian');
    expect(routeIdOf('/routes/abc/')).toBe('abc');
    expect(routeIdOf('/about')).toBeNull();
    expect(routeIdOf('/routes/%E0%A4%A')).toBeNull();
  });

  it('reads the Korean page of an item, and writes one for a Korean map (issue 16)', () => {
    expect(routePath('tumen-crossing-to-yanbian', 'ko')).toBe('/ko/routes/tumen-crossing-to-yanbian');
    expect(routeIdOf(routePath('tumen-crossing-to-yanbian', 'ko'))).toBe('tumen-crossing-to-yanbian');
    expect(routeIdOf('/ko/routes/abc/')).toBe('abc');
    expect(routeIdOf('/ko')).toBeNull();
    expect(routeIdOf('/kor/routes/abc')).toBeNull();
  });
});

describe('the map in the page language (issue 16)', () => {
  const textFields = (lang: 'en' | 'ko') =>
    atlasMapInit({ theme: 'light', interactive: true, cooperativeGestures: false, lang, text: mapText(lang) })
      .style.layers.flatMap((l) => ('layout' in l && l.layout && 'text-field' in l.layout ? [JSON.stringify(l.layout['text-field'])] : []))
      .filter((f) => f.includes('name_'));

  it('labels places and items with their Korean names on a Korean page, English names otherwise', () => {
    expect(textFields('ko').length).toBeGreaterThan(0);
    for (const f of textFields('ko')) expect(f).toContain('"name_ko"');
    for (const f of textFields('en')) expect(f).not.toContain('name_ko');
  });

  it("gives MapLibre its control strings in the page's language", () => {
    const ko = atlasMapInit({ theme: 'light', interactive: true, cooperativeGestures: false, lang: 'ko', text: mapText('ko') }).locale;
    const en = atlasMapInit({ theme: 'light', interactive: true, cooperativeGestures: false, lang: 'en', text: mapText('en') }).locale;
    expect(ko['NavigationControl.ZoomIn']).toBe('확대');
    expect(en['NavigationControl.ZoomIn']).toBe('Zoom in');
  });
});
