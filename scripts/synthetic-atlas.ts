// A synthetic atlas for benchmarks: geo/ copied `scale` times over, laid out like geo/ and valid
// against geo/schema.ts and its checks, with every source and feature marked synthetic. It is
// written outside geo/ (by default data/synthetic-<scale>x/, which git ignores), so it is never
// mixed into the real data, committed or shipped.
//
//   npx tsx scripts/synthetic-atlas.ts [--scale 10] [--out data/synthetic-10x]
//
//   --scale N   how many copies of geo/'s features (1–1000; default 10: 10x today's features)
//   --out DIR   where to write it (default data/synthetic-<N>x); refused inside geo/
//
// Seed a database from it: `npx tsx prisma/seed.ts --dir data/synthetic-10x`, or
// `SEED_DIR=data/synthetic-10x npm start` (the seed reads SEED_DIR when --dir is not given).
//
// How it is marked: every id (sources, corridors, features, stages, annotations, places) starts
// with "synthetic-", every English name and title with "Synthetic", every source's note says it
// is synthetic and it has no address, quotes are placeholder text of the original's length (no
// real passage is attributed to a made-up source), and the folder holds SYNTHETIC.md.
// Geometry is geo/'s, shifted by a few hundredths of a degree per copy so copies do not sit
// exactly on top of each other; sizes and shapes of everything match the real data.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Atlas } from '../geo/atlas';
import { GEO_DIR, loadAtlas } from '../geo/load';
import { DATA_VERSION, type Annotation, type AtlasFeature, type CorridorFile, type Place, type Source } from '../geo/schema';

export const SYNTHETIC_PREFIX = 'synthetic-';
export const SYNTHETIC_MARKER_FILE = 'SYNTHETIC.md';

const Options = z.object({
  scale: z.coerce.number().int().min(1).max(1000).default(10),
  out: z.string().min(1).optional(),
});
export type SyntheticOptions = z.input<typeof Options>;

const PLACEHOLDER = 'Synthetic placeholder text standing in for a quoted passage; no source says this. ';

/** Placeholder text as long as `text` (the same input always gives the same output). */
function placeholder(text: string): string {
  return PLACEHOLDER.repeat(Math.ceil(text.length / PLACEHOLDER.length) + 1)
    .slice(0, Math.max(text.length, 8))
    .trimEnd()
    .padEnd(Math.max(text.length, 8), '.');
}

/** A slug marked synthetic and made unique per copy, kept within the schema's 80 characters. */
function sid(copy: number, id: string): string {
  return `${SYNTHETIC_PREFIX}${copy}-${id}`.slice(0, 80).replace(/-+$/, '');
}

const synthName = (name: { en: string; ko: string }, copy: number) => ({
  en: `Synthetic ${copy}: ${name.en}`.slice(0, 120),
  ko: `합성 ${copy}: ${name.ko}`.slice(0, 120),
});

/** Shift a position by a small, per-copy offset, staying within the globe. */
function shift([lon, lat]: [number, number], copy: number): [number, number] {
  const dx = ((copy * 7) % 11) * 0.004 - 0.02;
  const dy = ((copy * 5) % 11) * 0.004 - 0.02;
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return [round(Math.min(180, Math.max(-180, lon + dx))), round(Math.min(90, Math.max(-90, lat + dy)))];
}

function synthAnnotation({ figure: _figure, ...a }: Annotation, copy: number): Annotation {
  // No figure: it must stand in a quote, and the quotes are placeholders.
  return {
    ...a,
    id: sid(copy, a.id),
    text: `Synthetic: ${a.text}`.slice(0, 400),
    citations: a.citations.map((c) => ({ source: sid(copy, c.source), quote: placeholder(c.quote) })),
  };
}

function synthFeature(f: AtlasFeature, copy: number): AtlasFeature {
  const p = f.properties;
  const common = {
    id: sid(copy, p.id),
    name: synthName(p.name, copy),
    corridor: sid(copy, p.corridor),
    summary: `Synthetic copy for benchmarks. ${p.summary}`.slice(0, 500),
    summaryRests: p.summaryRests.map((id) => sid(copy, id)),
  };
  // An approximate point keeps the one decimal the atlas check asks of it.
  const oneDecimal = ([lon, lat]: [number, number]): [number, number] => [Math.round(lon * 10) / 10, Math.round(lat * 10) / 10];
  const g = f.geometry;
  const geometry =
    g === null
      ? null
      : g.type === 'Point'
        ? { ...g, coordinates: p.precision === 'approximate' ? oneDecimal(shift(g.coordinates, copy)) : shift(g.coordinates, copy) }
        : g.type === 'LineString'
          ? { ...g, coordinates: g.coordinates.map((c) => shift(c, copy)) }
          : { ...g, coordinates: g.coordinates.map((ring) => ring.map((c) => shift(c, copy))) };
  const when = 'when' in p && p.when ? { ...p.when, quote: placeholder(p.when.quote) } : undefined;
  if (p.kind === 'route') {
    const stages = p.stages.map((s) => ({
      ...s,
      id: sid(copy, s.id),
      name: synthName(s.name, copy),
      reasonRests: s.reasonRests.map((id) => sid(copy, id)),
      annotations: s.annotations.map((a) => synthAnnotation(a, copy)),
    }));
    return { ...f, geometry, properties: { ...p, ...common, stages, ...(when ? { when } : {}) } } as AtlasFeature;
  }
  const annotations = p.annotations.map((a) => synthAnnotation(a, copy));
  const reasonRests = p.reasonRests.map((id) => sid(copy, id));
  return { ...f, geometry, properties: { ...p, ...common, reasonRests, annotations, ...(when ? { when } : {}) } } as AtlasFeature;
}

