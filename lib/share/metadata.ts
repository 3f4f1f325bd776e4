// <head> metadata that makes a shared link unfurl: Open Graph and Twitter card with the still
// image, and the oEmbed discovery link. Called from generateMetadata of the pages.
import type { Metadata } from 'next';
import type { RouteDetail } from '../data/api-schema';
import { appOrigin } from './app-origin';
import { localizeDetail } from '../i18n/content';
import { DEFAULT_LOCALE, LOCALE_TAGS, LOCALES, localeHref, type Locale } from '../i18n/locales';
import { stringsFor } from '../i18n/strings';
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
  /** The page's language, and the same page's address in every language (hreflang). */
  locale: Locale;
  alternates: Record<Locale, string>;
}

/** A page's address in every language, keyed by hreflang (the same for every language's page). */
function languageAddresses(origin: string, plainPath: string): Record<Locale, string> {
  return Object.fromEntries(LOCALES.map((l) => [l, `${origin}${localeHref(l, plainPath)}`])) as Record<Locale, string>;
}

/**
 * The canonical address and hreflang alternates of a page that shares nothing else (/about,
 * /sources): in each page's own metadata, since the root layout's is not rendered again when the
 * visitor moves between pages inside the app.
 */
export function pageAlternates(plainPath: string, locale: Locale, origin: string = appOrigin()): NonNullable<Metadata['alternates']> {
  const addresses = languageAddresses(origin, plainPath);
  return {
    canonical: addresses[locale],
    languages: { ...hreflangOf(addresses), 'x-default': addresses[DEFAULT_LOCALE] },
  };
}

/** hreflang keys (LOCALE_TAGS) for addresses by locale. */
function hreflangOf(addresses: Record<Locale, string>): Record<string, string> {
  return Object.fromEntries(LOCALES.map((l) => [LOCALE_TAGS[l].lang, addresses[l]]));
}

function shareMeta(
  origin: string,
  locale: Locale,
  plainPath: string,
  title: string,
  description: string,
  imagePath: string,
  imageAlt: string,
): ShareMeta {
  const pagePath = localeHref(locale, plainPath);
  return {
    title,
    description,
    url: `${origin}${pagePath}`,
    locale,
    alternates: languageAddresses(origin, plainPath),
    oembed: { type: OEMBED_TYPE, href: oembedHref(origin, pagePath) },
    image: {
      url: `${origin}${localeHref(locale, imagePath)}`,
      width: STILL_SIZES.social.width,
      height: STILL_SIZES.social.height,
      alt: imageAlt,
      type: 'image/png',
    },
    siteName: stringsFor(locale).cards.appName,
  };
}

/** Next's Metadata for a ShareMeta: Open Graph, Twitter card, canonical and oEmbed links. */
export function toMetadata(m: ShareMeta): Metadata {
  const { title, description, url, image } = m;
  return {
    metadataBase: new URL(new URL(url).origin),
    title,
    description,
    alternates: {
      canonical: url,
      languages: { ...hreflangOf(m.alternates), 'x-default': m.alternates[DEFAULT_LOCALE] },
      types: { [m.oembed.type]: [{ url: m.oembed.href, title }] },
    },
    openGraph: {
      type: 'website',
      siteName: m.siteName,
      title,
      description,
      url,
      images: [image],
      locale: LOCALE_TAGS[m.locale].og,
      alternateLocale: LOCALES.filter((l) => l !== m.locale).map((l) => LOCALE_TAGS[l].og),
    },
    twitter: { card: 'summary_large_image', title, description, images: [image] },
  };
}

/** What /routes/{slug} (and its embed) shares. `origin` defaults to APP_ORIGIN (or http://localhost:PORT). */
export function routeShareMeta(english: RouteDetail, origin: string = appOrigin(), locale: Locale = DEFAULT_LOCALE): ShareMeta {
  const detail = localizeDetail(english, locale);
  const cards = stringsFor(locale).cards;
  const risk = RISK_LEVELS[detail.level];
  const name = detail.name[locale];
  const corridor = detail.corridor.name[locale];
  const title = `${name} · ${cards.appName}`;
  const where = corridor === name ? '' : ` (${corridor})`;
  const description = clip(`${detail.summary} ${riskPhrase(detail.level, locale)}.`);
  const level = locale === 'en' ? risk.en.toLowerCase() : risk[locale];
  const imageAlt = cards.routeImageAlt(`${name}${where}`, level);
  return shareMeta(origin, locale, `/routes/${detail.id}`, title, description, `/routes/${detail.id}/image.png?size=social`, imageAlt);
}

/** What the explorer (/) (and the all-routes embed) shares: its image shows every route. */
export function explorerShareMeta(origin: string = appOrigin(), locale: Locale = DEFAULT_LOCALE): ShareMeta {
  const cards = stringsFor(locale).cards;
  const title = `${cards.allRoutesTitle} · ${cards.appName}`;
  return shareMeta(origin, locale, '/', title, cards.appDescription, '/image.png?size=social', cards.allRoutesImageAlt);
}

/** Metadata for /routes/{slug}. */
export function routeMetadata(detail: RouteDetail, origin?: string, locale?: Locale): Metadata {
  return toMetadata(routeShareMeta(detail, origin, locale));
}

/** Metadata for the explorer (/). */
export function explorerMetadata(origin?: string, locale?: Locale): Metadata {
  return toMetadata(explorerShareMeta(origin, locale));
}
