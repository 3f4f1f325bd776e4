// The root of every page: language, system fonts (no web fonts are fetched), and per-request
// rendering, which the CSP nonce needs (proxy.ts): a static page would carry a stale nonce.
import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
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
  themeColor: '#ffffff',
  colorScheme: 'light',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