function synthSource(s: Source, copy: number, index: number): Source {
  return {
    id: sid(copy, s.id),
    title: `Synthetic source ${copy}.${index + 1} (benchmark data, not a publication)`,
    publisher: 'Escape Atlas synthetic data',
    author: null,
    date: s.date,
    url: null,
    ...(s.partOf ? { partOf: sid(copy, s.partOf) } : {}),
    // The schema's document pattern; 9xx numbers name no file in ../shared/seeds.
    document: `9${String(index).padStart(2, '0')}_${'0'.repeat(16)}.txt`,
    note: 'Synthetic: generated by scripts/synthetic-atlas.ts for benchmarks; it stands for no real source.',
  };
}

function synthPlace(pl: Place, copy: number): Place {
  return { ...pl, id: sid(copy, pl.id), name: synthName(pl.name, copy), coordinates: shift(pl.coordinates, copy) };
}

/** The synthetic atlas as files: sources.json, places.json and one corridor file per copy and corridor. */
export function syntheticFiles(atlas: Atlas, scale: number): Map<string, unknown> {
  const files = new Map<string, unknown>();
  const copies = Array.from({ length: scale }, (_, i) => i + 1);
  files.set('sources.json', { version: DATA_VERSION, sources: copies.flatMap((k) => atlas.sources.map((s, i) => synthSource(s, k, i))) });
  files.set('places.json', { version: DATA_VERSION, places: copies.flatMap((k) => atlas.places.map((pl) => synthPlace(pl, k))) });
  const width = String(scale * atlas.corridors.length).length;
  let n = 0;
  for (const k of copies) {
    for (const c of atlas.corridors) {
      const file: CorridorFile = {
        type: 'FeatureCollection',
        version: DATA_VERSION,
        corridor: {
          ...c,
          id: sid(k, c.id),
          order: ++n,
          name: synthName(c.name, k),
          description: `Synthetic copy for benchmarks. ${c.description}`.slice(0, 500),
          descriptionRests: c.descriptionRests.map((id) => sid(k, id)),
        },
        features: atlas.features.filter((f) => f.properties.corridor === c.id).map((f) => synthFeature(f, k)),
      };
      files.set(path.join('features', `${String(n).padStart(width, '0')}-${file.corridor.id}.geojson`), file);
    }
  }
  return files;
}

/** Write the synthetic atlas for `scale` to `out` (replacing what a previous run wrote there). */
export function writeSyntheticAtlas(options: SyntheticOptions = {}, source: Atlas = loadAtlas()): { dir: string; features: number } {
  const { scale, out } = Options.parse(options);
  const dir = path.resolve(out ?? path.join('data', `synthetic-${scale}x`));
  const rel = path.relative(GEO_DIR, dir);
  if (!rel.startsWith('..') && !path.isAbsolute(rel))
    throw new Error(`Refusing to write a synthetic atlas inside geo/ (${dir}): pick a folder outside it.`);
  if (fs.existsSync(dir) && !fs.existsSync(path.join(dir, SYNTHETIC_MARKER_FILE)) && fs.readdirSync(dir).length > 0) {
    throw new Error(`${dir} exists and is not a synthetic atlas (no ${SYNTHETIC_MARKER_FILE}): pick an empty or new folder.`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'features'), { recursive: true });
  const files = syntheticFiles(source, scale);
  for (const [name, value] of files) fs.writeFileSync(path.join(dir, name), `${JSON.stringify(value)}\n`);
  fs.writeFileSync(
    path.join(dir, SYNTHETIC_MARKER_FILE),
    `# Synthetic atlas (${scale}x geo/)\n\nGenerated by scripts/synthetic-atlas.ts for benchmarks. Nothing here is real: every source,\nroute and quote is made up from geo/'s shapes. Never copy it into geo/ or publish it.\n`,
  );
  return { dir, features: scale * source.features.length };
}

function main(argv: string[]): void {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const parsed = Options.safeParse({ scale: value('--scale'), out: value('--out') });
  if (!parsed.success) {
    console.error('Usage: npx tsx scripts/synthetic-atlas.ts [--scale 1-1000] [--out DIR]');
    process.exitCode = 2;
    return;
  }
  try {
    const { dir, features } = writeSyntheticAtlas(parsed.data);
    console.log(
      `synthetic-atlas: wrote ${features} synthetic features (${parsed.data.scale}x geo/) to ${path.relative(process.cwd(), dir) || dir}`,
    );
  } catch (e) {
    console.error(`synthetic-atlas: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}

const invoked = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (invoked === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
