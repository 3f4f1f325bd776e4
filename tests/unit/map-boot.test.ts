// Issue #6: what starts the map before React hydrates (lib/map/boot.ts): the inline script and
// the boot module it imports (lib/map/boot-module.ts), run here as the browser would import it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { holdAppStart, startAppAfterMap } from '@/lib/map/app-start-gate';
import { DEFAULT_BOUNDS, FIT_MARGIN, FIT_MAX_ZOOM } from '@/lib/map/style';
import {
  BOOT_DATA_URL,
  fitPadding,
  mapBootConfig,
  mapBootScript,
  stylesheetsLoaded,
  type MapBoot,
  type MapBootConfig,
} from '@/lib/map/boot';
import { mapBootModule, mapBootModuleUrl, serveMapBootModule } from '@/lib/map/boot-module';

const settings = { theme: 'light', interactive: true, cooperativeGestures: false } as const;
const URLS = { script: '/m.mjs', worker: '/w.mjs', boot: '/b.mjs' };

describe('mapBootScript', () => {
  it('only warms maplibre-gl up when the page starts no map', () => {
    const script = mapBootScript(URLS, null);
    expect(script).toContain('import("/m.mjs")');
    expect(script).toContain('setWorkerUrl("/w.mjs")');
    expect(script).not.toContain('__atlasBoot');
    expect(() => new Function(script)).not.toThrow();
  });

  it('starts the map through the boot module, fetching the data alongside, unless the address has a hash', () => {
    const config = mapBootConfig(settings, '"v1"', { bounds: DEFAULT_BOUNDS, keyPadding: 'explorer' });
    const script = mapBootScript(URLS, config);
    expect(() => new Function(script)).not.toThrow();
    expect(script).toContain('import("/b.mjs")');
    expect(script).toContain(`fetch(c.dataUrl`);
    expect(script).toContain('!location.hash');
    expect(config).toEqual({
      settings,
      dataUrl: BOOT_DATA_URL,
      etag: '"v1"',
      bounds: DEFAULT_BOUNDS,
      boundsBySlug: {},
      keyPadding: 'explorer',
    });
    // It holds the app's start until the map has drawn (lib/map/app-start-gate.ts): that part must
    // run before the page's last script, so it is inline.
    expect(script).toContain(holdAppStart.toString());
    expect(script).toContain(startAppAfterMap.toString());
    expect(script).toContain('"live":["data-atlas-owner","react"]');
    // Otherwise small: the style and the map's code live in the cached module, not in every page.
    expect(script.length - holdAppStart.toString().length - startAppAfterMap.toString().length).toBeLessThan(1500);
  });

  it('cannot be closed early by text in the config', () => {
    const config = mapBootConfig(settings, '"</script><script>alert(1)</script>"', { bounds: DEFAULT_BOUNDS, keyPadding: null });
    const script = mapBootScript(URLS, config);
    expect(script.toLowerCase()).not.toContain('</script');
    expect(() => new Function(script)).not.toThrow();
  });
});

