// Names maplibre-gl in the page's <head> (<link rel="modulepreload">), so the browser fetches and
// compiles the map library alongside the app's own scripts instead of after hydration. A server
// component: the link carries this response's CSP nonce, which only the server knows.
import { headers } from 'next/headers';
import { preloadModule } from 'react-dom';
import { MAPLIBRE_SCRIPT_URL } from '@/lib/maplibre-urls';

export async function MaplibrePreload(): Promise<null> {
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  preloadModule(MAPLIBRE_SCRIPT_URL, { as: 'script', nonce });
  return null;
}
