// The basemap's version: a hash of public/generated/basemap.json, which scripts/build-basemap.ts
// writes before every build. It pins the file's address (`?v=`, lib/map/style.ts), so a browser
// and the server's shared cache (scripts/shared-cache.mjs) keep the file for good instead of
// compressing and sending it again, or asking whether it changed, on every visit. next.config.ts
// gives it to the app's code and marks that address immutable; scripts/build-map-bundles.mjs
// gives it to the embed pages' script. Plain JavaScript: both run it without a compiler.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Where the basemap is, from the project's root. */
export const BASEMAP_FILE = path.join('public', 'generated', 'basemap.json');

/** The version of the basemap under `root`, or "missing" when it has not been built. */
export function basemapVersion(root = process.cwd()) {
  let bytes;
  try {
    bytes = fs.readFileSync(path.join(root, BASEMAP_FILE));
  } catch {
    return 'missing';
  }
  return crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}
