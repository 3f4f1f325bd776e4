// Starts maplibre-gl before the app's own scripts have run. Two things go into the HTML:
// - <link rel="modulepreload"> in the <head>, so the browser fetches and compiles the library
//   (and, on a map page, the boot module) alongside the app's chunks, and on a map page a
//   <link rel="preload" as="fetch"> for the map's data, which the inline script's fetch takes;
// - a small inline script (lib/map/boot.ts) that, as soon as the parser reaches it,
//   imports it and starts its web worker (prewarm), and, given a `boot` config, creates the map
//   through the boot module (lib/map/boot-module.ts) without waiting for React to hydrate;
//   components/atlas-map.tsx imports the same URL, gets the same module instance, and adopts
//   that map.
// A server component: both carry this response's CSP nonce, which only the server knows.
import { headers } from 'next/headers';
import { preload, preloadModule } from 'react-dom';
import { mapBootScript, type MapBootConfig } from '@/lib/map/boot';
import { mapBootModuleUrl } from '@/lib/map/boot-module';
import { MAPLIBRE_SCRIPT_URL, MAPLIBRE_WORKER_URL } from '@/lib/map/maplibre-urls';

export async function MaplibrePreload({ boot = null }: { boot?: MapBootConfig | null }) {
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  const bootUrl = mapBootModuleUrl();
  preloadModule(MAPLIBRE_SCRIPT_URL, { as: 'script', nonce });
  if (boot) {
    preloadModule(bootUrl, { as: 'script', nonce });
    // The boot script's fetch of the map's data, started from the <head> instead of when the
    // parser reaches the script: the same request (CORS mode, same-origin credentials, no extra
    // headers), so the browser hands the preloaded answer to that fetch.
    preload(boot.dataUrl, { as: 'fetch', crossOrigin: 'anonymous' });
  }
  const script = mapBootScript({ script: MAPLIBRE_SCRIPT_URL, worker: MAPLIBRE_WORKER_URL, boot: bootUrl }, boot);
  // A classic script: it runs when the parser reaches it, not after the whole document (see mapBootScript).
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />;
}
