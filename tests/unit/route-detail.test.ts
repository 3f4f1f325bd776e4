// A route's page as a reader gets it from the server: stages in order with their risk in words,
// a clear notice when the geometry is approximate, and every quoted passage linked back to its
// source at the passage, to the archive page that holds it, or to a title search, never a guess.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RouteDetailPanel } from '@/components/route-detail';
import { RouteHandout } from '@/components/route-handout';
import { HAZARDS, RISK_LEVELS } from '@/geo/vocabulary';
import { RouteDetail } from '@/lib/data/api-schema';
import { textFragmentUrl, titleSearchUrl } from '@/lib/data/citation-links';

const CFR = 'http://blogs.cfr.org/asia/2012/10/16/the-underground-railroad-from-north-korea-to-freedom/';
const ARCHIVE = 'http://freekorea.us/category/refugees/defectors/';

const cfr = {
  id: 'cfr-underground',
  title: 'The Underground Railroad from North Korea to Freedom',
  publisher: 'Council on Foreign Relations',
  author: 'Scott A. Snyder',
  date: '2012-10-16',
  url: CFR,
  archiveUrl: null,
};
const ofkPost = {
  id: 'ofk-unplugged',
  title: 'Kim Jong Il, Unplugged Again',
  publisher: 'One Free Korea',
  author: 'Joshua Stanton',
  date: '2010',
  url: null,
  archiveUrl: ARCHIVE,
};
const unverified = {
  id: 'fair-observer',
  title: 'What Does It Take to Escape North Korea?',
  publisher: 'Fair Observer',
  author: null,
  date: null,
  url: null,
  archiveUrl: null,
};

const block = (
  id: string,
  order: number,
  en: string,
  level: 1 | 2 | 3 | 4,
  hazards: string[],
  citations: { quote: string; source: typeof cfr | typeof ofkPost | typeof unverified }[],
) => ({
  id,
  order,
  name: { en, ko: en },
  level,
  reason: `Why ${en} is judged at level ${level}.`,
  hazards,
  annotations: [
    { id: `${id}-note`, text: `What the sources report about ${en}.`, hazards, finding: hazards.length ? 'harm' : 'context', citations },
  ],
});

/** Parsed through the API schema, so the fixture is a RouteDetail the API could really send. */
const route = RouteDetail.parse({
  id: 'fixture-route',
  kind: 'route',
  name: { en: 'Across the river and south', ko: '강을 건너 남쪽으로' },
  corridor: { id: 'fixture-corridor', name: { en: 'Fixture corridor', ko: '시험 회랑' } },
  precision: 'approximate',
  precisionNote: 'The articles name no crossing point on this river.',
  summary: 'A fixture route with three stages, each citing a different kind of source.',
  from: 'KP',
  to: 'TH',
  when: { date: '2012-10', label: 'October 2012' },
  period: { from: '2010', to: '2012-10-16' },
  undatedSources: 1,
  level: 4,
  bbox: [100, 20, 130, 43],
  stages: [
    block(
      'river',
      1,
      'The river crossing',
      4,
      ['gunfire', 'drowning'],
      [
        {
          quote:
            'Risking capture or even death, those attempting to flee are often met with snipers and electric fences, as well as North Korean government patrols.',
          source: cfr,
        },
      ],
    ),
    block(
      'hiding',
      2,
      'Hiding in China',
      3,
      ['arrest-repatriation', 'trafficking'],
      [
        { quote: 'a translator defected in Russia, & others followed', source: ofkPost },
        { quote: 'those who are caught … are sent back', source: unverified },
      ],
    ),
    block('mekong', 3, 'Across the Mekong', 2, [], [{ quote: 'Shortly afterward, all 22 were reportedly executed.', source: cfr }]),
  ],
});

const render = (detail: RouteDetail, activeStage?: string) =>
  renderToStaticMarkup(createElement(RouteDetailPanel, { detail, activeStage }));

