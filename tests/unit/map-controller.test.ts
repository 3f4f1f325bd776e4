// Issue 15: the one map module. The controller turns a view into feature-state by difference,
// on a map that stands in for MapLibre's (the calls it receives are what is checked); the
// address reader gives the map module the same view the explorer's React state derives.
import { describe, expect, it } from 'vitest';
import { AtlasMapController, EMPTY_VIEW, featureStatesOf, uidsByItem, type ControllerOptions, type Maplibre } from '@/lib/map/controller';
import { addressView } from '@/lib/map/view-checks';
import { atlasMapInit } from '@/lib/map/settings';
import { routeIdOf, routePath } from '@/lib/view/paths';
import { buildMapCollection } from '@/lib/data/queries';
import { loadAtlas } from '@/geo/load';
import { mapText } from '@/lib/i18n/strings';

type Handler = (...args: unknown[]) => void;

/** A MapLibre map reduced to what the controller calls, recording feature-state and layout changes. */
class FakeMap {
  readonly calls: string[] = [];
  readonly states = new Map<string, Record<string, boolean>>();
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
  getSource = () => (this.sourceReady ? { setData: () => this.calls.push('setData') } : undefined);
  getLayer = () => ({});
  getLayoutProperty = (id: string) => this.visibility.get(id);
  setLayoutProperty = (id: string, _: string, value: string) => {
    this.visibility.set(id, value);
    this.calls.push(`layout ${id} ${value}`);
  };
  setFeatureState = ({ id }: { id: string }, state: Record<string, boolean>) => {
    this.states.set(id, { ...this.states.get(id), ...state });
    this.calls.push(`state ${id} ${JSON.stringify(state)}`);
  };
  isSourceLoaded = () => true;
  remove = () => this.calls.push('remove');
}

function makeController(data: unknown, view = EMPTY_VIEW) {
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
    init: atlasMapInit({ theme: 'light', interactive: true, cooperativeGestures: false, lang: 'en', text: mapText('en') }),
    data,
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
const index = uidsByItem(collection);
const [first, second] = [...index.keys()];

describe('the map controller', () => {
  it('indexes feature uids by item, ignoring features without them', () => {
    expect(index.get(first)!.length).toBeGreaterThan(0);
    expect(uidsByItem({ features: [{ properties: {} }, { properties: { item: 'a', uid: 'route:a' } }] })).toEqual(
      new Map([['a', ['route:a']]]),
    );
    expect(uidsByItem(null).size).toBe(0);
  });

  it('maps a view to the uids each state is true on; a stage only when the data draws it', () => {
    const stageUid = index.get(first)!.find((u) => u.startsWith('stage:'));
    const stage = stageUid?.split(':')[2] ?? null;
    const states = featureStatesOf({ ...EMPTY_VIEW, selected: first, hovered: second, muted: [second], stage }, index);
    expect([...states.selected]).toEqual(index.get(first));
    expect([...states.hover]).toEqual(index.get(second));
    expect([...states.muted]).toEqual(index.get(second));
    expect([...states.stage]).toEqual(stageUid ? [stageUid] : []);
    expect([...featureStatesOf({ ...EMPTY_VIEW, selected: first, stage: 'no-such-stage' }, index).stage]).toEqual([]);
  });

  it('draws the starting view once the style has its sources, before any frame', () => {
    const { map } = makeController(collection, { ...EMPTY_VIEW, muted: [second] });
    expect(map.calls).toEqual([]);
    map.sourceReady = true;
    map.fire('styledata');
    for (const uid of index.get(second)!) expect(map.states.get(uid)).toEqual({ muted: true });
    expect(map.states.get(index.get(first)![0])).toBeUndefined();
  });

  it('changes only what a new view changes', () => {
    const { controller, map } = makeController(collection, { ...EMPTY_VIEW, selected: first });
    map.sourceReady = true;
    map.fire('styledata');
    map.calls.length = 0;
    controller.setView({ selected: first, hovered: null });
    expect(map.calls).toEqual([]);
    controller.setView({ selected: second });
    expect(map.calls.filter((c) => c.includes('"selected":false'))).toHaveLength(index.get(first)!.length);
    expect(map.calls.filter((c) => c.includes('"selected":true'))).toHaveLength(index.get(second)!.length);
    map.calls.length = 0;
    controller.setView({ layers: { routes: false, points: true, zones: true } });
    expect(map.calls.every((c) => c.startsWith('layout ') && c.endsWith(' none'))).toBe(true);
    expect(map.calls.length).toBeGreaterThan(0);
    map.calls.length = 0;
    controller.setView({ layers: { routes: false, points: true, zones: true } });
    expect(map.calls).toEqual([]);
  });

  it('sends data only when it is another collection, and keeps the view on it', () => {
    const { controller, map } = makeController(collection, { ...EMPTY_VIEW, selected: first });
    map.sourceReady = true;
    map.fire('styledata');
    map.calls.length = 0;
    controller.setData(collection);
    expect(map.calls).toEqual([]);
    const copy = structuredClone(collection);
    controller.setData(copy);
    expect(map.calls).toEqual(['setData']);
    expect(controller.currentData).toBe(copy);
  });

  it('removes its map once, and does nothing after', () => {
    const { controller, map } = makeController(collection);
    controller.remove();
    controller.remove();
    controller.setView({ selected: first });
    expect(map.calls).toEqual(['remove']);
  });
});

describe('addressView: what an explorer address asks the map to show', () => {
  const item = [...index.keys()][0];
  it('selects the item in the path and the stage in the query, and mutes what the filters leave out', () => {
    const view = addressView(new URL(`http://x${routePath(item)}?stage=s1&level=4`), collection);
    expect(view.selected).toBe(item);
    expect(view.stage).toBe('s1');
    const levels = new Map(
      collection.features.filter((f) => f.properties.kind !== 'stage').map((f) => [f.properties.item, f.properties.level]),
    );
    expect(view.muted.length).toBeGreaterThan(0);
    for (const id of view.muted) expect(levels.get(id)).not.toBe(4);
    for (const [id, level] of levels) if (level !== 4) expect(view.muted).toContain(id);
  });

  it('selects nothing for an item the data lacks, and reads the camera from the hash', () => {
    const view = addressView(new URL('http://x/routes/no-such-item#5.5/41.2/127.3'), collection);
    expect(view).toEqual({ selected: null, stage: null, muted: [], camera: { zoom: 5.5, lat: 41.2, lng: 127.3 } });
  });

  it('mutes nothing when the data fails its schema', () => {
    expect(addressView(new URL('http://x/?level=4'), { features: 'nope' }).muted).toEqual([]);
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
