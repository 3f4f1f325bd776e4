// Starts maplibre-gl before the app's own scripts have run. Two things go into the HTML:
// - <link rel="modulepreload"> in the <head>, so the browser fetches and compiles the library
//   alongside the app's chunks;
// - a small inline module script that, as soon as the document is parsed, imports it and
//   starts its web worker (prewarm): the worker then fetches and compiles its own 500 kB while
//   React hydrates, instead of after. components/atlas-map.tsx imports the same URL, gets the
//   same module instance, and finds the worker ready.
// A server component: both carry this response's CSP nonce, which only the server knows.
import { headers } from 'next/headers';
import { preloadModule } from 'react-dom';
import { MAPLIBRE_SCRIPT_URL, MAPLIBRE_WORKER_URL } from '@/lib/maplibre-urls';

/** The inline script's text: fixed strings only (JSON-quoted), nothing from the request. */
export const WARM_MAPLIBRE_SCRIPT = `import(${JSON.stringify(MAPLIBRE_SCRIPT_URL)}).then((m) => { m.setWorkerUrl(${JSON.stringify(MAPLIBRE_WORKER_URL)}); m.prewarm(); }, () => {});`;

export async function MaplibrePreload() {
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  preloadModule(MAPLIBRE_SCRIPT_URL, { as: 'script', nonce });
  return <script type="module" nonce={nonce} dangerouslySetInnerHTML={{ __html: WARM_MAPLIBRE_SCRIPT }} />;
}