describe('the boot module', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'map-boot-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  type Start = (maplibre: unknown, el: unknown, config: MapBootConfig, res: Response) => Promise<MapBoot | null>;
  async function load(): Promise<{ start: Start }> {
    const file = path.join(dir, 'map-boot.mjs');
    fs.writeFileSync(file, mapBootModule().body);
    return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { start: Start };
  }

  /** A stand-in for maplibre-gl that keeps the options each map was made with, and the feature-states set on it once its style is in. */
  function fakeMaplibre() {
    const made: Array<Record<string, unknown>> = [];
    const states: Array<[string, Record<string, boolean>]> = [];
    const pending = new Map<string, () => void>();
    class FakeMap {
      touchZoomRotate = { disableRotation() {} };
      keyboard = { disableRotation() {} };
      constructor(options: Record<string, unknown>) {
        made.push(options);
      }
      on() {}
      once(type: string, fn: () => void) {
        pending.set(type, fn);
      }
      setFeatureState(target: { source: string; id: string }, state: Record<string, boolean>) {
        if (!pending.has('done')) throw new Error('feature-state set before the style has its sources');
        states.push([target.id, state]);
      }
    }
    /** MapLibre's `styledata`: the style's sources exist from here on. */
    const styleLoaded = () => {
      pending.set('done', () => {});
      pending.get('styledata')?.();
    };
    return { maplibre: { Map: FakeMap }, made, states, styleLoaded };
  }

  const el = { clientWidth: 1280, clientHeight: 800, dataset: {} as Record<string, string> };
  // The page's window: the boot module leaves the map it made on it (window.__atlas).
  const page: { __atlas?: { map: unknown } } = {};
  Object.assign(globalThis, { window: page });
  afterAll(() => {
    delete (globalThis as { document?: unknown }).document;
    delete (globalThis as { window?: unknown }).window;
  });
  const feature = (uid: string, item: string) => ({
    type: 'Feature',
    properties: { uid, item },
    geometry: { type: 'Point', coordinates: [129, 42] },
  });
  const data = { type: 'FeatureCollection', features: [feature('one', 'one'), feature('stage:one:river', 'one'), feature('two', 'two')] };
  const answer = (etag: string) => new Response(JSON.stringify(data), { headers: { etag, 'content-type': 'application/json' } });

  it('makes the map from the fetched data, fitted to the item the address names', async () => {
    const { start } = await load();
    const { maplibre, made, states, styleLoaded } = fakeMaplibre();
    const config = mapBootConfig({ theme: 'dark', interactive: false, cooperativeGestures: false }, '"v1"', {
      bounds: DEFAULT_BOUNDS,
      boundsBySlug: { one: [128, 41, 130, 43] },
      keyPadding: null,
    });
    Object.assign(globalThis, { location: { pathname: '/routes/one', search: '?stage=river' } });
    // A stylesheet still loading: the map waits for it (its container has no size before).
    const sheet = fakeLink();
    Object.assign(globalThis, { document: fakeDocument([sheet], 'loading') });
    const started = start(maplibre, el, config, answer('"v1"'));
    await new Promise((r) => setTimeout(r, 20));
    expect(made).toHaveLength(0);
    sheet.fire('load');
    const boot = await started;
    expect(boot).not.toBeNull();
    expect(made).toHaveLength(1);
    const options = made[0] as {
      style: { sources: Record<string, { data: unknown }> };
      bounds: unknown;
      fitBoundsOptions: unknown;
      interactive: boolean;
    };
    expect(options.style.sources.atlas.data).toEqual(data);
    expect(options.bounds).toEqual([128, 41, 130, 43]);
    expect(options.fitBoundsOptions).toEqual({
      padding: { top: FIT_MARGIN, right: FIT_MARGIN, bottom: FIT_MARGIN, left: FIT_MARGIN },
      maxZoom: FIT_MAX_ZOOM,
    });
    expect(options.interactive).toBe(false);
    expect(el.dataset.atlasData).toBe('true');
    expect(page.__atlas?.map).toBe(boot!.map);
    // The item drawn selected and the named stage lit, as AtlasMap would draw them.
    styleLoaded();
    expect(states).toEqual([
      ['one', { selected: true }],
      ['stage:one:river', { selected: true }],
      ['stage:one:river', { stage: true }],
    ]);
  });

  it('selects nothing on the list, and lights no stage the data does not draw', async () => {
    const { start } = await load();
    for (const [pathname, search, selected] of [
      ['/', '?stage=river', []],
      ['/routes/one', '?stage=sea', ['one', 'stage:one:river']],
      ['/routes/gone', '', []],
    ] as const) {
      const { maplibre, states, styleLoaded } = fakeMaplibre();
      const config = mapBootConfig(settings, '"v1"', {
        bounds: DEFAULT_BOUNDS,
        boundsBySlug: { one: [128, 41, 130, 43] },
        keyPadding: null,
      });
      Object.assign(globalThis, { location: { pathname, search }, document: fakeDocument([], 'interactive') });
      expect(await start(maplibre, el, config, answer('"v1"'))).not.toBeNull();
      styleLoaded();
      expect(states).toEqual(selected.map((uid) => [uid, { selected: true }]));
    }
  });

  it('makes no map when the data is another version than the page', async () => {
    const { start } = await load();
    const { maplibre, made } = fakeMaplibre();
    const config = mapBootConfig(settings, '"v1"', { bounds: DEFAULT_BOUNDS, keyPadding: null });
    Object.assign(globalThis, { location: { pathname: '/' } });
    expect(await start(maplibre, el, config, answer('"v2"'))).toBeNull();
    expect(made).toHaveLength(0);
  });

  it('is served immutable under its own version, revalidated under any other', () => {
    const url = mapBootModuleUrl();
    const pinned = serveMapBootModule(new Request(`http://localhost${url}`));
    expect(pinned.headers.get('cache-control')).toContain('immutable');
    expect(pinned.headers.get('content-type')).toMatch(/^text\/javascript/);
    const other = serveMapBootModule(new Request('http://localhost/map-boot.mjs?v=old'));
    expect(other.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
  });
});

