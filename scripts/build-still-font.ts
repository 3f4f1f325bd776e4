// Builds the Hangul font the still images are drawn with (lib/still/fonts.ts): Noto Sans KR from
// the npm registry (@fontsource/noto-sans-kr), subset to the characters the Korean images can
// show: the Korean names in geo/, the Korean words of messages/ko.json's `cards`, the Korean
// date labels, plus printable ASCII and common punctuation for the sources' names. next/og's own
// font has no Hangul. A few tens of kB on the server; nothing reaches a page's JavaScript.
//   npx tsx scripts/build-still-font.ts   (run by `npm run build` and `npm run dev`)
import fs from 'node:fs';
import path from 'node:path';
import subsetFont from 'subset-font';
import { COUNTRIES, HAZARDS, PRECISIONS, RISK_LEVELS } from '../geo/vocabulary';
import { STILL_FONT_DIR, STILL_FONT_FILES } from '../lib/still/font-files';

const ROOT = path.resolve(import.meta.dirname, '..');
const FONTSOURCE = path.join(ROOT, 'node_modules', '@fontsource', 'noto-sans-kr', 'files');

/** Every string in a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function usedText(): string {
  const read = (...p: string[]) => JSON.parse(fs.readFileSync(path.join(ROOT, ...p), 'utf8')) as unknown;
  const features = fs
    .readdirSync(path.join(ROOT, 'geo', 'features'))
    .filter((f) => f.endsWith('.geojson'))
    .map((f) => read('geo', 'features', f));
  const parts = [
    ...features.flatMap(strings),
    ...strings(read('geo', 'places.json')),
    ...strings(read('geo', 'i18n', 'ko.json')),
    // The share cards' words and the tours' (a tour step's still image: lib/tour/still.ts).
    ...strings((read('messages', 'ko.json') as { cards: unknown; tour: unknown }).cards),
    ...strings((read('messages', 'ko.json') as { cards: unknown; tour: unknown }).tour),
    ...[COUNTRIES, HAZARDS, PRECISIONS, RISK_LEVELS].flatMap((v) => Object.values(v).map((e) => e.ko)),
  ];
  const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
  const hangul = [...new Set([...parts.join('')].filter((c) => /[\uac00-\ud7a3\u3131-\u318e]/.test(c)))].join('');
  return `${ascii}·–—‘’“”…→×${hangul}`;
}

async function main() {
  const text = usedText();
  fs.mkdirSync(path.join(ROOT, STILL_FONT_DIR), { recursive: true });
  const sizes: string[] = [];
  for (const [subset, out] of Object.entries(STILL_FONT_FILES)) {
    const source = fs.readFileSync(path.join(FONTSOURCE, `noto-sans-kr-${subset}-400-normal.woff`));
    const font = await subsetFont(source, text, { targetFormat: 'truetype' });
    fs.writeFileSync(path.join(ROOT, STILL_FONT_DIR, out), font);
    sizes.push(`${out} ${(font.length / 1000).toFixed(1)} kB`);
  }
  console.log(`build-still-font: ${STILL_FONT_DIR}/: ${sizes.join(', ')} (${[...text].length} characters)`);
}

await main();
