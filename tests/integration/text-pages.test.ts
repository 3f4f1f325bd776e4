// The text side against a real seeded SQLite file: every item's page links each passage to its
// source, archive page or a title search; /sources lists every text with what it supports;
// /about carries the method, the scale and the credits; /api/export downloads the whole atlas
// with its citations. With the database down, the pages still render and say so.
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import AboutPage from '@/app/about/page';
import { GET as getExport } from '@/app/api/export/route';
import SourcesPage from '@/app/sources/page';
import { RouteDetailPanel } from '@/components/route-detail';
import { allCitations } from '@/geo/atlas';
import { loadAtlas } from '@/geo/load';
import { HAZARDS, RISK_LEVELS } from '@/geo/vocabulary';
import { ApiError } from '@/lib/data/api-schema';
import { AtlasExport } from '@/lib/data/atlas-export';
import { textFragmentUrl, titleSearchUrl } from '@/lib/data/citation-links';
import { disconnectPrisma, getPrisma } from '@/lib/data/db';
import { getRouteDetail } from '@/lib/data/queries';
import { seed } from '@/prisma/seed';
import { LocaleProvider } from '@/lib/i18n/client';
import { clientMessages } from '@/lib/i18n/client-strings';
import { MESSAGES } from '@/lib/i18n/messages';
import { copyGeo, freshDatabase, tempDir, useDatabase } from './test-db';

/** A page as the root layout serves it in English: inside the locale's provider (its language switch reads it). */
const renderPage = (page: ReactElement) =>
  renderToStaticMarkup(createElement(LocaleProvider, { locale: 'en', messages: clientMessages(MESSAGES.en), children: page }));

let url: string;
let geo: string;

beforeAll(async () => {
  ({ url } = await freshDatabase('text'));
  geo = copyGeo('text');
  await seed(getPrisma(), { dir: geo });
});
afterAll(disconnectPrisma);

