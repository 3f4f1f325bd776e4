// Issue #4: an embed's options are read from its query with safe fallbacks (a snippet pasted years
// ago must still show a map), and the dialog writes them back in the shortest form.
import { describe, expect, it } from 'vitest';
import { DEFAULT_EMBED_OPTIONS, embedUrl, parseEmbedOptions } from '@/lib/embed/options';
import { buildStyle } from '@/lib/map/style';
import { themedStyle } from '@/lib/map/theme';
import { EMPTY_FILTERS } from '@/lib/view/view-state';
import { mapText } from '@/lib/i18n/strings';

const parse = (query: string) => parseEmbedOptions(new URLSearchParams(query));

describe('parseEmbedOptions', () => {
  it('gives the defaults for an empty query', () => {
    expect(parse('')).toEqual(DEFAULT_EMBED_OPTIONS);
    expect(DEFAULT_EMBED_OPTIONS).toMatchObject({ interactive: true, legend: true, theme: 'light', stage: null, lang: 'en' });
  });

  it('reads every option', () => {
    expect(parse('interactive=0&legend=0&theme=dark&stage=river&lang=en')).toEqual({
      interactive: false,
      legend: false,
      theme: 'dark',
      stage: 'river',
      lang: 'en',
      filters: EMPTY_FILTERS,
    });
  });

  it('falls back to the default for each bad value, keeping the good ones', () => {
    expect(parse('interactive=no&legend=0&theme=purple&stage=../../x&lang=xx')).toEqual({ ...DEFAULT_EMBED_OPTIONS, legend: false });
    expect(parse('interactive=&theme=')).toEqual(DEFAULT_EMBED_OPTIONS);
    // Korean is a language of the atlas (issue 16); one it does not speak is English.
    expect(parse('lang=ko').lang).toBe('ko');
    expect(parse('lang=ja').lang).toBe('en');
  });

  it('ignores unknown options', () => {
    expect(parse('foo=bar&interactive=0&utm_source=x')).toEqual({ ...DEFAULT_EMBED_OPTIONS, interactive: false });
  });

  it('reads a repeated option by its first value', () => {
    expect(parse('theme=dark&theme=light').theme).toBe('dark');
  });

  it('accepts Next.js searchParams records, arrays included', () => {
    expect(parseEmbedOptions({ interactive: ['0', '1'], legend: undefined, theme: 'dark' })).toMatchObject({
      interactive: false,
      legend: true,
      theme: 'dark',
    });
  });

  it('reads the explorer filters with the explorer codec', () => {
    const o = parse('level=4,3&hazard=gunfire,nonsense&to=kr,2015&from=2011');
    expect(o.filters).toEqual({ levels: [3, 4], hazards: ['gunfire'], to: ['KR'], q: '', years: { from: 2011, to: 2015 } });
  });
});

describe('embedUrl', () => {
  it('leaves defaults out', () => {
    expect(embedUrl({ slug: null })).toBe('/embed');
    expect(embedUrl({ slug: 'tumen-crossing-to-yanbian', options: DEFAULT_EMBED_OPTIONS })).toBe('/embed/tumen-crossing-to-yanbian');
  });

  it('treats an undefined option as its default', () => {
    expect(embedUrl({ slug: null, options: { filters: undefined, theme: undefined } })).toBe('/embed');
  });

  it('writes the options, the stage of an item and the camera', () => {
    const url = embedUrl({
      slug: 'tumen-crossing-to-yanbian',
      options: { interactive: false, legend: false, theme: 'dark', stage: 'river' },
      hash: '#6.5/42.1/129.8',
    });
    expect(url).toBe('/embed/tumen-crossing-to-yanbian?stage=river&interactive=0&legend=0&theme=dark#6.5/42.1/129.8');
  });

  it('drops a stage from the all-routes embed but keeps its filters', () => {
    const url = embedUrl({ slug: null, options: { stage: 'river', filters: { ...EMPTY_FILTERS, levels: [3, 4], q: 'tumen river' } } });
    expect(url).toBe('/embed?level=3,4&q=tumen+river');
  });

  it('round-trips through parseEmbedOptions', () => {
    const options = { interactive: false, legend: true, theme: 'dark', stage: 'river', lang: 'en', filters: EMPTY_FILTERS } as const;
    const url = new URL(embedUrl({ slug: 'x-y', options }), 'http://atlas.invalid');
    expect(parseEmbedOptions(url.searchParams)).toEqual(options);
  });
});

describe('themedStyle', () => {
  it('leaves the light style as it is', () => {
    const style = buildStyle(undefined, undefined, { lang: 'en', ...mapText('en') });
    expect(themedStyle(style, 'light')).toBe(style);
  });

  it('darkens the basemap but not the atlas layers, whose colours carry the risk key', () => {
    const light = buildStyle(undefined, undefined, { lang: 'en', ...mapText('en') });
    const dark = themedStyle(light, 'dark');
    const paint = (style: typeof light, id: string) => JSON.stringify(style.layers.find((l) => l.id === id)!.paint);
    expect(paint(dark, 'background')).not.toBe(paint(light, 'background'));
    expect(paint(dark, 'country-fill')).not.toBe(paint(light, 'country-fill'));
    for (const id of ['stage-line', 'point', 'zone-fill', 'route-approximate']) expect(paint(dark, id)).toBe(paint(light, id));
    // The atlas's names turn light on a dark halo; their emphasis (opacity) stays.
    for (const id of ['route-label', 'zone-label', 'point-label']) {
      const [before, after] = [light, dark].map((s) => s.layers.find((l) => l.id === id)!.paint as Record<string, unknown>);
      expect(after['text-color'], id).not.toEqual(before['text-color']);
      expect(after['text-halo-color'], id).not.toEqual(before['text-halo-color']);
      expect(after['text-opacity'], id).toEqual(before['text-opacity']);
    }
    expect(dark.layers.map((l) => l.id)).toEqual(light.layers.map((l) => l.id));
  });
});
