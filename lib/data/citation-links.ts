// Links from a quoted passage back to where it was published. A text fragment
// (https://wicg.github.io/scroll-to-text-fragment/) opens the article scrolled to the passage and
// highlighted, in browsers that support it; others simply open the article. Only verified
// addresses are linked: without one, the reader gets a search for the exact title, never a guess.
import { stringsFor } from '../i18n/strings';
import { LOCALE_TAGS, type Locale } from '../i18n/locales';
import { dateText, monthYear } from '../time/period';

/** Up to this many words, the whole passage is the fragment; longer ones use start and end. */
const SHORT_PASSAGE_WORDS = 10;
/** Words taken from each end of a long passage: enough to be unique on the page. */
const EDGE_WORDS = 5;
/** A piece shorter than this matches too easily elsewhere on the page; prefer a longer one. */
const MIN_PIECE_WORDS = 3;

/** "…", "..." and their bracketed forms mark text left out of a quotation. */
const ELLIPSIS = /\s*\[?(?:…|\.{3})\]?\s*/u;

const collapse = (s: string) => s.replace(/\s+/gu, ' ').trim();

/**
 * One term of a text directive. Percent-encoding as encodeURIComponent does, plus '-', which
 * the directive syntax reserves for its prefix and suffix (',' and '&' are already encoded).
 */
export function encodeFragmentTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

/**
 * The piece of a quotation to look for on the page: the first piece between ellipses, since a
 * browser matches only contiguous text. A piece of one or two words would match too early on
 * the page, so then the first piece long enough is taken instead, if there is one.
 */
export function passageToFind(quote: string): string {
  const pieces = quote.split(ELLIPSIS).map(collapse).filter(Boolean);
  if (pieces.length === 0) return collapse(quote);
  return pieces.find((p) => p.split(' ').length >= MIN_PIECE_WORDS) ?? pieces[0];
}

/** The text directive for a quotation: `text=whole` or `text=start,end`, encoded. */
export function textDirective(quote: string): string {
  const words = passageToFind(quote).split(' ');
  if (words.length <= SHORT_PASSAGE_WORDS) return `text=${encodeFragmentTerm(words.join(' '))}`;
  const start = words.slice(0, EDGE_WORDS).join(' ');
  const end = words.slice(-EDGE_WORDS).join(' ');
  return `text=${encodeFragmentTerm(start)},${encodeFragmentTerm(end)}`;
}

/**
 * The address with a text fragment that opens it at the passage. Characters are kept as the
 * quotation has them (curly quotes included: browsers match them exactly); whitespace is
 * collapsed. An existing fragment is kept; an existing directive is replaced.
 */
export function textFragmentUrl(url: string, quote: string): string {
  const hash = url.indexOf('#');
  const base = hash < 0 ? url : url.slice(0, hash);
  const fragment = hash < 0 ? '' : url.slice(hash + 1).split(':~:')[0];
  if (!collapse(quote)) return hash < 0 ? url : `${base}#${fragment}`;
  return `${base}#${fragment}:~:text=${textDirective(quote).slice('text='.length)}`;
}

export type CitationLinkKind = 'article' | 'archive' | 'search';

/** What a citation link needs to know about its source (CitationOut and /api/sources alike). */
export interface LinkableSource {
  title: string;
  /** The source's own verified address, or null. */
  url: string | null;
  /** The verified address of the archive page that holds it, or null. */
  archiveUrl: string | null;
}

/** Whether a stored address is something we may link to at all: http(s) and well-formed. */
function isWebAddress(url: string | null): url is string {
  if (!url) return false;
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** A web search for the exact title, for sources whose address could not be verified. */
export function titleSearchUrl(title: string): string {
  return `https://duckduckgo.com/?${new URLSearchParams({ q: `"${collapse(title)}"` })}`;
}

/**
 * Where a citation links: the source's own address, else the archive page that holds it (both
 * opened at the passage when one is given), else a search for its title.
 */
export function citationHref(source: LinkableSource, quote?: string): { href: string; kind: CitationLinkKind } {
  const at = (url: string) => (quote ? textFragmentUrl(url, quote) : url);
  if (isWebAddress(source.url)) return { href: at(source.url), kind: 'article' };
  if (isWebAddress(source.archiveUrl)) return { href: at(source.archiveUrl), kind: 'archive' };
  return { href: titleSearchUrl(source.title), kind: 'search' };
}

/**
 * "as reported in October 2012" ("2012년 10월 보도") for a dated source ("in 2014" when only the
 * year is known); "undated source" else.
 */
export function reportedLabel(date: string | null, lang: Locale = 'en'): string {
  const t = stringsFor(lang).pages.citation;
  const when = monthYear(date, LOCALE_TAGS[lang].dates);
  return when ? t.reported(when) : t.undated;
}

/** A source's date as precise as it is known (lib/time/period.ts dateText), or "undated source", in `lang`. */
export function sourceDateLabel(date: string | null, lang: Locale = 'en'): string {
  return dateText(date, LOCALE_TAGS[lang].dates) ?? stringsFor(lang).pages.citation.undated;
}
