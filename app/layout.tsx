// The root of every page: language (from the address, via proxy.ts), system fonts (no web fonts
// are fetched), and per-request rendering, which the CSP nonce needs (proxy.ts): a static page
// would carry a stale nonce. The palette's colours come first, as CSS custom properties every
// stylesheet reads. Each page names its own language alternates (hreflang) in its metadata: a
// layout's metadata is not rendered again on in-app navigation, so it cannot know the page's path.
import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { PaletteStyle } from '@/components/palette-style';
import { LocaleProvider } from '@/lib/i18n/client';
import { LOCALE_TAGS } from '@/lib/i18n/locales';
import { clientMessages } from '@/lib/i18n/client-strings';
import { MESSAGES } from '@/lib/i18n/messages';
import { requestLocale } from '@/lib/i18n/server';
import { stringsFor } from '@/lib/i18n/strings';
import { UI_COLORS } from '@/lib/palette/palette';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = stringsFor(await requestLocale()).explorer;
  return {
    title: t.appName,
    description: t.appDescription,
    applicationName: t.appName,
    formatDetection: { telephone: false, address: false, email: false },
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
        <LocaleProvider locale={locale} messages={clientMessages(MESSAGES[locale])}>
          {children}
        </LocaleProvider>
      </body>
    </html>
  );
}
