// The languages of the atlas and where they live in the address. English keeps today's
// addresses; every other locale lives under its own prefix (`/ko`, `/ko/routes/<id>`...).
// Pure and free of zod: shared by the proxy, server components, client components, the embeds
// and the map module (lib/view/paths.ts reads `/ko/routes/<id>` before any validator has loaded).

export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** What `<html lang>`, hreflang and og:locale say for each locale, and how it writes dates (Intl). */
export const LOCALE_TAGS: Record<Locale, { lang: string; og: string; name: string; dates: string }> = {
  en: { lang: 'en', og: 'en_GB', name: 'English', dates: 'en-GB' },
  ko: { lang: 'ko', og: 'ko_KR', name: '한국어', dates: 'ko-KR' },
};

/** The request header the proxy sets from the address (a client cannot choose it: it is overwritten). */
export const LOCALE_HEADER = 'x-atlas-locale';
/** The request header with the address's path without its locale prefix (for hreflang links, and the explorer's layout). */
export const PATH_HEADER = 'x-atlas-path';
/** The request header with the address's query (`?…`, or empty): layouts are not given it otherwise. */
export const QUERY_HEADER = 'x-atlas-query';

/** Whether a value is one of the atlas's locales. */
export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/** Any value to a locale: unknown, missing or malformed values are English. */
export function toLocale(value: unknown): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** `/ko/routes/x` -> { locale: 'ko', path: '/routes/x' }; `/routes/x` -> { locale: 'en', path: '/routes/x' }. */
export function splitLocale(pathname: string): { locale: Locale; path: string } {
  for (const locale of LOCALES) {
    if (locale === DEFAULT_LOCALE) continue;
    const prefix = `/${locale}`;
    if (pathname === prefix || pathname === `${prefix}/`) return { locale, path: '/' };
    if (pathname.startsWith(`${prefix}/`)) return { locale, path: pathname.slice(prefix.length) };
  }
  return { locale: DEFAULT_LOCALE, path: pathname };
}

/** An app-relative href ('/routes/x?level=3#5/40/127') in a locale: `/ko/routes/x?level=3#5/40/127`. */
export function localeHref(locale: Locale, href: string): string {
  if (locale === DEFAULT_LOCALE || !href.startsWith('/')) return href;
  if (href === '/' || /^\/[?#]/.test(href)) return `/${locale}${href.slice(1)}`;
  return `/${locale}${href}`;
}
