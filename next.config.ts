import fs from 'node:fs';
import type { NextConfig } from 'next';
import { basemapVersion } from './lib/map/basemap-version.mjs';
import { HASHED_GENERATED_SOURCE, IMMUTABLE } from './lib/http/cache-policy';

// The installed maplibre-gl's version pins the URLs its files are served under (lib/map/assets/maplibre-assets.ts).
const maplibreVersion = (JSON.parse(fs.readFileSync('node_modules/maplibre-gl/package.json', 'utf8')) as { version: string }).version;
// The basemap's, built before next build (npm run build), pins its address the same way.
const basemap = basemapVersion();
// The day this build was made, printed on handouts (components/route-handout.tsx). SOURCE_DATE_EPOCH
// (reproducible builds) pins it when set.
const builtOn = new Date(process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) * 1000 : Date.now())
  .toISOString()
  .slice(0, 10);

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // Lets parallel builds (benchmarks, CI experiments) use their own output folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // NEXT_OUTPUT=standalone npm run build: a self-contained server in <distDir>/standalone
  // (node server.js), for containers; the same headers and caching as `npm start` and `next start`.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  env: { NEXT_PUBLIC_MAPLIBRE_VERSION: maplibreVersion, NEXT_PUBLIC_BASEMAP_VERSION: basemap, ATLAS_BUILT_ON: builtOn },
  // The basemap under the address of this build's version never changes: kept for good. Any other
  // address of it (no version, or an older page's) is revalidated each time, as public files are.
  async headers() {
    return [
      {
        source: '/generated/basemap.json',
        has: [{ type: 'query', key: 'v', value: basemap }],
        headers: [{ key: 'Cache-Control', value: IMMUTABLE }],
      },
      // Scripts that esbuild names by their content hash (public/generated/**): a new build gives
      // them new names, so an old name's bytes never change.
      { source: HASHED_GENERATED_SOURCE, headers: [{ key: 'Cache-Control', value: IMMUTABLE }] },
    ];
  },
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3'],
};

export default nextConfig;
