// Issue #6: the embed pages (pages/embed/) against a real seeded SQLite file: their props, what
// they render, and what they tell the embed's script (lib/embed/client.ts). The script's work in
// a browser is tested end to end (tests/e2e/embed.spec.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GetServerSidePropsContext } from 'next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bbox } from '@/geo/geometry';
import { disconnectPrisma, getPrisma } from '@/lib/data/db';
import type { EmbedPageProps } from '@/lib/embed/page';
import { mapBundle } from '@/lib/map/assets/bundles';
import { EMBED_CONFIG_ID, type EmbedClientConfig } from '@/lib/map/settings';
import { getMapCollection } from '@/lib/data/queries';
import type { MapFeatureCollection } from '@/lib/data/api-schema';
import * as itemPage from '@/pages/embed/[slug]';
import * as allPage from '@/pages/embed/index';
import { seed } from '@/prisma/seed';
import { copyGeo, freshDatabase } from './test-db';
import { mapText } from '@/lib/i18n/strings';

let collection: MapFeatureCollection;

beforeAll(async () => {
  await freshDatabase('embed-pages');
  await seed(getPrisma(), { dir: copyGeo('embed-pages') });
  collection = await getMapCollection();
});
afterAll(disconnectPrisma);

type Page = typeof itemPage | typeof allPage;

/** Run a page's getServerSideProps as Next would, and render it. */
async function load(page: Page, query: Record<string, string>, params: Record<string, string> = {}, nonce: string | null = 'abc123') {
  const req = { headers: nonce ? { 'x-nonce': nonce } : {} } as unknown as IncomingMessage;
  const res = { statusCode: 200 } as ServerResponse;
  const result = await page.getServerSideProps({
    params,
    query: { ...query, ...params },
    req,
    res,
    resolvedUrl: '/embed',
  } as unknown as GetServerSidePropsContext<Record<string, string>>);
  if (!('props' in result)) throw new Error('expected props');
  const props = (await result.props) as EmbedPageProps;
  const html = renderToStaticMarkup(createElement(page.default, props));
  return { status: res.statusCode, props, html };
}

/** The config the page hands its script, read back out of the HTML as the script reads it. */
function clientConfig(html: string): EmbedClientConfig {
  const json = new RegExp(`<script type="application/json" id="${EMBED_CONFIG_ID}">(.*?)</script>`).exec(html)?.[1];
  expect(json, 'the config element').toBeDefined();
  return JSON.parse(json!) as EmbedClientConfig;
}

const featuresOf = (item: string) => collection.features.filter((f) => f.properties.item === item);
const routeWithStages = () => {
  const counts = new Map<string, number>();
  for (const f of collection.features)
    if (f.properties.kind === 'stage') counts.set(f.properties.item, (counts.get(f.properties.item) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
};

describe('the embed pages', () => {
  it('ship no Next.js or React script: their config opts out of the runtime', () => {
    expect(itemPage.config.unstable_runtimeJS).toBe(false);
    expect(allPage.config.unstable_runtimeJS).toBe(false);
  });

  it('/embed/{id} emphasises every feature of its item and fits its bounds', async () => {
    const slug = routeWithStages();
    const { status, props, html } = await load(itemPage, {}, { slug });
    expect(status).toBe(200);
    const config = clientConfig(html);
    expect(config).toEqual(props.frame!.client);
    expect(config.view).toEqual({ selected: slug, muted: [], stage: null });
    // The frame's language travels with the map's settings (issue 16).
    expect(config.settings).toEqual({ theme: 'light', interactive: true, cooperativeGestures: true, lang: 'en', text: mapText('en') });
    // The script and the libraries it preloads carry the request's CSP nonce.
    const script = mapBundle('embed-client');
    expect(script.url).toMatch(/^\/generated\/map\/embed-client-[A-Z0-9]{8}\.js$/);
    expect(html).toContain(`<script type="module" async="" src="${script.url}" nonce="abc123">`);
    expect(html).toContain('data-testid="embed-legend"');
    expect(html).toContain(`href="/routes/${slug}"`);
  });

  it('?stage= marks that stage, fits it and names it under the title; a stage it lacks is ignored', async () => {
    const slug = routeWithStages();
    const line = featuresOf(slug)
      .filter((f) => f.properties.kind === 'stage')
      .at(-1)!;
    const { props, html } = await load(itemPage, { stage: line.properties.stage!, theme: 'dark', legend: '0', interactive: '0' }, { slug });
    const config = clientConfig(html);
    expect(config.view.stage).toEqual(line.properties.stage);
    expect(config.bounds).toEqual(bbox(line.geometry as GeoJSON.Geometry));
    expect(props.frame!.subtitle).toMatch(/^Stage \d+: /);
    expect(config.settings).toEqual({ theme: 'dark', interactive: false, cooperativeGestures: false, lang: 'en', text: mapText('en') });
    expect(config.legend).toBe(false);
    expect(html).not.toContain('data-testid="embed-legend"');
    expect(html).toContain('The map is a still view');

    const other = await load(itemPage, { stage: 'no-such-stage' }, { slug });
    expect(clientConfig(other.html).view.stage).toBeNull();
    expect(other.props.frame!.subtitle).toBeNull();
  });

  it('an unknown or malformed id answers 404 with a note in the frame, and no script', async () => {
    for (const slug of ['no-such-route', '../etc', 'A'.repeat(300)]) {
      const { status, props, html } = await load(itemPage, {}, { slug });
      expect(status).toBe(404);
      expect(props.frame).toBeNull();
      expect(html).toContain('data-testid="embed-not-found"');
      expect(html).not.toContain('<script');
    }
  });

  it('/embed dims what the link’s filters leave out, and only that', async () => {
    const { html } = await load(allPage, { level: '4' });
    const muted = new Set(clientConfig(html).view.muted);
    expect(muted.size).toBeGreaterThan(0);
    for (const f of collection.features) {
      const level = collection.features.find((g) => g.properties.item === f.properties.item && g.properties.kind !== 'stage')?.properties
        .level;
      expect(muted.has(f.properties.item), `${f.properties.item} (level ${level})`).toBe(level !== 4);
    }
    expect(html).toContain('href="/?level=4"');
    expect(clientConfig((await load(allPage, {})).html).view.muted).toEqual([]);
  });

  it('without a nonce from the proxy, no script claims one', async () => {
    const { html } = await load(allPage, {}, {}, null);
    expect(html).not.toContain('nonce=');
  });
});
