// Where the app serves maplibre-gl's two ES modules (lib/map/assets/maplibre-assets.ts serves them): safe
// for the browser bundle. The version is the installed one, read by next.config.ts at build
// time; it pins the URLs, so the files can be cached for good.
export const MAPLIBRE_VERSION = process.env.NEXT_PUBLIC_MAPLIBRE_VERSION ?? 'unknown';
/** The library: a native import() in components/atlas-map.tsx, a modulepreload in the <head>. */
export const MAPLIBRE_SCRIPT_URL = `/maplibre-gl.mjs?v=${MAPLIBRE_VERSION}`;
/** Its web worker (setWorkerUrl): maplibre-gl 6 is ESM-only and cannot inline it. */
export const MAPLIBRE_WORKER_URL = `/maplibre-gl-worker.mjs?v=${MAPLIBRE_VERSION}`;
