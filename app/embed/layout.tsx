// /embed and /embed/{id}: frames for other sites' pages (lib/security-headers.ts lets only these
// be framed). No site chrome: each page is the map, its key, its title and its credits.
import type { Metadata } from 'next';
import type { ReactNode } from 'react';

export const metadata: Metadata = {
  // The full pages are the ones to find; their canonical links point there too.
  robots: { index: false, follow: true },
};

export default function EmbedLayout({ children }: { children: ReactNode }) {
  // Each page's frame (components/embed-frame.tsx) starts its own map (MaplibrePreload).
  return children;
}