/** A <link rel=stylesheet> stand-in: `sheet` is set when it loads. */
function fakeLink(loaded = false) {
  const listeners = new Map<string, () => void>();
  return {
    sheet: loaded ? {} : null,
    addEventListener: (type: string, fn: () => void) => listeners.set(type, fn),
    fire(type: 'load' | 'error') {
      if (type === 'load') this.sheet = {};
      listeners.get(type)?.();
    },
  };
}

function fakeDocument(links: unknown[], readyState: DocumentReadyState) {
  const listeners = new Map<string, () => void>();
  return {
    readyState,
    querySelectorAll: () => links,
    addEventListener: (type: string, fn: () => void) => listeners.set(type, fn),
    fire: (type: string) => listeners.get(type)?.(),
  };
}

describe('stylesheetsLoaded', () => {
  afterAll(() => {
    delete (globalThis as { document?: unknown }).document;
  });
  const settled = async (p: Promise<unknown>) => Promise.race([p.then(() => true), new Promise((r) => setTimeout(() => r(false), 20))]);

  it('resolves at once when every sheet is in, and waits for one still loading', async () => {
    Object.assign(globalThis, { document: fakeDocument([fakeLink(true)], 'loading') });
    expect(await settled(stylesheetsLoaded())).toBe(true);
    const late = fakeLink();
    Object.assign(globalThis, { document: fakeDocument([fakeLink(true), late], 'loading') });
    const waiting = stylesheetsLoaded();
    expect(await settled(waiting)).toBe(false);
    late.fire('error'); // a failed sheet does not hold the map back either
    expect(await settled(waiting)).toBe(true);
  });

  it('falls back to the parsed document for a sheet that failed before it looked', async () => {
    const doc = fakeDocument([fakeLink()], 'loading');
    Object.assign(globalThis, { document: doc });
    const waiting = stylesheetsLoaded();
    expect(await settled(waiting)).toBe(false);
    doc.fire('DOMContentLoaded');
    expect(await settled(waiting)).toBe(true);
    Object.assign(globalThis, { document: fakeDocument([fakeLink()], 'interactive') });
    expect(await settled(stylesheetsLoaded())).toBe(true);
  });
});

describe('fitPadding', () => {
  const box = (w: number, h: number) => ({ clientWidth: w, clientHeight: h }) as HTMLElement;

  it('leaves the full margin in a big map, plus the extra room asked for', () => {
    expect(fitPadding(box(1280, 800), 48, { left: 300 })).toEqual({ top: 48, right: 48, bottom: 48, left: 348 });
  });

  it('leaves less in a small map, so MapLibre can still fit', () => {
    expect(fitPadding(box(240, 135), 48, {})).toEqual({ top: 16, right: 16, bottom: 16, left: 16 });
  });
});
