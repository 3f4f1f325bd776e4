// Every quoted passage links back to where it was published, opened at the passage, and never
// to an address nobody verified.
import { describe, expect, it } from 'vitest';
import { loadAtlas } from '@/geo/load';
import { allCitations } from '@/geo/atlas';
import { stringsFor } from '@/lib/i18n/strings';
import {
  citationHref,
  encodeFragmentTerm,
  passageToFind,
  reportedLabel,
  sourceDateLabel,
  textFragmentUrl,
  titleSearchUrl,
} from '@/lib/data/citation-links';

const ARTICLE = 'http://blogs.cfr.org/asia/2012/10/16/the-underground-railroad-from-north-korea-to-freedom/';

/** The text directive's terms, decoded as a browser decodes them. */
function directive(url: string): string[] {
  const match = url.match(/#[^#]*:~:text=([^&#]*)$/);
  if (!match) throw new Error(`no text directive in ${url}`);
  return match[1].split(',').map(decodeURIComponent);
}

describe('textFragmentUrl', () => {
  it('opens the article at a short passage by quoting it whole', () => {
    const url = textFragmentUrl(ARTICLE, 'Shortly afterward, all 22 were reportedly executed.');
    expect(url.startsWith(`${ARTICLE}#:~:text=`)).toBe(true);
    expect(directive(url)).toEqual(['Shortly afterward, all 22 were reportedly executed.']);
  });

  it('encodes the characters the directive reserves: comma, hyphen and ampersand', () => {
    const url = textFragmentUrl(ARTICLE, 'Kim Jong-un, guards & brokers');
    const fragment = url.slice(url.indexOf('#'));
    expect(fragment).toBe('#:~:text=Kim%20Jong%2Dun%2C%20guards%20%26%20brokers');
    // Exactly one term: the comma inside the quote did not become a start,end separator.
    expect(directive(url)).toEqual(['Kim Jong-un, guards & brokers']);
    expect(encodeFragmentTerm('a-b,c&d')).toBe('a%2Db%2Cc%26d');
  });

  it('marks a long passage by its first and last five words', () => {
    const quote =
      'the number of North Korean refugees during the first six months in 2012 under Kim Jong-un compared to the figure for the same period in 2011 dropped over forty-percent to 751.';
    expect(directive(textFragmentUrl(ARTICLE, quote))).toEqual(['the number of North Korean', 'dropped over forty-percent to 751.']);
  });

  it('keeps curly quotes and apostrophes as the passage has them, and collapses whitespace', () => {
    const url = textFragmentUrl(ARTICLE, '  the regime’s   “hostile\n class”  ');
    expect(directive(url)).toEqual(['the regime’s “hostile class”']);
    expect(url).toContain('%E2%80%99'); // ’ percent-encoded as UTF-8, not replaced by '
  });

  it('looks for the first piece of a passage with an ellipsis, which a browser can match', () => {
    expect(directive(textFragmentUrl(ARTICLE, 'Those caught are sent back … to prison camps where many die.'))).toEqual([
      'Those caught are sent back',
    ]);
    expect(directive(textFragmentUrl(ARTICLE, 'Those caught are sent back... to prison camps.'))).toEqual(['Those caught are sent back']);
    // A long first piece still uses start,end within that piece only.
    const long = 'one two three four five six seven eight nine ten eleven twelve … thirteen fourteen';
    expect(directive(textFragmentUrl(ARTICLE, long))).toEqual(['one two three four five', 'eight nine ten eleven twelve']);
  });

  it('skips a leading ellipsis and a one-word piece that would match too early on the page', () => {
    expect(passageToFind('… and then they crossed the river')).toBe('and then they crossed the river');
    expect(passageToFind('Yes … the guards shot at them')).toBe('the guards shot at them');
    expect(passageToFind('Yes … no')).toBe('Yes');
  });

  it('keeps an existing fragment and replaces an existing directive', () => {
    expect(textFragmentUrl('https://a.example/p#comments', 'guards shot at them')).toBe(
      'https://a.example/p#comments:~:text=guards%20shot%20at%20them',
    );
    expect(textFragmentUrl('https://a.example/p#:~:text=old', 'guards shot at them')).toBe(
      'https://a.example/p#:~:text=guards%20shot%20at%20them',
    );
  });
});

describe('citationHref', () => {
  const quote = 'Shortly afterward, all 22 were reportedly executed.';

  it('links a source with its own address to the article at the passage', () => {
    const link = citationHref({ title: 'T', url: ARTICLE, archiveUrl: null }, quote);
    expect(link.kind).toBe('article');
    expect(link.href).toBe(textFragmentUrl(ARTICLE, quote));
  });

  it('links a post without an address to its verified archive page at the passage', () => {
    const archive = 'http://freekorea.us/category/refugees/defectors/';
    const link = citationHref({ title: 'Kim Jong Il, Unplugged Again', url: null, archiveUrl: archive }, quote);
    expect(link).toEqual({ kind: 'archive', href: textFragmentUrl(archive, quote) });
  });

  it('offers a search for the exact title, and no address, when none is verified', () => {
    const title = 'What Does It Take to Escape North Korea?';
    const link = citationHref({ title, url: null, archiveUrl: null }, quote);
    expect(link.kind).toBe('search');
    const u = new URL(link.href);
    expect(u.origin).toBe('https://duckduckgo.com');
    expect(u.searchParams.get('q')).toBe(`"${title}"`);
    expect(link.href).toBe(titleSearchUrl(title));
  });

  it('escapes a title full of URL syntax instead of concatenating it', () => {
    const title = 'A & B #1 ?x=y "quoted"';
    const u = new URL(citationHref({ title, url: null, archiveUrl: null }).href);
    expect([...u.searchParams.keys()]).toEqual(['q']);
    expect(u.searchParams.get('q')).toBe(`"${title}"`);
    expect(u.hash).toBe('');
  });

  it('never links to a stored address that is not http(s)', () => {
    expect(citationHref({ title: 'x', url: 'javascript:alert(1)', archiveUrl: 'not a url' }, quote).kind).toBe('search');
    expect(citationHref({ title: 'x', url: 'ftp://a.example/x', archiveUrl: ARTICLE }, quote).kind).toBe('archive');
  });

  it('opens the page at its top when there is no passage (the sources list)', () => {
    expect(citationHref({ title: 'x', url: ARTICLE, archiveUrl: null })).toEqual({ kind: 'article', href: ARTICLE });
  });
});

describe('reportedLabel', () => {
  it('gives the year the source reported it, whatever the date precision', () => {
    expect(reportedLabel('2012')).toBe('as reported in 2012');
    expect(reportedLabel('2011-02')).toBe('as reported in February 2011');
    expect(reportedLabel('2012-10-16')).toBe('as reported in October 2012');
  });

  it('writes the month and year as Korean does on a Korean page (issue 16)', () => {
    expect(reportedLabel('2019-03', 'ko')).toBe('2019년 3월 보도');
    expect(reportedLabel('2012-10-16', 'ko')).toBe('2012년 10월 보도');
    expect(reportedLabel('2014', 'ko')).toBe('2014년 보도');
    expect(reportedLabel(null, 'ko')).toBe('날짜 없는 출처');
  });

  it('says when a source is undated', () => {
    expect(reportedLabel(null)).toBe('undated source');
    expect(reportedLabel('')).toBe('undated source');
  });
});

describe('every citation in geo/', () => {
  it('gets a link the atlas can stand behind: the source, its archive, or a title search', () => {
    const atlas = loadAtlas();
    const sources = new Map(atlas.sources.map((s) => [s.id, s]));
    const citations = allCitations(atlas);
    expect(citations.length).toBeGreaterThan(0);
    for (const citation of citations) {
      const source = sources.get(citation.source)!;
      const archiveUrl = !source.url && source.partOf ? (sources.get(source.partOf)?.url ?? null) : null;
      const { href, kind } = citationHref({ title: source.title, url: source.url, archiveUrl }, citation.quote);
      const expected = kind === 'article' ? source.url : kind === 'archive' ? archiveUrl : null;
      if (expected) {
        expect(href.startsWith(`${expected}#:~:text=`)).toBe(true);
        // The directive's first term is the passage's own opening words.
        expect(passageToFind(citation.quote).startsWith(directive(href)[0])).toBe(true);
      } else {
        expect(source.url).toBeNull();
        expect(href).toBe(titleSearchUrl(source.title));
      }
    }
  });
});

describe('sourceDateLabel', () => {
  it('writes a date out as precisely as the source gives it', () => {
    expect(sourceDateLabel('2012-10-16')).toBe('16 October 2012');
    expect(sourceDateLabel('2015-07')).toBe('July 2015');
    expect(sourceDateLabel('2010')).toBe('2010');
    expect(sourceDateLabel(null)).toBe('undated source');
  });
  it('writes it as Korean does on Korean pages, a year alone included', () => {
    expect(sourceDateLabel('2012-10-16', 'ko')).toBe('2012년 10월 16일');
    expect(sourceDateLabel('2015-07', 'ko')).toBe('2015년 7월');
    expect(sourceDateLabel('2010', 'ko')).toBe('2010년');
    expect(sourceDateLabel(null, 'ko')).toBe(stringsFor('ko').pages.citation.undated);
  });
});
