// <head> metadata that makes a shared link unfurl: Open Graph and Twitter card with the still
// image, and the oEmbed discovery link. Called from generateMetadata of the pages.
import type { Metadata } from 'next';
import type { RouteDetail } from './api-schema';
import { appOrigin } from './app-origin';
import { SHARE_STRINGS } from './strings/cards';
import { STILL_SIZES } from './still-image-sizes';
import { RISK_LEVELS } from '@/geo/vocabulary';

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

function shareMetadata(origin: string, pagePath: string, title: string, description: string, imagePath: string, imageAlt: string): Metadata {
  const image = { url: `${origin}${imagePath}`, width: STILL_SIZES.social.width, height: STILL_SIZES.social.height, alt: imageAlt, type: 'image/png' };
  return {
    metadataBase: new URL(origin),
    title,
    description,
    alternates: {
      canonical: `${origin}${pagePath}`,
      types: { [OEMBED_TYPE]: [{ url: oembedHref(origin, pagePath), title }] },
    },
    openGraph: { type: 'website', siteName: SHARE_STRINGS.appName, title, description, url: `${origin}${pagePath}`, images: [image], locale: 'en' },
    twitter: { card: 'summary_large_image', title, description, images: [image] },
  };
}

/** Metadata for /routes/{slug}. `origin` defaults to APP_ORIGIN (or http://localhost:PORT). */
export function routeMetadata(detail: RouteDetail, origin: string = appOrigin()): Metadata {
  const risk = RISK_LEVELS[detail.level];
  const title = `${detail.name.en} · ${SHARE_STRINGS.appName}`;
  const description = clip(`${detail.summary} ${risk.en} ${SHARE_STRINGS.riskSuffix}.`);
  const where = detail.corridor.name.en === detail.name.en ? '' : ` (${detail.corridor.name.en})`;
  const imageAlt = `Map of ${detail.name.en}${where}, drawn at ${risk.en.toLowerCase()} risk, with its sources.`;
  return shareMetadata(origin, `/routes/${detail.id}`, title, description, `/routes/${detail.id}/image.png?size=social`, imageAlt);
}

/** Metadata for the explorer (/), whose image shows every route. */
export function explorerMetadata(origin: string = appOrigin()): Metadata {
  const title = `${SHARE_STRINGS.allRoutesTitle} · ${SHARE_STRINGS.appName}`;
  return shareMetadata(origin, '/', title, SHARE_STRINGS.appDescription, '/image.png?size=social', `Map of ${SHARE_STRINGS.allRoutesTitle.toLowerCase()}, coloured by risk.`);
}
