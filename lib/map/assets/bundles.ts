// Where the map's browser modules are served: their content-hashed URLs, from the manifest that
// scripts/build-map-bundles.mjs writes beside them. Read once per process. Server only (the embed
// pages of the Pages Router use it too, where Next.js refuses the `server-only` marker).
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const Bundle = z.object({ url: z.string().startsWith('/generated/map/'), imports: z.array(z.string().startsWith('/generated/map/')) });
const Manifest = z.object({ 'atlas-map': Bundle, 'embed-client': Bundle, 'tour-client': Bundle });
export type MapBundle = z.infer<typeof Bundle>;
export type MapBundleName = keyof z.infer<typeof Manifest>;

let manifest: z.infer<typeof Manifest> | undefined;

/** The URL of a bundle and of the chunks it imports; throws with the fix when the build is missing. */
export function mapBundle(name: MapBundleName): MapBundle {
  if (!manifest) {
    const file = path.join(process.cwd(), 'public', 'generated', 'map', 'manifest.json');
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      throw new Error(`${path.relative(process.cwd(), file)} is missing: run \`node scripts/build-map-bundles.mjs\` (npm run build does).`);
    }
    manifest = Manifest.parse(JSON.parse(text));
  }
  return manifest[name];
}
