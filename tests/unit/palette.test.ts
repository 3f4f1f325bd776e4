// Issue #15 (part 3): every colour is written once, in lib/palette/palette.ts, and the map style,
// the still images, the swatches and the CSS all derive theirs from it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RISK_LEVELS, RISK_LEVEL_VALUES } from '@/geo/vocabulary';
import { buildStyle, type LayerSpecification } from '@/lib/map/style';
import { themedStyle } from '@/lib/map/theme';
import { cssProperties, paletteCss } from '@/lib/palette/css-properties';
import { MAP_COLORS, RISK_COLORS, STILL_COLORS, UI_COLORS, svgDashArray } from '@/lib/palette/palette';
import { PALETTE as STILL_PALETTE } from '@/lib/still/image';
import { mapText } from '@/lib/i18n/strings';

const ROOT = path.resolve(__dirname, '../..');
const stylesheets = [
  'app/globals.css',
  ...['app', 'components'].flatMap((dir) =>
    fs
      .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.module.css'))
      .map((f) => path.join(dir, f)),
  ),
];
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

const paint = (layers: LayerSpecification[], id: string, property: string): unknown => {
  const layer = layers.find((l) => l.id === id);
  return layer && 'paint' in layer ? (layer.paint as Record<string, unknown>)[property] : undefined;
};

describe('the palette as CSS custom properties', () => {
  it('names every UI colour, map colour and risk level, light on :root and dark under data-theme', () => {
    const light = cssProperties(UI_COLORS.light, MAP_COLORS.light);
    expect(light).toMatchObject({
      '--ink': UI_COLORS.light.ink,
      '--ink-soft': UI_COLORS.light.inkSoft,
      '--paper-soft': UI_COLORS.light.paperSoft,
      '--map-sea': MAP_COLORS.light.sea,
      '--map-land-north-korea': MAP_COLORS.light.landNorthKorea,
    });
    for (const level of RISK_LEVEL_VALUES) expect(light[`--risk-${level}`]).toBe(RISK_LEVELS[level].color);

    const css = paletteCss();
    const [root, dark] = css.split('\n');
    expect(root.startsWith(':root{')).toBe(true);
    expect(root).toContain(`--ink:${UI_COLORS.light.ink};`);
    expect(dark.startsWith("[data-theme='dark']{")).toBe(true);
    expect(dark).toContain(`--paper:${UI_COLORS.dark.paper};`);
    expect(dark).toContain(`--map-sea:${MAP_COLORS.dark.sea};`);
    // Nothing in it can end the <style> element it is rendered into.
    expect(css).not.toMatch(/[<>]/);
  });

  it('every custom property a stylesheet reads is one the palette sets', () => {
    const defined = new Set([
      ...Object.keys(cssProperties(UI_COLORS.light, MAP_COLORS.light)),
      ...Object.keys(cssProperties(UI_COLORS.dark, MAP_COLORS.dark)),
    ]);
    const ownLayout = new Set(['--font', '--panel-width']);
    for (const file of stylesheets) {
      const used = [...read(file).matchAll(/var\((--[a-z0-9-]+)/g)].map((m) => m[1]);
      for (const name of used) expect(defined.has(name) || ownLayout.has(name), `${file} reads ${name}`).toBe(true);
    }
  });

  it('no stylesheet writes a colour of its own', () => {
    expect(stylesheets.length).toBeGreaterThan(5);
    for (const file of stylesheets) {
      const css = read(file).replace(/\/\*[\s\S]*?\*\//g, '');
      expect(css.match(/#[0-9a-fA-F]{3,8}\b|\brgba?\(|\bhsla?\(/g), file).toBeNull();
    }
  });
});

describe('one palette for the map and its still images', () => {
  const light = buildStyle('/basemap.json', undefined, { lang: 'en', ...mapText('en') }).layers;
  const dark = themedStyle(buildStyle('/basemap.json', undefined, { lang: 'en', ...mapText('en') }), 'dark').layers;

  it('draws the still images with the live map’s sea, land, river and borders', () => {
    expect(STILL_PALETTE).toBe(STILL_COLORS);
    expect(paint(light, 'background', 'background-color')).toBe(STILL_PALETTE.sea);
    expect(paint(light, 'river', 'line-color')).toBe(STILL_PALETTE.river);
    expect(paint(light, 'border', 'line-color')).toBe(STILL_PALETTE.border);
    expect(JSON.stringify(paint(light, 'country-fill', 'fill-color'))).toContain(`"${STILL_PALETTE.land}"`);
  });

  it('takes both themes’ basemap colours and the risk colours from the palette', () => {
    expect(paint(dark, 'background', 'background-color')).toBe(MAP_COLORS.dark.sea);
    expect(paint(dark, 'river', 'line-color')).toBe(MAP_COLORS.dark.river);
    const levelColor = JSON.stringify(paint(light, 'stage-line', 'line-color'));
    for (const level of RISK_LEVEL_VALUES) expect(levelColor).toContain(`"${RISK_COLORS[level]}"`);
  });

  it('turns a level’s dash pattern into an SVG dasharray, solid lines into none', () => {
    expect(svgDashArray(1, 4)).toBeUndefined();
    expect(svgDashArray(2, 3)).toBe('12 6');
    expect(svgDashArray(3, 3.5)).toBe('7 3.5 1.8 3.5');
  });
});
