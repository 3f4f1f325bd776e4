// Whether a production build is current: `npm start` rebuilds when it is not (so a `git pull`
// followed by `npm start` never serves old code), and the bench uses the same test for its own
// build folder.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What a build is made from: when any of it is newer than the build, the build is stale. */
const BUILD_INPUTS = [
  'app',
  'pages',
  'components',
  'lib',
  'geo',
  'public',
  'scripts/build-map-bundles.mjs',
  'proxy.ts',
  'instrumentation-client.ts',
  'next.config.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];
// Written by `prisma generate`, the basemap build and the map bundles build, which run before every build anyway.
const NOT_INPUTS = new Set([path.join(ROOT, 'lib', 'generated'), path.join(ROOT, 'public', 'generated')]);

function newestMtime(target) {
  if (NOT_INPUTS.has(target)) return 0;
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, name)));
  return newest;
}

/** Why the build in `distDir` must be (re)made, or null when it is up to date. */
export function staleBuildReason(distDir = '.next') {
  const buildId = path.join(ROOT, distDir, 'BUILD_ID');
  if (!fs.existsSync(buildId)) return `no production build in ${distDir}/ yet`;
  const built = fs.statSync(buildId).mtimeMs;
  const changed = BUILD_INPUTS.find((input) => newestMtime(path.join(ROOT, input)) > built);
  return changed ? `${changed} changed since the build in ${distDir}/` : null;
}
