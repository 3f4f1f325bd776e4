// The root of every page: language (from the address, via proxy.ts), system fonts (no web fonts
// are fetched), and per-request rendering, which the CSP nonce needs (proxy.ts): a static page
// would carry a stale nonce. The palette's colours come first, as CSS custom properties every
// stylesheet reads.
import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { PaletteStyle } from '@/components/palette-style';
import { LocaleProvider } from '@/lib/i18n/client';
import { DEFAULT_LOCALE, LOCALE_TAGS, LOCALES, PATH_HEADER, localeHref } from '@/lib/i18n/locales';
import { requestLocale } from '@/lib/i18n/server';
import { stringsFor } from '@/lib/i18n/strings';
import { UI_COLORS } from '@/lib/palette/palette';
import { appOrigin } from '@/lib/share/app-origin';
import './globals.css';

/** The page's path without its locale (proxy.ts), for the other languages' addresses. */
async function plainPath(): Promise<string> {
  const path = (await headers()).get(PATH_HEADER) ?? '/';
  return path.startsWith('/') ? path : '/';
}

export async function generateMetadata(): Promise<Metadata> {
  const locale = await requestLocale();
  const t = stringsFor(locale).explorer;
  const origin = appOrigin();
  const path = await plainPath();
  const languages = Object.fromEntries(LOCALES.map((l) => [LOCALE_TAGS[l].lang, `${origin}${localeHref(l, path)}`]));
  return {
    title: t.appName,
    description: t.appDescription,
    applicationName: t.appName,
    formatDetection: { telephone: false, address: false, email: false },
    // Pages that share (the explorer, a route) name their alternates with their canonical address.
    alternates: { languages: { ...languages, 'x-default': `${origin}${localeHref(DEFAULT_LOCALE, path)}` } },
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: UI_COLORS.light.paper,
  colorScheme: 'light',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request's headers makes every page render per request, as the nonce requires.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  const locale = await requestLocale();
  return (
    <html lang={LOCALE_TAGS[locale].lang}>
      <head>
        <PaletteStyle nonce={nonce} />
      </head>
      <body>
        <LocaleProvider locale={locale}>{children}</LocaleProvider>
      </body>
    </html>
  );
}
