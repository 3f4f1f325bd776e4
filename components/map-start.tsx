// What a map page puts in its HTML so that the map starts before the app: in the <head>,
// modulepreloads for maplibre-gl and the map module (with the chunks it imports), and the module
// script itself (lib/map/explorer-map.ts, built by scripts/build-map-bundles.mjs; React hoists an
// async script there); right before the map's container, the module's JSON config. The module
// makes the map as soon as the parser has made the container, and the library and the
// stylesheets are in. The React host (components/atlas-map.tsx) imports the same URL and adopts
// that map.
// A server component: the tags carry this response's CSP nonce, which only the server knows.
import { headers } from 'next/headers';
import { mapModulePreloads } from './map-module-preloads';
import { mapBundle } from '@/lib/map/assets/bundles';
import { EXPLORER_CONFIG_ID, scriptJson, type ExplorerMapConfig } from '@/lib/map/settings';

export async function MapStart({ config }: { config: ExplorerMapConfig }) {
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  const bundle = mapBundle('atlas-map');
  // No `<link rel=preload as=fetch>` for the map's data: in Chromium that request stayed open for
  // about 30 s before being aborted (so `networkidle` waited for it), and now and then the module's
  // fetch did not take its answer and asked again. The module asks as soon as it runs.
  return (
    <>
      {mapModulePreloads(bundle, nonce)}
      <script type="application/json" id={EXPLORER_CONFIG_ID} dangerouslySetInnerHTML={scriptJson(config)} />
      <script type="module" async src={bundle.url} nonce={nonce} />
    </>
  );
}
