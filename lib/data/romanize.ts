// Korean names in the Revised Romanization of Korean (the South Korean standard: 두만강 ->
// Dumangang, 압록강 -> Amnokgang), so that a search for a romanised Korean name ("Duman",
// "Amnok") finds the same items as the Hangul and the English names do. Pure; covers the
// sound changes at syllable joins that RR writes (liaison and nasal/lateral assimilation),
// which is what place names need. Characters other than Hangul syllables pass through.

const INITIALS = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const VOWELS = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'];
/** Each final consonant's sound class at the end of a word: k, n, t, l, m, p, ng (or none). */
const FINAL_CLASS = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];
/** A final consonant carried over to a following vowel: its sound as an initial. */
const FINAL_LIAISON = ['', 'g', 'kk', 'ks', 'n', 'nj', 'n', 'd', 'r', 'lg', 'lm', 'lb', 'ls', 'lt', 'lp', 'r', 'm', 'b', 'ps', 's', 'ss', 'ng', 'j', 'ch', 'k', 't', 'p', ''];

const FIRST = 0xac00;
const LAST = 0xd7a3;
const INITIAL_IEUNG = 11;
const INITIAL_NIEUN = 2;
const INITIAL_RIEUL = 5;
const INITIAL_MIEUM = 6;

interface Syllable {
  initial: number;
  vowel: number;
  final: number;
}

function decompose(ch: string): Syllable | null {
  const code = ch.codePointAt(0)!;
  if (code < FIRST || code > LAST) return null;
  const offset = code - FIRST;
  return { initial: Math.floor(offset / 588), vowel: Math.floor((offset % 588) / 28), final: offset % 28 };
}

/** The romanised final of `s` and the initial of `next`, with the sound change at their join. */
function join(s: Syllable, next: Syllable | null): { final: string; initial: string | null } {
  const cls = FINAL_CLASS[s.final];
  if (!next) return { final: cls, initial: null };
  const i = next.initial;
  if (i === INITIAL_IEUNG && s.final !== 0) return { final: '', initial: FINAL_LIAISON[s.final] };
  const nasal = i === INITIAL_NIEUN || i === INITIAL_MIEUM;
  if (i === INITIAL_RIEUL) {
    if (cls === 'l' || cls === 'n') return { final: 'l', initial: 'l' };
    if (cls === 'k') return { final: 'ng', initial: 'n' };
    if (cls === 't') return { final: 'n', initial: 'n' };
    if (cls === 'p') return { final: 'm', initial: 'n' };
    if (cls === 'm' || cls === 'ng') return { final: cls, initial: 'n' };
  }
  if (nasal) {
    if (cls === 'k') return { final: 'ng', initial: null };
    if (cls === 't') return { final: 'n', initial: null };
    if (cls === 'p') return { final: 'm', initial: null };
    if (cls === 'l' && i === INITIAL_NIEUN) return { final: 'l', initial: 'l' };
  }
  return { final: cls, initial: null };
}

/** `text` with every run of Hangul syllables romanised; other characters are kept. */
export function romanizeKorean(text: string): string {
  const chars = [...text];
  let out = '';
  let carried: string | null = null;
  chars.forEach((ch, index) => {
    const s = decompose(ch);
    if (!s) {
      out += ch;
      carried = null;
      return;
    }
    const next = index + 1 < chars.length ? decompose(chars[index + 1]) : null;
    const { final, initial } = join(s, next);
    out += (carried ?? INITIALS[s.initial]) + VOWELS[s.vowel] + final;
    carried = initial;
  });
  return out;
}
