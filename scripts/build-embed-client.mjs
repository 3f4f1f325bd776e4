#!/usr/bin/env node
// Bundles the embed pages' script (lib/embed/client.ts) into public/generated/embed/: an ES module
// of its own, since those pages ship no Next.js runtime (pages/embed/). Code split: the zod-checked
// parsers it loads later (the camera in the hash, the data's schema) are chunks of their own, off
// the path to the map's first drawing. Runs before every `next build` (npm run build, npm start).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { basemapVersion } from '../lib/map/basemap-version.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'public', 'generated', 'embed');
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

fs.rmSync(OUT, { recursive: true, force: true });
const result = await build({
  absWorkingDir: ROOT,
  entryPoints: { 'embed-client': 'lib/embed/client.ts' },
  outdir: OUT,
  entryNames: '[name]',
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
const files = Object.entries(result.metafile.outputs).map(([file, o]) => `${path.basename(file)} ${(o.bytes / 1000).toFixed(1)} kB`);
console.log(`build-embed-client: ${path.relative(ROOT, OUT)}/: ${files.join(', ')}`);
