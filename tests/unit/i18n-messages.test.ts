// The Korean edition (issue 16): every message in both languages, with the same ICU arguments;
// plurals, numbers and dates as each language writes them; and a Korean rendering of every text
// of our own in geo/ that adds no figure the English does not have.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import ko from '@/messages/ko.json';
import { CorridorFile, PlacesFile, SourcesFile } from '@/geo/schema';
import { COUNTRIES, HAZARDS, PRECISIONS, RISK_LEVELS } from '@/geo/vocabulary';
import { contentFor, localizeDetail, type Rendered } from '@/lib/i18n/content';
import { LOCALES, localeHref, splitLocale, toLocale } from '@/lib/i18n/locales';
import { stringsFor } from '@/lib/i18n/strings';
import type { RouteDetail } from '@/lib/data/api-schema';

type Tree = { [key: string]: string | Tree };

/** Every leaf of a message tree, by its dotted key. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(at, value);
    else for (const [k, v] of leaves(value, at)) out.set(k, v);
  }
  return out;
}

/** The names of a message's ICU arguments ({name}, {count, plural, ...}). */
function argumentsOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z_]\w*)\s*[,}]/g)].map((m) => m[1]))].sort();
}

const MESSAGES = { en: leaves(en as Tree), ko: leaves(ko as Tree) };

describe('message files', () => {
  it.each(LOCALES.flatMap((a) => LOCALES.filter((b) => b !== a).map((b) => [a, b] as const)))('every key in %s is in %s', (a, b) => {
    const missing = [...MESSAGES[a].keys()].filter((k) => !MESSAGES[b].has(k));
    expect(missing).toEqual([]);
  });

  it('gives every message the same arguments in both languages', () => {
    const differ = [...MESSAGES.en].filter(([k, v]) => argumentsOf(v).join() !== argumentsOf(MESSAGES.ko.get(k) ?? '').join());
    expect(differ.map(([k]) => k)).toEqual([]);
  });

  it('leaves no message empty', () => {
    for (const locale of LOCALES) expect([...MESSAGES[locale]].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });
});

describe('formatting', () => {
  it('counts items with ICU plurals: "27 items" / "27개 항목"', () => {
    expect(stringsFor('en').explorer.filters.count(27, 27)).toBe('27 items');
    expect(stringsFor('en').explorer.filters.count(1, 1)).toBe('1 item');
    expect(stringsFor('ko').explorer.filters.count(27, 27)).toBe('27개 항목');
    expect(stringsFor('en').explorer.filters.count(12, 27)).toBe('12 of 27 shown');
    expect(stringsFor('ko').explorer.filters.count(12, 27)).toBe('27개 중 12개 표시');
  });

  it('writes numbers and dates as each language does', () => {
    expect(stringsFor('en').format.number(2737)).toBe('2,737');
    expect(stringsFor('ko').format.number(2737)).toBe('2,737');
    // Dates at the precision their source gives: tests/unit/citation-links.test.ts (sourceDateLabel).
    expect(stringsFor('ko').pages.route.stagesIntro(3)).toBe('여정의 시작부터 끝까지 3단계.');
  });

  it('gives MapLibre its controls in Korean', () => {
    expect(stringsFor('ko').explorer.map.controls['NavigationControl.ZoomIn']).toBe('확대');
  });
});

describe('locale addresses', () => {
  it('keeps English at today’s addresses and Korean under /ko', () => {
    expect(splitLocale('/')).toEqual({ locale: 'en', path: '/' });
    expect(splitLocale('/ko')).toEqual({ locale: 'ko', path: '/' });
    expect(splitLocale('/ko/routes/x')).toEqual({ locale: 'ko', path: '/routes/x' });
    expect(splitLocale('/kor')).toEqual({ locale: 'en', path: '/kor' });
    expect(localeHref('ko', '/')).toBe('/ko');
    expect(localeHref('ko', '/?level=3#5/40/127')).toBe('/ko?level=3#5/40/127');
    expect(localeHref('ko', '/routes/x?stage=river')).toBe('/ko/routes/x?stage=river');
    expect(localeHref('en', '/routes/x')).toBe('/routes/x');
    expect(toLocale('ko')).toBe('ko');
    expect(toLocale('KO')).toBe('en');
    expect(toLocale(undefined)).toBe('en');
  });
});

// ---------------------------------------------------------------- content of our own, in Korean

const GEO = path.join(process.cwd(), 'geo');
const corridors = fs
  .readdirSync(path.join(GEO, 'features'))
  .filter((f) => f.endsWith('.geojson'))
  .map((f) => CorridorFile.parse(JSON.parse(fs.readFileSync(path.join(GEO, 'features', f), 'utf8'))));
const sources = SourcesFile.parse(JSON.parse(fs.readFileSync(path.join(GEO, 'sources.json'), 'utf8'))).sources;
const places = PlacesFile.parse(JSON.parse(fs.readFileSync(path.join(GEO, 'places.json'), 'utf8'))).places;

/** Every text of our own in geo/, by the key geo/i18n/<locale>.json uses for it. */
function englishTexts(): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of corridors) {
    out.set(`corridors.${c.corridor.id}`, c.corridor.description);
    for (const f of c.features) {
      const p = f.properties;
      out.set(`items.${p.id}.summary`, p.summary);
      if (p.precisionNote) out.set(`items.${p.id}.precisionNote`, p.precisionNote);
      if ('reason' in p) out.set(`items.${p.id}.reason`, p.reason);
      if ('when' in p && p.when) out.set(`items.${p.id}.when`, p.when.label);
      if ('annotations' in p) for (const a of p.annotations) out.set(`annotations.${a.id}`, a.text);
      if (p.kind === 'route')
        for (const s of p.stages) {
          out.set(`stages.${p.id}/${s.id}`, s.reason);
          for (const a of s.annotations) out.set(`annotations.${a.id}`, a.text);
        }
    }
  }
  for (const s of sources) if (s.note) out.set(`sources.${s.id}`, s.note);
  return out;
}

