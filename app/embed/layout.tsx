// /embed and /embed/{id}: frames for other sites' pages (lib/security-headers.ts lets only these
// be framed). No site chrome: each page is the map, its key, its title and its credits.
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { MaplibrePreload } from '@/components/maplibre-preload';

export const metadata: Metadata = {
  // The full pages are the ones to find; their canonical links point there too.
  robots: { index: false, follow: true },
};

export default function EmbedLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <MaplibrePreload />
      {children}
    </>
  );
}
