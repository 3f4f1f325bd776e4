// The root of every page: language, system fonts (no web fonts are fetched), and per-request
// rendering, which the CSP nonce needs (proxy.ts): a static page would carry a stale nonce. The
// palette's colours come first, as CSS custom properties every stylesheet reads.
import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { PaletteStyle } from '@/components/palette-style';
import { UI_COLORS } from '@/lib/palette/palette';
import { explorer as t } from '@/lib/strings';
import './globals.css';

export const metadata: Metadata = {
  title: t.appName,
  description: t.appDescription,
  applicationName: t.appName,
  formatDetection: { telephone: false, address: false, email: false },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: UI_COLORS.light.paper,
  colorScheme: 'light',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request's headers makes every page render per request, as the nonce requires.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html lang="en">
      <head>
        <PaletteStyle nonce={nonce} />
      </head>
      <body>{children}</body>
    </html>
  );
}