/** Every rendering in geo/i18n/<locale>.json, by the same keys, with the English it records. */
function translatedTexts(locale: 'ko'): Map<string, Rendered> {
  const c = contentFor(locale)!;
  const out = new Map<string, Rendered>();
  for (const [id, v] of Object.entries(c.corridors)) out.set(`corridors.${id}`, v);
  for (const [id, item] of Object.entries(c.items)) for (const [k, v] of Object.entries(item)) if (v) out.set(`items.${id}.${k}`, v);
  for (const [id, v] of Object.entries(c.stages)) out.set(`stages.${id}`, v);
  for (const [id, v] of Object.entries(c.annotations)) out.set(`annotations.${id}`, v);
  for (const [id, v] of Object.entries(c.sources)) out.set(`sources.${id}`, v);
  return out;
}

/** The English of every rendering kept in geo/ beside it (names, the vocabulary), by `inPlace` key. */
function englishInPlace(): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of corridors) {
    out.set(`corridor:${c.corridor.id}`, c.corridor.name.en);
    for (const f of c.features) {
      const p = f.properties;
      out.set(`item:${p.id}`, p.name.en);
      if (p.kind === 'route') for (const s of p.stages) out.set(`stage:${p.id}/${s.id}`, s.name.en);
    }
  }
  for (const place of places) out.set(`place:${place.id}`, place.name.en);
  for (const [code, c] of Object.entries(COUNTRIES)) out.set(`country:${code}`, c.en);
  const described = { hazard: HAZARDS, risk: RISK_LEVELS, precision: PRECISIONS } as const;
  for (const [kind, entries] of Object.entries(described))
    for (const [id, e] of Object.entries(entries as Record<string, { en: string; description: string }>)) {
      out.set(`${kind}:${id}`, e.en);
      out.set(`${kind}-description:${id}`, e.description);
    }
  return out;
}

/**
 * What changed in the English since each rendering was made, as lines a person can act on: the key,
 * the English the rendering was made from, and the English now. Empty when every rendering is current.
 */
function staleRenderings(recorded: Map<string, string>, current: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [key, now] of current) {
    const was = recorded.get(key);
    if (was === undefined) out.push(`${key}: no rendering yet; English: ${JSON.stringify(now)}`);
    else if (was !== now) out.push(`${key}: English changed\n  was: ${JSON.stringify(was)}\n  now: ${JSON.stringify(now)}`);
  }
  for (const key of recorded.keys()) if (!current.has(key)) out.push(`${key}: rendering of English that is gone`);
  return out;
}

