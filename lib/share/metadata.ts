// <head> metadata that makes a shared link unfurl: Open Graph and Twitter card with the still
// image, and the oEmbed discovery link. Called from generateMetadata of the pages.
import type { Metadata } from 'next';
import type { RouteDetail } from '../data/api-schema';
import { appOrigin } from './app-origin';
import { SHARE_STRINGS } from '../strings/cards';
import { STILL_SIZES } from '../still/sizes';
import { RISK_LEVELS, riskPhrase } from '@/geo/vocabulary';

const OEMBED_TYPE = 'application/json+oembed';

function oembedHref(origin: string, pagePath: string): string {
  return `${origin}/api/oembed?${new URLSearchParams({ url: `${origin}${pagePath}`, format: 'json' })}`;
}

/** Unfurls read one or two sentences; longer summaries are cut at a word. */
function clip(text: string, max = 200): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

/**
 * What a page tells link unfurlers, as plain data (it crosses from server to page props): the
 * App Router pages turn it into Next's Metadata (toMetadata), the embed pages, which render
 * their own <head>, into tags (components/embed-frame.tsx).
 */
export interface ShareMeta {
  title: string;
  description: string;
  /** The page's own address (canonical, og:url). */
  url: string;
  /** The oEmbed discovery link. */
  oembed: { type: typeof OEMBED_TYPE; href: string };
  image: { url: string; width: number; height: number; alt: string; type: 'image/png' };
  siteName: string;
}

function shareMeta(origin: string, pagePath: string, title: string, description: string, imagePath: string, imageAlt: string): ShareMeta {
  return {
    title,
    description,
    url: `${origin}${pagePath}`,
    oembed: { type: OEMBED_TYPE, href: oembedHref(origin, pagePath) },
    image: {
      url: `${origin}${imagePath}`,
      width: STILL_SIZES.social.width,
      height: STILL_SIZES.social.height,
      alt: imageAlt,
      type: 'image/png',
    },
    siteName: SHARE_STRINGS.appName,
  };
}

/** Next's Metadata for a ShareMeta: Open Graph, Twitter card, canonical and oEmbed links. */
export function toMetadata(m: ShareMeta): Metadata {
  const { title, description, url, image } = m;
  return {
    metadataBase: new URL(new URL(url).origin),
    title,
    description,
    alternates: { canonical: url, types: { [m.oembed.type]: [{ url: m.oembed.href, title }] } },
    openGraph: { type: 'website', siteName: m.siteName, title, description, url, images: [image], locale: 'en' },
    twitter: { card: 'summary_large_image', title, description, images: [image] },
  };
}

/** What /routes/{slug} (and its embed) shares. `origin` defaults to APP_ORIGIN (or http://localhost:PORT). */
export function routeShareMeta(detail: RouteDetail, origin: string = appOrigin()): ShareMeta {
  const risk = RISK_LEVELS[detail.level];
  const title = `${detail.name.en} · ${SHARE_STRINGS.appName}`;
  const description = clip(`${detail.summary} ${riskPhrase(detail.level)}.`);
  const where = detail.corridor.name.en === detail.name.en ? '' : ` (${detail.corridor.name.en})`;
  const imageAlt = `Map of ${detail.name.en}${where}, drawn in the colour of its level (${risk.en.toLowerCase()}), with its sources.`;
  return shareMeta(origin, `/routes/${detail.id}`, title, description, `/routes/${detail.id}/image.png?size=social`, imageAlt);
}

/** What the explorer (/) (and the all-routes embed) shares: its image shows every route. */
export function explorerShareMeta(origin: string = appOrigin()): ShareMeta {
  const title = `${SHARE_STRINGS.allRoutesTitle} · ${SHARE_STRINGS.appName}`;
  return shareMeta(
    origin,
    '/',
    title,
    SHARE_STRINGS.appDescription,
    '/image.png?size=social',
    `Map of ${SHARE_STRINGS.allRoutesTitle.toLowerCase()}, coloured by risk.`,
  );
}

/** Metadata for /routes/{slug}. */
export function routeMetadata(detail: RouteDetail, origin?: string): Metadata {
  return toMetadata(routeShareMeta(detail, origin));
}

/** Metadata for the explorer (/). */
export function explorerMetadata(origin?: string): Metadata {
  return toMetadata(explorerShareMeta(origin));
}