const decode = (s: string) =>
  s.replace(
    /&(amp|lt|gt|quot|#x27|#39);/g,
    (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'" })[e] ?? '',
  );
const text = (html: string) => decode(html.replace(/<[^>]+>/g, ''));
function links(html: string): Record<string, string>[] {
  return [...html.matchAll(/<a ([^>]*)>/g)].map((m) =>
    Object.fromEntries([...m[1].matchAll(/([a-zA-Z-]+)="([^"]*)"/g)].map(([, k, v]) => [k, decode(v)])),
  );
}

describe('every item page', () => {
  it('links each quoted passage to its source at the passage, its archive page, or a title search', async () => {
    const atlas = loadAtlas(geo);
    const sources = new Map(atlas.sources.map((s) => [s.id, s]));
    for (const f of atlas.features) {
      const detail = (await getRouteDetail(f.properties.id))!;
      const html = renderToStaticMarkup(createElement(RouteDetailPanel, { detail }));
      const citations = allCitations(atlas).filter((c) => c.feature === f.properties.id);
      const external = links(html).filter((a) => a.target === '_blank');
      expect(external, f.properties.id).toHaveLength(citations.length);
      external.forEach((a, i) => {
        const { quote, source: id } = citations[i];
        const source = sources.get(id)!;
        const archive = source.partOf ? sources.get(source.partOf)!.url : null;
        expect(a.rel).toBe('noopener noreferrer');
        if (source.url) expect(a.href).toBe(textFragmentUrl(source.url, quote));
        else if (archive) expect(a.href).toBe(textFragmentUrl(archive, quote));
        else expect(a.href).toBe(titleSearchUrl(source.title));
      });
      // The passage appears letter for letter.
      for (const c of citations) expect(text(html)).toContain(c.quote.replace(/\s+/g, ' '));
      expect(text(html).includes('Approximate geometry')).toBe(f.properties.precision === 'approximate');
    }
  });
});

describe('/sources', () => {
  it('lists every source, the archive posts after their archive, each passage linked to the item it supports', async () => {
    const html = renderPage(await SourcesPage());
    const atlas = loadAtlas(geo);
    const positions = atlas.sources.map((s) => html.indexOf(`id="source-${s.id}"`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    const archive = atlas.sources.find((s) => atlas.sources.some((p) => p.partOf === s.id))!;
    for (const post of atlas.sources.filter((s) => s.partOf === archive.id)) {
      expect(html.indexOf(`id="source-${post.id}"`)).toBeGreaterThan(html.indexOf(`id="source-${archive.id}"`));
      expect(html.indexOf(`id="source-${post.id}"`)).toBeLessThan(html.indexOf('</section>', html.indexOf(`id="source-${archive.id}"`)));
    }
    const hrefs = new Set(links(html).map((a) => a.href));
    const pageText = text(html);
    for (const c of allCitations(atlas)) {
      expect(hrefs.has(`/routes/${c.feature}`)).toBe(true);
      expect(pageText).toContain(c.quote.replace(/\s+/g, ' '));
    }
    // Fair Observer has no verified address: a search, and no invented link to the site.
    expect(html).not.toMatch(/href="https?:\/\/(www\.)?fairobserver\.com/);
    for (const a of links(html).filter((l) => l.target === '_blank')) expect(a.rel).toBe('noopener noreferrer');
  });
});

describe('/about', () => {
  it('explains the method, the four risk levels, the hazards and precision, and credits the five texts', async () => {
    const html = renderPage(await AboutPage());
    const pageText = text(html);
    for (const level of [1, 2, 3, 4] as const) expect(pageText).toContain(RISK_LEVELS[level].description);
    for (const h of Object.values(HAZARDS)) expect(pageText).toContain(h.description);
    expect(pageText).toContain('not a guide');
    // Issue #20: what the map does where the documents are silent.
    expect(pageText).toContain('How we read the sources');
    for (const phrase of [
      'labelled approximate',
      'has no point on the map',
      '“the sources report none”, never “low risk”',
      '“as reported in”',
    ])
      expect(pageText).toContain(phrase);
    expect(pageText).toContain('CC BY 4.0');
    expect(pageText).toContain('Natural Earth');
    expect(links(html).some((a) => a.href === '/api/export')).toBe(true);
    const texts = loadAtlas(geo).sources.filter((s) => !s.partOf);
    expect(texts).toHaveLength(5);
    for (const s of texts) {
      expect(pageText).toContain(s.title);
      if (s.author) expect(pageText).toContain(s.author);
    }
  });
});

describe('GET /api/export', () => {
  it('downloads every item with its stages and citations as GeoJSON', async () => {
    const res = await getExport(new Request('http://atlas.test/api/export'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="escape-atlas.geojson"');
    const body = AtlasExport.parse(await res.json());
    const atlas = loadAtlas(geo);
    const items = body.features.filter((f) => f.properties.kind !== 'stage');
    expect(items.map((f) => f.id)).toEqual(atlas.features.map((f) => f.properties.id));
    const embedded = JSON.stringify(items);
    for (const c of allCitations(atlas)) expect(embedded).toContain(JSON.stringify(c.quote));
    expect(body.sources.map((s) => s.id)).toEqual(atlas.sources.map((s) => s.id));

    const again = await getExport(new Request('http://atlas.test/api/export', { headers: { 'If-None-Match': res.headers.get('etag')! } }));
    expect(again.status).toBe(304);
  });
});

describe('with the database down', () => {
  it('still renders /sources and /about with a notice, and the export answers 503 with a message', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await useDatabase(`file:${tempDir('text-missing')}/missing/atlas.db`);
    try {
      expect(renderPage(await SourcesPage())).toContain('role="alert"');
      expect(text(renderPage(await AboutPage()))).toContain('The risk scale');
      const res = await getExport(new Request('http://atlas.test/api/export'));
      expect(res.status).toBe(503);
      expect(ApiError.parse(await res.json()).error).toBe('unavailable');
    } finally {
      error.mockRestore();
      await useDatabase(url);
    }
  });
});
