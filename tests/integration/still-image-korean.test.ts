// Issue 16: Korean still images. Drawn with a Hangul font (Noto Sans KR from npm, subset by
// scripts/build-still-font.ts), they differ from the English ones, and their Hangul is drawn as
// glyphs, not as missing-glyph boxes: boxes look alike whatever the character, so two different
// Korean words drawn alike would mean the font drew none of them.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ImageResponse } from 'next/og';
import { createElement } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadAtlas } from '@/geo/load';
import { STILL_FONT_DIR, STILL_FONT_FILES } from '@/lib/still/font-files';
import { stillFonts } from '@/lib/still/fonts';
import { decodePng, type DecodedPng } from './png';

beforeAll(() => {
  if (!fs.existsSync(path.join(process.cwd(), STILL_FONT_DIR, STILL_FONT_FILES.korean)))
    execFileSync(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/build-still-font.ts'], { stdio: 'pipe' });
}, 120_000);

/** One line of text, black on white, as a PNG. */
async function draw(text: string): Promise<DecodedPng> {
  const fonts = stillFonts('ko');
  const element = createElement(
    'div',
    { style: { display: 'flex', width: 400, height: 80, background: '#fff', color: '#000', fontSize: 48, alignItems: 'center' } },
    text,
  );
  return decodePng(Buffer.from(await new ImageResponse(element, { width: 400, height: 80, fonts }).arrayBuffer()));
}

const ink = (png: DecodedPng) => {
  let dark = 0;
  for (let i = 0; i < png.data.length; i += png.channels) if (png.data[i] < 128) dark++;
  return dark;
};
const same = (a: DecodedPng, b: DecodedPng) => Buffer.from(a.data).equals(Buffer.from(b.data));

describe('the still images’ Hangul font', () => {
  it('draws different Korean words differently (glyphs, not boxes)', async () => {
    const [tumen, yalu] = await Promise.all([draw('두만강'), draw('압록강')]);
    expect(ink(tumen)).toBeGreaterThan(200);
    expect(same(tumen, yalu)).toBe(false);
  });

  it('needs no font from anywhere else: next/og would otherwise ask a font server for missing glyphs', async () => {
    const logged: string[] = [];
    const spies = (['error', 'warn', 'log'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' '))),
    );
    try {
      // A real Korean title, as a route's card draws it (the subset holds the data's words).
      const title = loadAtlas().features.find((f) => f.properties.id === 'tumen-crossing-to-yanbian')!.properties.name.ko;
      await draw(`${title} · 위험 극도 · 출처: Fair Observer, 2017년 11월`);
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
    expect(logged.filter((m) => /dynamic font|fonts\.googleapis/i.test(m))).toEqual([]);
  });

  it('also carries the Latin letters the sources’ names need', async () => {
    const [a, b] = await Promise.all([draw('Fair Observer'), draw('One Free Korea')]);
    expect(same(a, b)).toBe(false);
    expect(ink(a)).toBeGreaterThan(200);
  });
});
