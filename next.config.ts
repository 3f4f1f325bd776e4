import fs from 'node:fs';
import type { NextConfig } from 'next';

// The installed maplibre-gl's version pins the URLs its files are served under (lib/maplibre-assets.ts).
const maplibreVersion = (JSON.parse(fs.readFileSync('node_modules/maplibre-gl/package.json', 'utf8')) as { version: string }).version;

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // Lets parallel builds (benchmarks, CI experiments) use their own output folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  env: { NEXT_PUBLIC_MAPLIBRE_VERSION: maplibreVersion },
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3'],
};

export default nextConfig;