/** Figures in a text (2,737 -> 2737; 5 million -> 5), for comparing what two renderings claim. */
const figures = (text: string) => [...text.replaceAll(/(\d),(\d{3})/g, '$1$2').matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  third: 3,
  six: 6,
  eleven: 11,
  'twenty-two': 22,
  'thirty-one': 31,
  forty: 40,
};
/** The figures an English text gives, in digits, words ("three") or month names ("November" = 11). */
function englishFigures(text: string): Set<number> {
  const lower = text.toLowerCase();
  const out = new Set(figures(text));
  MONTHS.forEach((m, i) => lower.includes(m) && out.add(i + 1));
  for (const [word, n] of Object.entries(WORDS)) if (new RegExp(`\\b${word}\\b`).test(lower)) out.add(n);
  return out;
}

describe('Korean content (geo/i18n/ko.json)', () => {
  const english = englishTexts();
  const korean = translatedTexts('ko');

  // When the English in geo/ is rewritten (issue 20), these two fail and list each rendering to
  // redo, with the English it was made from and the English now. Until then the pages show the
  // new English in its place (lib/i18n/content.ts), never the stale Korean.
  it('renders every summary, note, reason, annotation, date label and source note, each from today’s English', () => {
    const recorded = new Map([...korean].map(([k, v]) => [k, v.en]));
    expect(staleRenderings(recorded, english)).toEqual([]);
  });

  it('made every Korean name and vocabulary word in geo/ from today’s English', () => {
    expect(staleRenderings(new Map(Object.entries(contentFor('ko')!.inPlace)), englishInPlace())).toEqual([]);
  });

  it('lists a changed, a missing and a vanished English, and nothing for a current one', () => {
    const recorded = new Map([
      ['a', 'Same.'],
      ['b', 'Old words.'],
      ['gone', 'Removed.'],
    ]);
    const current = new Map([
      ['a', 'Same.'],
      ['b', 'New words.'],
      ['c', 'Added.'],
    ]);
    expect(staleRenderings(recorded, current)).toEqual([
      'b: English changed\n  was: "Old words."\n  now: "New words."',
      'c: no rendering yet; English: "Added."',
      'gone: rendering of English that is gone',
    ]);
  });

  it('is Korean, and adds no figure the English text does not give', () => {
    for (const [key, { text }] of korean) {
      expect(text, key).toMatch(/[\uac00-\ud7a3]/);
      const allowed = englishFigures(english.get(key)!);
      // Korean writes 10,000 as 1만 and 20,000 as 2만, and 5 million dollars as 500만 달러.
      const written = figures(text.replaceAll(/(\d+)만/g, (_, n: string) => String(Number(n) * 10_000)));
      expect(
        written.filter((n) => !allowed.has(n) && !allowed.has(n / 1_000_000) && !allowed.has(n / 1000)),
        `${key}: ${text}`,
      ).toEqual([]);
    }
  });

  // Issue 20 took some places out of the English (Hyesan, Ulaanbaatar): a rendering names a place
  // where its English does, in the usual Korean form, and the common ones are still named.
  const PLACES: Record<string, string> = {
    Tumen: '두만강',
    Yalu: '압록강',
    Hyesan: '혜산',
    Yeonpyeong: '연평도',
    Nakhodka: '나홋카',
    Ulaanbaatar: '울란바토르',
    Shenyang: '선양',
    Incheon: '인천',
  };
  it('uses the usual Korean place names', () => {
    for (const [key, { en, text }] of korean)
      for (const [english, name] of Object.entries(PLACES)) if (en.includes(english)) expect(text, key).toContain(name);
    const all = [...korean.values()].map((r) => r.text).join('\n');
    for (const name of ['두만강', '압록강', '연평도', '나홋카', '선양', '인천']) expect(all).toContain(name);
  });

  it('translates an item’s own words and never its quotations', () => {
    const citation = {
      quote: 'Shortly afterward, all 22 were reported executed.',
      source: { id: 's', title: 'T', publisher: null, author: null, date: null, url: null, archiveUrl: null },
    };
    const detail: RouteDetail = {
      id: 'incheon-returned-boat',
      kind: 'event',
      name: { en: 'Returned', ko: '송환' },
      corridor: { id: 'yellow-sea', name: { en: 'Yellow Sea', ko: '서해' } },
      precision: 'named-place',
      precisionNote: null,
      summary: english.get('items.incheon-returned-boat.summary')!,
      from: null,
      to: null,
      when: { date: '2008', label: english.get('items.incheon-returned-boat.when')! },
      level: 4,
      bbox: [0, 0, 1, 1],
      period: null,
      undatedSources: 1,
      stages: [
        {
          id: 'main',
          order: 1,
          name: { en: 'Returned', ko: '송환' },
          level: 4,
          reason: english.get('items.incheon-returned-boat.reason')!,
          hazards: [],
          annotations: [
            {
              id: 'incheon-returned-executed',
              text: english.get('annotations.incheon-returned-executed')!,
              hazards: [],
              finding: 'harm',
              citations: [citation],
            },
          ],
        },
      ],
    };
    const k = localizeDetail(detail, 'ko');
    expect(k.summary).toMatch(/^게시물의 표현으로 “drifted”/);
    expect(k.stages[0].reason).toBe('돌려보내진 22명 모두 처형되었다고 합니다.');
    expect(k.when?.label).toBe('2011년 게시물보다 약 3년 전');
    expect(k.stages[0].annotations[0].citations[0].quote).toBe(citation.quote);
    expect(localizeDetail(detail, 'en')).toBe(detail);

    // English rewritten since the rendering was made: the page shows the new English, not the
    // Korean of words that are no longer there.
    const rewritten = { ...detail, summary: 'A corrected English summary.', when: { date: '2008', label: 'in 2008' } };
    const shown = localizeDetail(rewritten, 'ko');
    expect(shown.summary).toBe('A corrected English summary.');
    expect(shown.when?.label).toBe('in 2008');
    expect(shown.stages[0].reason).toBe('돌려보내진 22명 모두 처형되었다고 합니다.');
  });
});

