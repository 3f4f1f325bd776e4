// The fonts a still image is drawn with. English keeps next/og's bundled font; Korean needs
// Hangul, which that font lacks, so it is drawn with Noto Sans KR cut down to the characters
// the images use (scripts/build-still-font.ts), read once per process.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import type { Locale } from '../i18n/locales';
import { STILL_FONT_FILES } from './font-files';

export interface StillFont {
  name: string;
  data: ArrayBuffer;
  weight: 400;
  style: 'normal';
}

export const STILL_FONT_FAMILY = 'Noto Sans KR';

let korean: StillFont[] | undefined;

// STILL_FONT_DIR (./font-files.ts), written out as literal segments: the build traces the files a
// server route reads from a path it can see, and a path joined from an imported constant would
// make it trace the whole project.
const FONT_DIR = path.join(process.cwd(), 'lib', 'generated', 'still-font');

function load(file: string, name: string): StillFont {
  const at = path.join(FONT_DIR, file);
  if (!fs.existsSync(at))
    throw new Error(`still images: ${at} is missing; run \`npx tsx scripts/build-still-font.ts\` (npm run build does)`);
  const buf = fs.readFileSync(at);
  return { name, data: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength), weight: 400, style: 'normal' };
}

/** The fonts for an image in `lang`, or undefined for next/og's own (English). */
export function stillFonts(lang: Locale): StillFont[] | undefined {
  if (lang === 'en') return undefined;
  // Two names: satori keeps one font per name and weight, and falls back from one font to the
  // next for a glyph the first lacks.
  korean ??= [load(STILL_FONT_FILES.latin, STILL_FONT_FAMILY), load(STILL_FONT_FILES.korean, `${STILL_FONT_FAMILY} Hangul`)];
  return korean;
}
