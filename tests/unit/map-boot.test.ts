// Issue #6: the inline script that starts the map before React hydrates (lib/map-boot.ts).
import { describe, expect, it } from 'vitest';
import { DEFAULT_BOUNDS, FIT_MARGIN, FIT_MAX_ZOOM } from '@/lib/map-style';
import { BOOT_DATA_URL, fitPadding, mapBootConfig, mapBootScript } from '@/lib/map-boot';

const settings = { theme: 'light', interactive: true, cooperativeGestures: false } as const;

describe('mapBootScript', () => {
  it('only warms maplibre-gl up when the page starts no map', () => {
    const script = mapBootScript('/m.mjs', '/w.mjs', null);
    expect(script).toContain('import("/m.mjs")');
    expect(script).toContain('setWorkerUrl("/w.mjs")');
    expect(script).not.toContain('__atlasBoot');
    expect(() => new Function(script)).not.toThrow();
  });

  it('writes a script that parses, carries the config, and gives up on a hash or another data version', () => {
    const config = mapBootConfig(settings, '"v1"', { bounds: DEFAULT_BOUNDS, keyPadding: 'explorer' });
    const script = mapBootScript('/m.mjs', '/w.mjs', config);
    expect(() => new Function(script)).not.toThrow();
    expect(script).toContain(JSON.stringify(BOOT_DATA_URL));
    expect(script).toContain("res.headers.get('etag') !== c.etag");
    expect(script).toContain('!location.hash');
    expect(config).toMatchObject({ etag: '"v1"', bounds: DEFAULT_BOUNDS, boundsBySlug: {}, fitMargin: FIT_MARGIN, fitMaxZoom: FIT_MAX_ZOOM, keyPadding: 'explorer' });
    // The atlas source starts empty: the script fills it with what it fetched.
    expect(config.init.style.sources[config.init.atlasSource]).toMatchObject({ type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  });

  it('cannot be closed early by text in the config', () => {
    const config = mapBootConfig(settings, '"</script><script>alert(1)</script>"', { bounds: DEFAULT_BOUNDS, keyPadding: null });
    const script = mapBootScript('/m.mjs', '/w.mjs', config);
    expect(script.toLowerCase()).not.toContain('</script');
    expect(() => new Function(script)).not.toThrow();
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
