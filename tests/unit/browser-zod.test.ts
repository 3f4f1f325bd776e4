// Issue 15: what the explorer evaluates as it starts. zod's full build is large enough that
// evaluating it with the page slowed the map's first drawing, so the code the browser runs at
// once (every client component, the instrumentation script, and what they import, not what they
// import() later) validates with zod/mini, and the API's schemas come with the first request
// (lib/data/use-atlas.ts). esbuild bundles the client modules here and the test walks the static
// imports from them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();

function clientModules(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return rel === path.join('lib', 'generated') ? [] : clientModules(rel);
    return /\.tsx?$/.test(e.name) && /^['"]use client['"]/m.test(fs.readFileSync(path.join(ROOT, rel), 'utf8')) ? [rel] : [];
  });
}

/** Every input reached from the entries through static imports only. */
function staticallyReached(meta: Metafile, entries: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !meta.inputs[file]) continue;
    seen.add(file);
    for (const i of meta.inputs[file].imports) if (i.kind !== 'dynamic-import' && !i.external) queue.push(i.path);
  }
  return seen;
}

describe("the explorer's first load", () => {
  it('reaches zod only through zod/mini; the full build and the API schemas come later', async () => {
    const entries = [...['components', 'lib', 'app'].flatMap(clientModules), 'instrumentation-client.ts'];
    expect(entries).toEqual(expect.arrayContaining(['components/explorer-state.tsx', 'lib/data/use-atlas.ts']));
    const result = await build({
      entryPoints: entries,
      bundle: true,
      write: false,
      metafile: true,
      splitting: true,
      format: 'esm',
      outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'browser-zod-')),
      external: ['react', 'react-dom', 'next', 'swr', 'maplibre-gl', 'server-only'],
      jsx: 'automatic',
      loader: { '.css': 'empty' },
      logLevel: 'silent',
    });
    const reached = staticallyReached(result.metafile, entries);
    const zod = [...reached].filter((f) => f.includes('node_modules/zod/'));
    // It is there (the URL codec validates with it), and it is the mini build on zod's core.
    expect(zod.some((f) => f.includes('/v4/mini/'))).toBe(true);
    expect(zod.filter((f) => f.includes('/v4/classic/') || f === 'node_modules/zod/index.js')).toEqual([]);
    expect([...reached].filter((f) => ['lib/data/api-schema.ts', 'geo/schema.ts'].includes(f))).toEqual([]);
  });
});