const decode = (s: string) =>
  s.replace(
    /&(amp|lt|gt|quot|#x27|#39);/g,
    (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'" })[e] ?? '',
  );

/** Every <a> element's attributes, decoded. */
function links(html: string): Record<string, string>[] {
  return [...html.matchAll(/<a ([^>]*)>/g)].map((m) =>
    Object.fromEntries([...m[1].matchAll(/([a-zA-Z-]+)="([^"]*)"/g)].map(([, k, v]) => [k, decode(v)])),
  );
}

describe('RouteDetailPanel', () => {
  it('lists the stages in their order along the route, in an ordered list with anchors', () => {
    const html = render(route);
    const anchors = [...html.matchAll(/<li[^>]* id="(stage-[a-z0-9-]+)"/g)].map((m) => m[1]);
    expect(anchors).toEqual(['stage-river', 'stage-hiding', 'stage-mekong']);
    const list = html.slice(html.indexOf('<ol'), html.indexOf('</ol>'));
    expect(list).toContain('id="stage-river"');
    expect(list).toContain('id="stage-mekong"');
    // Listed by `order` even if the stages arrive shuffled.
    const shuffled = render({ ...route, stages: [route.stages[2], route.stages[0], route.stages[1]] });
    expect([...shuffled.matchAll(/<li[^>]* id="(stage-[a-z0-9-]+)"/g)].map((m) => m[1])).toEqual(anchors);
  });

  it('gives one h1, a stage heading per stage, and the risk of each stage in words', () => {
    const html = render(route);
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toContain('Across the river and south</h1>');
    const stageHeadings = [...html.matchAll(/<h3[^>]*>(.*?)<\/h3>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
    expect(stageHeadings).toEqual(['Stage 1 The river crossing', 'Stage 2 Hiding in China', 'Stage 3 Across the Mekong']);
    for (const s of route.stages) {
      const part = html.slice(html.indexOf(`id="stage-${s.id}"`));
      expect(part).toContain(`${RISK_LEVELS[s.level].en} risk`);
      expect(part).toContain(s.reason);
      for (const h of s.hazards) expect(part).toContain(HAZARDS[h].en);
    }
    expect(html).toContain('None named');
  });

  it('names the countries it leads from and to, its corridor and its date', () => {
    const html = render(route);
    expect(html).toContain('North Korea');
    expect(html).toContain('Thailand');
    expect(html).toContain('Fixture corridor');
    expect(html).toContain('October 2012');
  });

  it('says plainly when the geometry is approximate, with the reason', () => {
    const html = render(route);
    expect(html).toContain('Approximate geometry');
    expect(html).toContain('The articles name no crossing point on this river.');
    const exact = render({ ...route, precision: 'named-place', precisionNote: null });
    expect(exact).not.toContain('Approximate geometry');
  });

  it('links every passage to its source at the passage, its archive page, or a title search, in a new tab without referrer', () => {
    const html = render(route);
    const external = links(html).filter((a) => a.target === '_blank');
    const citations = route.stages.flatMap((s) => s.annotations.flatMap((a) => a.citations));
    expect(external).toHaveLength(citations.length);
    external.forEach((a, i) => {
      const { quote, source } = citations[i];
      expect(a.rel).toBe('noopener noreferrer');
      if (source.url) expect(a.href).toBe(textFragmentUrl(source.url, quote));
      else if (source.archiveUrl) expect(a.href).toBe(textFragmentUrl(source.archiveUrl, quote));
      else expect(a.href).toBe(titleSearchUrl(source.title));
      expect(a.href).toMatch(source.url || source.archiveUrl ? /^http:\/\/[^#]+#:~:text=[^#]+$/ : /^https:\/\/duckduckgo\.com\/\?q=/);
    });
    expect(external.map((a) => a['data-link-kind'])).toEqual(['article', 'archive', 'search', 'article']);
    expect(html).toContain('Open the article at this passage');
    expect(html).toContain('Open the archive page at this passage');
    expect(html).toContain('Search for this article (address not verified)');
  });

  it('quotes each passage in a blockquote with its publisher, title, author and year', () => {
    const html = render(route);
    expect(html.match(/<blockquote/g)).toHaveLength(4);
    expect(html).toContain('<p>Shortly afterward, all 22 were reportedly executed.</p>');
    // Titles and quotations are in their source's language on every page (issue 16).
    expect(html).toContain('<cite lang="en">The Underground Railroad from North Korea to Freedom</cite>');
    expect(html).toContain('by Scott A. Snyder');
    expect(html).toContain('as reported in October 2012');
    expect(html).toContain('as reported in 2010');
    expect(html).toContain('undated source');
    // A search result is not where a passage comes from: no cite= for it.
    expect(html).not.toMatch(/<blockquote[^>]*cite="https:\/\/duckduckgo/);
  });

  it('marks the stage named in the address as the current step', () => {
    expect(render(route, 'hiding')).toMatch(
      /<li[^>]*id="stage-hiding"[^>]*aria-current="step"|<li[^>]*aria-current="step"[^>]*id="stage-hiding"/,
    );
    expect(render(route)).not.toContain('aria-current');
  });

  it('shows a crossing as one risk block under a Risk heading, not as stages', () => {
    const crossing = RouteDetail.parse({
      ...route,
      id: 'fixture-crossing',
      kind: 'crossing',
      when: null,
      stages: [{ ...route.stages[0], id: 'main', name: route.name }],
    });
    const html = render(crossing);
    expect(html).not.toContain('<ol');
    expect(html).toMatch(/<h2[^>]*>Risk<\/h2>/);
    expect(html).toContain('id="stage-main"');
    expect(html).toContain('Extreme risk');
  });
});

describe('RouteHandout (issue 17)', () => {
  const html = decode(renderToStaticMarkup(createElement(RouteHandout, { detail: route })));
  const citations = route.stages.flatMap((s) => s.annotations.flatMap((a) => a.citations));

  it('writes out every quote with its source’s address, the archive’s for a post without one', () => {
    for (const c of citations) expect(html).toContain(c.quote);
    expect(html).toContain(`>${CFR}<`);
    expect(html).toContain(`>${ARCHIVE}<`);
  });

  it('says a source has no known address and shows none, never a search link', () => {
    const figure = html.split('<figure').find((f) => f.includes('those who are caught'))!;
    expect(figure).toContain('No verified web address is known for this source.');
    expect(figure).not.toMatch(/https?:/);
    expect(html).not.toContain('duckduckgo');
  });

  it('has the title, the still map, the risk summary, the stages in order, the period and the safety statement, and nothing to press', () => {
    expect(html).toContain('<h1 id="handout-title"');
    expect(html).toContain('src="/routes/fixture-route/image.png"');
    expect(html).toContain('Extreme risk');
    expect(html.indexOf('The river crossing')).toBeLessThan(html.indexOf('Hiding in China'));
    expect(html.indexOf('Hiding in China')).toBeLessThan(html.indexOf('Across the Mekong'));
    expect(html).toContain('Reported in sources dated 2010 to October 2012. One of its sources is undated.');
    expect(html).toContain('as reported in October 2012');
    expect(html).toContain('It is not a guide');
    expect(html).not.toMatch(/<(button|nav|a)\b/);
  });

  it('is hidden on screen unless previewed (?print=1)', () => {
    expect(html).not.toContain('data-preview');
    expect(renderToStaticMarkup(createElement(RouteHandout, { detail: route, preview: true }))).toContain('data-preview="true"');
  });
});
