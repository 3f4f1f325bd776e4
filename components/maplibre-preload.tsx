// Starts maplibre-gl before the app's own scripts have run. Two things go into the HTML:
// - <link rel="modulepreload"> in the <head>, so the browser fetches and compiles the library
//   alongside the app's chunks;
// - a small inline module script (lib/map-boot.ts) that, as soon as the document is parsed,
//   imports it and starts its web worker (prewarm), and, given a `boot` config, creates the map
//   itself without waiting for React to hydrate; components/atlas-map.tsx imports the same URL,
//   gets the same module instance, and adopts that map.
// A server component: both carry this response's CSP nonce, which only the server knows.
import { headers } from 'next/headers';
import { preloadModule } from 'react-dom';
import { mapBootScript, type MapBootConfig } from '@/lib/map-boot';
import { MAPLIBRE_SCRIPT_URL, MAPLIBRE_WORKER_URL } from '@/lib/maplibre-urls';

export async function MaplibrePreload({ boot = null }: { boot?: MapBootConfig | null }) {
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  preloadModule(MAPLIBRE_SCRIPT_URL, { as: 'script', nonce });
  return <script type="module" nonce={nonce} dangerouslySetInnerHTML={{ __html: mapBootScript(MAPLIBRE_SCRIPT_URL, MAPLIBRE_WORKER_URL, boot) }} />;
}