// ---------------------------------------------------------------- what reaches the browser

/** The files a module imports for their values (not `import type`), resolved from the project root. */
function valueImports(file: string): string[] {
  const text = fs.readFileSync(path.join(process.cwd(), file), 'utf8');
  const specifiers = [...text.matchAll(/^import\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1]);
  return specifiers.flatMap((spec) => {
    const base = spec.startsWith('@/') ? spec.slice(2) : spec.startsWith('.') ? path.join(path.dirname(file), spec) : null;
    if (base === null) return []; // a package
    const found = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find(
      (f) => fs.existsSync(path.join(process.cwd(), f)) && fs.statSync(path.join(process.cwd(), f)).isFile(),
    );
    return found ? [path.normalize(found)] : [];
  });
}

/** Every file the modules in `entries` reach through value imports. */
function reached(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const f = queue.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    if (/\.tsx?$/.test(f)) queue.push(...valueImports(f));
  }
  return seen;
}

describe('what the browser is sent', () => {
  const sourceFiles = (dir: string): string[] =>
    fs.readdirSync(path.join(process.cwd(), dir), { withFileTypes: true }).flatMap((e) => {
      const rel = path.join(dir, e.name);
      if (e.isDirectory()) return e.name === 'generated' ? [] : sourceFiles(rel);
      return /\.tsx?$/.test(e.name) ? [rel] : [];
    });
  const clientModules = [...sourceFiles('components'), ...sourceFiles('lib')].filter((f) =>
    /^'use client';/m.test(fs.readFileSync(path.join(process.cwd(), f), 'utf8')),
  );
  const browserEntries = [...clientModules, 'lib/map/explorer-map.ts', 'lib/embed/client.ts'];

  it('finds the modules it walks from, and follows their imports', () => {
    expect(clientModules).toContain('components/route-list.tsx');
    expect(reached(['components/route-list.tsx'])).toContain('lib/i18n/client-strings.ts');
    // The server's words do reach message files: the walk would see it.
    expect(reached(['lib/i18n/strings.ts'])).toContain('messages/ko.json');
  });

  it('reaches no message file, nor the Korean content, from client components or the map bundles', () => {
    const serverOnly = [...reached(browserEntries)].filter((f) =>
      /^(messages\/.*\.json|geo\/i18n\/.*\.json|lib\/i18n\/(strings|messages|content|server)\.tsx?)$/.test(f),
    );
    expect(serverOnly).toEqual([]);
  });
});
