// Vitest's global setup: the map's browser bundles and their manifest (public/generated/map/)
// are build outputs the server code reads (lib/map/assets/bundles.ts); build them once per run, as
// `npm run build` does, so the unit and integration tiers test what the pages will load.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-map-bundles.mjs'], { stdio: 'inherit' });
}
