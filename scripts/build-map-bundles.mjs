#!/usr/bin/env node
// Bundles the map's browser modules into public/generated/map/, content-hashed so they can be
// kept for good: the explorer's map module (lib/map/explorer-map.ts), which a map page loads as a
// module script and the React host imports at run time (the same file, so the same instance), and
// the embed pages' script (lib/embed/client.ts; those pages ship no Next.js runtime) and the
// guided tours' (lib/tour/client.ts, for /tour pages and their embeds, which ship none either). Code split:
// the controller is one chunk both share, and the zod-checked readers they load later (the view
// an address names, the data's schema) are chunks of their own, off the path to the map's first
// drawing. Writes manifest.json (entry name -> URL), which the server reads (lib/map/assets/bundles.ts).
// Runs before every `next build` and `next dev` (npm run build, npm run dev, npm start) and before
// the unit tests (vitest's global setup).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { basemapVersion } from '../lib/map/basemap-version.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'public', 'generated', 'map');
/** The URL path the files are served under. */
const URL_BASE = '/generated/map/';
const maplibre = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'maplibre-gl', 'package.json'), 'utf8')).version;

/**
 * zod's `z` namespace re-exports every locale (`z.locales`), which esbuild cannot shake out of
 * a namespace object: ~50 kB gz of messages in 40 languages for a frame that speaks English.
 * The atlas never reads `z.locales`; zod registers English itself (classic/schemas.js imports
 * locales/en.js directly), so the index of locales is replaced by English alone.
 */
const englishOnlyZod = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}zod${path.sep}`)
        ? { path: path.join(path.dirname(args.importer), '..', 'locales', 'index.js'), namespace: 'zod-locales' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: 'export { default as en } from "./en.js";',
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
};

/** Entry name -> source; the manifest's keys (lib/map/assets/bundles.ts reads them). */
const ENTRIES = { 'atlas-map': 'lib/map/explorer-map.ts', 'embed-client': 'lib/embed/client.ts', 'tour-client': 'lib/tour/client.ts' };

fs.rmSync(OUT, { recursive: true, force: true });
const result = await build({
  absWorkingDir: ROOT,
  entryPoints: ENTRIES,
  outdir: OUT,
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  tsconfig: path.join(ROOT, 'tsconfig.json'),
  // What Next.js would inline in a browser bundle (lib/map/maplibre-urls.ts and lib/map/style.ts read the versions).
  define: {
    'process.env.NODE_ENV': '"production"',
    'process.env.NEXT_PUBLIC_MAPLIBRE_VERSION': JSON.stringify(maplibre),
    'process.env.NEXT_PUBLIC_BASEMAP_VERSION': JSON.stringify(basemapVersion(ROOT)),
  },
  plugins: [englishOnlyZod],
  metafile: true,
  logLevel: 'warning',
});
const manifest = Object.fromEntries(
  Object.entries(result.metafile.outputs)
    // Chunks that code splitting made of dynamic imports have an entryPoint too: only ours are named.
    // Each entry with the chunks it imports statically, which a page preloads beside it.
    .map(([file, o]) => [
      Object.entries(ENTRIES).find(([, src]) => src === o.entryPoint)?.[0],
      {
        url: URL_BASE + path.basename(file),
        imports: o.imports.filter((i) => i.kind === 'import-statement').map((i) => URL_BASE + path.basename(i.path)),
      },
    ])
    .filter(([name]) => name !== undefined),
);
fs.writeFileSync(path.join(OUT, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
const files = Object.entries(result.metafile.outputs).map(([file, o]) => `${path.basename(file)} ${(o.bytes / 1000).toFixed(1)} kB`);
console.log(`build-map-bundles: ${path.relative(ROOT, OUT)}/: ${files.join(', ')}`);
