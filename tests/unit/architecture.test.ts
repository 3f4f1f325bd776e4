// Issue 15: the shape the architecture promises (docs/ARCHITECTURE.md), checked on the source so
// that a later change cannot quietly undo it: one place makes the map, no code is shipped as
// source text, nothing leans on a bundler's private globals, and lib/ stays grouped by capability.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const SOURCE_DIRS = ['app', 'components', 'lib', 'pages', 'scripts', 'geo', 'prisma'];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (rel !== path.join('lib', 'generated')) out.push(...sourceFiles(rel));
    } else if (/\.(ts|tsx|mts|mjs|js)$/.test(entry.name)) out.push(rel);
  }
  return out;
}
const files = SOURCE_DIRS.flatMap(sourceFiles);
const text = new Map(files.map((f) => [f, fs.readFileSync(path.join(ROOT, f), 'utf8')]));
function cssFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? cssFiles(path.join(dir, e.name)) : e.name.endsWith('.css') ? [path.join(dir, e.name)] : []));
}
const where = (pattern: RegExp) => files.filter((f) => pattern.test(text.get(f)!));

describe('the architecture', () => {
  it('follows no system colour scheme (tests/e2e/a11y.spec.ts checks dark only where a theme option sets it)', () => {
    const css = ['app', 'components'].flatMap(cssFiles);
    expect(css.length).toBeGreaterThan(3);
    const read = (f: string) => text.get(f) ?? fs.readFileSync(path.join(ROOT, f), 'utf8');
    const following = [...css, ...files].filter((f) => read(f).includes('prefers-color-scheme'));
    expect(following, 'add dark-scheme axe runs to a11y.spec.ts for these').toEqual([]);
  });
  it('makes the MapLibre map in exactly one place: the controller', () => {
    const sites = files.flatMap((f) => [...text.get(f)!.matchAll(/new\s+[A-Za-z_$][\w$]*\.Map\s*\(/g)].map(() => f));
    expect(sites).toEqual([path.join('lib', 'map', 'controller.ts')]);
  });

  it('ships no code as source text and uses no bundler internals', () => {
    // A function's source sent to the browser: `fn.toString()` or Function.prototype.toString.
    expect(where(/Function\.prototype\.toString|\b[a-z]\w*(?:Map|Script|Start|Boot|Padding|Loaded)\.toString\(\)/)).toEqual([]);
    expect(where(/TURBOPACK|__webpack_require__|__next_f\b|__NEXT_DATA__/)).toEqual([]);
  });

  it('keeps lib/ grouped: no file in it has more than a dozen siblings', () => {
    const crowded: string[] = [];
    const walk = (dir: string) => {
      const entries = fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true });
      if (entries.length > 13) crowded.push(`${dir} (${entries.length})`);
      for (const e of entries) if (e.isDirectory() && e.name !== 'generated') walk(path.join(dir, e.name));
    };
    walk('lib');
    expect(crowded).toEqual([]);
  });

  // Modules the embed pages reach (pages/embed/ -> lib/embed/page.ts): Next.js refuses the
  // `server-only` marker in the Pages Router, so they say "Server only" in words instead; and the
  // database module, which the seed and scripts also run under plain Node, where it would throw.
  const PAGES_ROUTER_OR_NODE = [
    'lib/data/db.ts',
    'lib/data/queries.ts',
    'lib/data/version.ts',
    'lib/http/api-response.ts',
    'lib/map/assets/bundles.ts',
  ];

  it('marks the modules that read files, secrets or the database as server-only', () => {
    const serverOnly = files.filter(
      (f) => f.startsWith('lib') && /\.tsx?$/.test(f) && /from 'node:(fs|fs\/promises|crypto|path)'|getPrisma\(/.test(text.get(f)!),
    );
    expect(serverOnly.length).toBeGreaterThan(0);
    for (const f of serverOnly) {
      if (PAGES_ROUTER_OR_NODE.includes(f))
        expect(text.get(f), f).toMatch(/[Ss]erver only|[Ss]erver-side|one module that opens the database/);
      else expect(text.get(f), f).toMatch(/^import 'server-only';$/m);
    }
  });
});
