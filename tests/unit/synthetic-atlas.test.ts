// The synthetic atlas for benchmarks (scripts/synthetic-atlas.ts): valid against geo/schema.ts
// and its checks, the promised size, every source and feature marked synthetic, never in geo/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allCitations, type Atlas } from '@/geo/atlas';
import { GEO_DIR, loadAtlas } from '@/geo/load';
import { SYNTHETIC_MARKER_FILE, SYNTHETIC_PREFIX, writeSyntheticAtlas } from '@/scripts/synthetic-atlas';

let real: Atlas;
let dir: string;
let synthetic: Atlas;

beforeAll(() => {
  real = loadAtlas();
  dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-synthetic-')), 'synthetic-10x');
  writeSyntheticAtlas({ scale: 10, out: dir }, real);
  // loadAtlas parses every file with geo/schema.ts and runs checkAtlas: it throws on any problem.
  synthetic = loadAtlas(dir);
});

describe('synthetic atlas', () => {
  it('passes geo/schema.ts and the atlas checks, at 10x the real features, sources, corridors and places', () => {
    expect(synthetic.features).toHaveLength(10 * real.features.length);
    expect(synthetic.sources).toHaveLength(10 * real.sources.length);
    expect(synthetic.corridors).toHaveLength(10 * real.corridors.length);
    expect(synthetic.places).toHaveLength(10 * real.places.length);
    const kinds = (a: Atlas) => a.features.map((f) => f.properties.kind).sort();
    expect(kinds(synthetic)).toEqual(
      Array.from({ length: 10 }, () => kinds(real))
        .flat()
        .sort(),
    );
  });

  it('marks every source, corridor, feature and place as synthetic', () => {
    for (const s of synthetic.sources) {
      expect(s.id.startsWith(SYNTHETIC_PREFIX), s.id).toBe(true);
      expect(s.title).toMatch(/^Synthetic /);
      expect(s.note).toMatch(/^Synthetic/);
      expect(s.url).toBeNull();
    }
    for (const c of synthetic.corridors) expect(c.id.startsWith(SYNTHETIC_PREFIX), c.id).toBe(true);
    for (const f of synthetic.features) {
      expect(f.properties.id.startsWith(SYNTHETIC_PREFIX), f.properties.id).toBe(true);
      expect(f.properties.name.en).toMatch(/^Synthetic /);
      expect(f.properties.summary).toMatch(/^Synthetic /);
    }
    for (const p of synthetic.places) expect(p.id.startsWith(SYNTHETIC_PREFIX), p.id).toBe(true);
    expect(fs.readFileSync(path.join(dir, SYNTHETIC_MARKER_FILE), 'utf8')).toMatch(/Nothing here is real/);
  });

  it('attributes no real passage to a made-up source', () => {
    const realQuotes = new Set(allCitations(real).map((c) => c.quote));
    for (const c of allCitations(synthetic)) expect(realQuotes.has(c.quote)).toBe(false);
  });

  it('refuses to write into geo/, so it is never mixed into the real data', () => {
    expect(() => writeSyntheticAtlas({ scale: 1, out: path.join(GEO_DIR, 'synthetic') }, real)).toThrow(/inside geo\//);
    expect(fs.existsSync(path.join(GEO_DIR, 'synthetic'))).toBe(false);
  });

  it('will not overwrite a folder that is not a synthetic atlas', () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-not-synthetic-'));
    fs.writeFileSync(path.join(other, 'keep.txt'), 'mine');
    expect(() => writeSyntheticAtlas({ scale: 1, out: other }, real)).toThrow(/not a synthetic atlas/);
    expect(fs.readFileSync(path.join(other, 'keep.txt'), 'utf8')).toBe('mine');
  });
});
