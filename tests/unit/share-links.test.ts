// Issue #4: the pure parts of sharing: link-preview metadata, short-link targets, the rate
// limiter, and the map geometry of the still images.
import { describe, expect, it } from 'vitest';
import type { RouteDetail } from '@/lib/data/api-schema';
import { appOrigin } from '@/lib/share/app-origin';
import { explorerMetadata, routeMetadata } from '@/lib/share/metadata';
import { ViewState, viewTarget } from '@/lib/share/short-view';
import { clipLine, clipRing, fitProjection, simplify, type Pt } from '@/lib/still/svg-map';

const detail: RouteDetail = {
  id: 'tumen-crossing-to-yanbian',
  kind: 'route',
  name: { en: 'Across the Tumen into Yanbian', ko: '두만강을 건너 연변으로' },
  corridor: { id: 'tumen', name: { en: 'Tumen river into China', ko: '두만강' } },
  precision: 'approximate',
  precisionNote: 'The sources name the river, not the place.',
  summary: 'People wade or walk across the Tumen river, frozen in winter, into the Korean-Chinese prefecture of Yanbian.',
  from: 'KP',
  to: 'CN',
  when: null,
  period: { from: '2017-12-09', to: '2020-11-24' },
  undatedSources: 1,
  level: 4,
  bbox: [129.5, 42.3, 129.9, 42.9],
  stages: [],
};

describe('routeMetadata (Open Graph, Twitter, oEmbed discovery)', () => {
  const meta = routeMetadata(detail, 'https://atlas.example');
  it('points the card at the absolute 1200×630 still image of the route', () => {
    expect(meta.openGraph?.images).toEqual([
      expect.objectContaining({
        url: 'https://atlas.example/routes/tumen-crossing-to-yanbian/image.png?size=social',
        width: 1200,
        height: 630,
      }),
    ]);
    expect(meta.twitter).toMatchObject({ card: 'summary_large_image' });
    expect(String(meta.metadataBase)).toBe('https://atlas.example/');
  });
  it('titles and describes the route, with its risk', () => {
    expect(meta.title).toBe('Across the Tumen into Yanbian · Escape Atlas');
    expect(meta.description).toMatch(/^People wade.*Extreme risk\.$/);
  });
  it('links the oEmbed endpoint for this page', () => {
    const link = (meta.alternates?.types?.['application/json+oembed'] as { url: string }[])[0].url;
    const url = new URL(link);
    expect(url.pathname).toBe('/api/oembed');
    expect(url.searchParams.get('url')).toBe('https://atlas.example/routes/tumen-crossing-to-yanbian');
    expect(url.searchParams.get('format')).toBe('json');
  });
  it('gives the explorer the all-routes image', () => {
    expect(explorerMetadata('https://atlas.example').openGraph?.images).toEqual([
      expect.objectContaining({ url: 'https://atlas.example/image.png?size=social' }),
    ]);
  });
  it('describes the all-routes image in the page’s language, naming North Korea as it is written', () => {
    const alt = (locale: 'en' | 'ko') =>
      (explorerMetadata('https://atlas.example', locale).openGraph?.images as { alt?: string }[])[0].alt ?? '';
    expect(alt('en')).toContain('North Korea');
    expect(alt('ko')).toMatch(/^북한 탈출 경로/);
    expect(alt('ko')).not.toMatch(/[A-Za-z]/);
  });
});

describe('appOrigin', () => {
  it('prefers APP_ORIGIN, reduced to its origin', () =>
    expect(appOrigin({ APP_ORIGIN: 'https://atlas.example/some/path' })).toBe('https://atlas.example'));
  it('falls back to localhost on PORT', () => expect(appOrigin({ PORT: '3300' })).toBe('http://localhost:3300'));
  it('ignores an unusable APP_ORIGIN', () => expect(appOrigin({ APP_ORIGIN: 'javascript:alert(1)' })).toBe('http://localhost:3000'));
});

describe('viewTarget', () => {
  const view = ViewState.parse({
    path: '/routes/tumen-crossing-to-yanbian',
    query: { theme: 'dark', stage: 'wading' },
    hash: '#6/42.5/129.7',
  });
  it('rebuilds the deep link from validated parts', () => {
    expect(viewTarget(view, () => true)).toBe('/routes/tumen-crossing-to-yanbian?stage=wading&theme=dark#6/42.5/129.7');
  });
  it('opens the explorer with the notice when the route is gone, dropping its stage', () => {
    expect(viewTarget(view, () => false)).toBe('/?theme=dark&notice=route-removed#6/42.5/129.7');
  });
  it('throws rather than build a link from an unvalidated path', () => {
    expect(() => viewTarget({ path: '//evil.com', query: {}, hash: '' }, () => true)).toThrow();
  });
});

describe('svg-map', () => {
  const frame = { x: 0, y: 0, width: 100, height: 100 };
  it('fits a box into the frame, north up', () => {
    const project = fitProjection([120, 30, 130, 40], frame, 0, 1);
    const [wx, ny] = project([120, 40]);
    const [ex, sy] = project([130, 30]);
    expect(Math.min(wx, ny)).toBeGreaterThanOrEqual(-1e-9);
    expect(Math.max(ex, sy)).toBeLessThanOrEqual(100 + 1e-9);
    expect(ny).toBeLessThan(sy);
    expect(wx).toBeLessThan(ex);
  });
  it('widens a single point to the minimum span instead of dividing by zero', () => {
    const project = fitProjection([127, 38, 127, 38], frame, 0, 4);
    expect(project([127, 38]).map(Math.round)).toEqual([50, 50]);
    expect(Number.isFinite(project.scale)).toBe(true);
  });
  it('clips a ring to the rectangle', () => {
    const ring: Pt[] = [
      [-50, -50],
      [150, -50],
      [150, 150],
      [-50, 150],
    ];
    const clipped = clipRing(ring, frame);
    expect(clipped.every(([x, y]) => x >= 0 && x <= 100 && y >= 0 && y <= 100)).toBe(true);
    expect(clipped).toHaveLength(4);
  });
  it('cuts a line into the runs inside the rectangle', () => {
    const runs = clipLine(
      [
        [-10, 50],
        [50, 50],
        [50, 200],
        [60, 200],
        [60, 50],
      ],
      frame,
    );
    expect(runs).toEqual([
      [
        [0, 50],
        [50, 50],
        [50, 100],
      ],
      [
        [60, 100],
        [60, 50],
      ],
    ]);
  });
  it('simplifies a nearly straight line to its ends', () => {
    expect(
      simplify(
        [
          [0, 0],
          [10, 0.3],
          [20, -0.2],
          [30, 0],
        ],
        0.6,
      ),
    ).toEqual([
      [0, 0],
      [30, 0],
    ]);
    expect(
      simplify(
        [
          [0, 0],
          [10, 5],
          [20, 0],
        ],
        0.6,
      ),
    ).toHaveLength(3);
  });
});
