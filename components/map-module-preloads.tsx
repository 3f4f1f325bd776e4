// The <link rel="modulepreload"> tags of a map page: maplibre-gl and one map bundle with the
// chunks it imports, so the browser fetches and compiles them while it parses the page. Real
// elements, not react-dom's preloadModule(): called from a server component, that only reaches
// the RSC payload as a hint, which the browser reads at hydration, after the map has started.
// A function returning the tags rather than a component, because next/head (the embed and tour
// frames) keeps only the tags it is handed directly. Each carries the response's CSP nonce.
import type { MapBundle } from '@/lib/map/assets/bundles';
import { MAPLIBRE_SCRIPT_URL } from '@/lib/map/maplibre-urls';

export function mapModulePreloads(bundle: MapBundle, nonce: string | undefined) {
  return [MAPLIBRE_SCRIPT_URL, bundle.url, ...bundle.imports].map((url) => <link key={url} rel="modulepreload" href={url} nonce={nonce} />);
}
