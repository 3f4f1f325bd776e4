// Issue #15 (part 7): crossing and event markers are one symbol each (a disc from the sprite and
// the level's number), so MapLibre's collision keeps them apart at the overview zoom.
import { describe, expect, it } from 'vitest';
import { decodePng } from '../integration/png';
import { markerSpriteFile } from '@/lib/map/marker-sprite';
import {
  INTERACTIVE_LAYERS,
  LAYER_GROUPS,
  MARKER_ICON,
  MARKER_RADIUS,
  MARKER_SPRITE_PATH,
  MARKER_SPRITE_SIZE,
  buildStyle,
  type LayerSpecification,
} from '@/lib/map/style';
import { themedStyle } from '@/lib/map/theme';
import { mapText } from '@/lib/i18n/strings';

const style = buildStyle('/basemap.json', undefined, { lang: 'en', ...mapText('en') });
const layer = (id: string) => style.layers.find((l) => l.id === id) as Extract<LayerSpecification, { type: 'symbol' }>;

describe('the point markers in the style', () => {
  it('are a symbol that takes part in collision and moves aside rather than overlap', () => {
    const point = layer('point');
    expect(point.type).toBe('symbol');
    const layout = point.layout!;
    expect(layout['icon-image']).toBe(MARKER_ICON);
    expect(layout['icon-text-fit']).not.toBe('none');
    expect(layout['text-variable-anchor-offset']).toEqual(expect.arrayContaining(['center', 'top', 'bottom', 'left', 'right']));
    for (const key of ['icon-allow-overlap', 'text-allow-overlap', 'icon-ignore-placement', 'text-ignore-placement'] as const)
      expect(layout[key] ?? false, key).toBe(false);
  });

  it('are placed before every label, and the country names give way to them', () => {
    const symbols = style.layers.filter((l) => l.type === 'symbol').map((l) => l.id);
    // MapLibre places the topmost layer first.
    expect(symbols.at(-1)).toBe('point');
    expect(layer('country-label').layout!['text-variable-anchor-offset']).toBeDefined();
  });

  it('name the sprite by path, and every layer a switch or the pointer uses exists in both themes', () => {
    expect(style.sprite).toBe(MARKER_SPRITE_PATH);
    for (const s of [style, themedStyle(style, 'dark')]) {
      const ids = new Set(s.layers.map((l) => l.id));
      for (const id of [...Object.values(LAYER_GROUPS).flat(), ...INTERACTIVE_LAYERS]) expect(ids.has(id), id).toBe(true);
    }
  });
});

describe('the marker sprite', () => {
  it.each([
    ['markers', 1],
    ['markers@2x', 2],
  ])('%s indexes one SDF disc at its pixel ratio, in a PNG of that size', (name, ratio) => {
    const json = markerSpriteFile(`${name}.json`)!;
    expect(json.contentType).toMatch(/^application\/json/);
    const size = MARKER_SPRITE_SIZE * ratio;
    expect(JSON.parse(json.body as string)).toEqual({
      [MARKER_ICON]: { x: 0, y: 0, width: size, height: size, pixelRatio: ratio, sdf: true },
    });

    const png = markerSpriteFile(`${name}.png`)!;
    expect(png.contentType).toBe('image/png');
    const image = decodePng(Buffer.from(png.body as Uint8Array));
    expect([image.width, image.height]).toEqual([size, size]);
    const alpha = (x: number, y: number) => image.pixel(x, y)[3];
    // Opaque inside the disc, MapLibre's SDF edge (0.75) on its rim, fading out beyond, empty in the corners.
    expect(alpha(size / 2, size / 2)).toBe(255);
    expect(alpha(Math.round(size / 2 + MARKER_RADIUS * ratio), size / 2)).toBeGreaterThan(170);
    expect(alpha(Math.round(size / 2 + MARKER_RADIUS * ratio), size / 2)).toBeLessThan(210);
    expect(alpha(0, 0)).toBe(0);
  });

  it('has no other files', () => {
    for (const name of ['markers.svg', 'markers@3x.png', '../markers.json', 'other.json']) expect(markerSpriteFile(name), name).toBeNull();
  });
});
