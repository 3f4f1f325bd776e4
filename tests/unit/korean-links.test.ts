// Issue 16: links keep their language. oEmbed answers a Korean page with a Korean frame, a short
// link made on a Korean page opens it in Korean, and search reads romanised Korean names.
import { describe, expect, it } from 'vitest';
import { corridorGroups, filterGroups } from '@/lib/data/atlas-items';
import type { MapFeatureCollection } from '@/lib/data/api-schema';
import { romanizeKorean } from '@/lib/data/romanize';
import { embedTargetFor, oembedResponse } from '@/lib/embed/oembed';
import { viewTarget } from '@/lib/share/short-view';
import { languageRedirect } from '@/lib/view/paths';
import { EMPTY_FILTERS } from '@/lib/view/view-state';

const ORIGIN = 'https://atlas.example';
const OWN = new Set([ORIGIN]);

describe('oEmbed for Korean pages', () => {
  it('frames a Korean route page in Korean, with the Korean thumbnail and name', () => {
    const target = embedTargetFor(`${ORIGIN}/ko/routes/tumen-crossing-to-yanbian?stage=river#6/42.5/129.9`, OWN)!;
    expect(target).toEqual({
      origin: ORIGIN,
      slug: 'tumen-crossing-to-yanbian',
      embedPath: '/ko/embed/tumen-crossing-to-yanbian?stage=river#6/42.5/129.9',
      lang: 'ko',
    });
    const answer = oembedResponse(target, '두만강을 건너 옌볜으로', { width: 800, height: 450 }, {});
    expect(answer.provider_name).toBe('탈북 경로 지도');
    expect(answer.thumbnail_url).toBe(`${ORIGIN}/ko/routes/tumen-crossing-to-yanbian/image.png?size=social`);
    expect(answer.html).toContain('title="두만강을 건너 옌볜으로 – 탈북 경로 지도"');
    expect(answer.html).toContain(`src="${ORIGIN}/ko/embed/tumen-crossing-to-yanbian?stage=river#6/42.5/129.9"`);
  });

  it('reads the language of an embed address from lang=, and keeps English pages English', () => {
    expect(embedTargetFor(`${ORIGIN}/embed/x1?lang=ko&legend=0`, OWN)).toMatchObject({ embedPath: '/ko/embed/x1?legend=0', lang: 'ko' });
    expect(embedTargetFor(`${ORIGIN}/ko`, OWN)).toMatchObject({ embedPath: '/ko/embed', lang: 'ko', slug: null });
    expect(embedTargetFor(`${ORIGIN}/routes/x1`, OWN)).toMatchObject({ embedPath: '/embed/x1', lang: 'en' });
    expect(embedTargetFor(`${ORIGIN}/ko/sources`, OWN)).toBeNull();
  });
});

describe('short links', () => {
  it('open a view saved on a Korean page in Korean', () => {
    const view = { path: '/routes/x1', query: { lang: 'ko', level: '4' }, hash: '#6/42.5/129.9' };
    expect(viewTarget(view, () => true)).toBe('/ko/routes/x1?level=4#6/42.5/129.9');
    expect(viewTarget({ ...view, query: { level: '4' } }, () => true)).toBe('/routes/x1?level=4#6/42.5/129.9');
    expect(viewTarget({ path: '/embed/x1', query: { lang: 'ko' }, hash: '' }, () => true)).toBe('/embed/x1?lang=ko');
  });
});

describe('romanised Korean names', () => {
  it('follow the Revised Romanization, sound changes included', () => {
    expect(['두만강', '압록강', '혜산', '연평도', '신의주', '독립문', '종로'].map(romanizeKorean)).toEqual([
      'dumangang',
      'amnokgang',
      'hyesan',
      'yeonpyeongdo',
      'sinuiju',
      'dongnimmun',
      'jongno',
    ]);
    expect(romanizeKorean('Tumen 두만강 (river)')).toBe('Tumen dumangang (river)');
  });

  it('let "Duman" and "Amnok" find what 두만 and 압록 find', () => {
    const feature = (item: string, en: string, ko: string, corridor: string) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [127, 40] },
      properties: {
        uid: item,
        kind: 'crossing' as const,
        item,
        name_en: en,
        name_ko: ko,
        corridor,
        level: 4 as const,
        hazards: '',
        precision: 'approximate' as const,
      },
    });
    const collection: MapFeatureCollection = {
      type: 'FeatureCollection',
      corridors: [
        { id: 'tumen', order: 1, name: { en: 'Tumen', ko: '두만강' } },
        { id: 'yalu', order: 2, name: { en: 'Yalu', ko: '압록강' } },
      ],
      features: [
        feature('t1', 'Tumen crossings', '두만강 도강 지점', 'tumen'),
        feature('y1', 'Yalu crossings', '압록강 도강 지점', 'yalu'),
      ],
    };
    const groups = corridorGroups(collection);
    const found = (q: string) => filterGroups(groups, { ...EMPTY_FILTERS, q }).flatMap((g) => g.items.map((i) => i.id));
    expect(found('두만')).toEqual(['t1']);
    expect(found('Duman')).toEqual(['t1']);
    expect(found('Tumen')).toEqual(['t1']);
    expect(found('압록')).toEqual(['y1']);
    expect(found('amnok')).toEqual(['y1']);
  });
});

describe('a reading page asked for with ?lang=', () => {
  const moved = (href: string) => languageRedirect(new URL(href, ORIGIN));

  it('is sent to its address in that language, the rest of the query kept', () => {
    expect(moved('/tour?lang=ko')).toBe('/ko/tour');
    expect(moved('/tour/tumen-crossing-to-yanbian?step=3&lang=ko')).toBe('/ko/tour/tumen-crossing-to-yanbian?step=3');
    expect(moved('/?lang=ko&level=4')).toBe('/ko?level=4');
    expect(moved('/routes/tumen-crossing-to-yanbian?lang=ko')).toBe('/ko/routes/tumen-crossing-to-yanbian');
    expect(moved('/sources?lang=ko')).toBe('/ko/sources');
    expect(moved('/ko/about?lang=en')).toBe('/about');
  });

  it('stays where it is with no lang, an unknown one or its own; embeds and images keep lang in the query', () => {
    for (const href of [
      '/tour',
      '/tour?lang=fr',
      '/ko/tour?lang=ko',
      '/about?lang=en',
      '/embed/tumen-crossing-to-yanbian?lang=ko',
      '/embed/tour/tumen-crossing-to-yanbian?lang=ko',
      '/routes/tumen-crossing-to-yanbian/image.png?lang=ko',
      '/image.png?lang=ko',
      '/tour/tumen-crossing-to-yanbian/image.png?lang=ko',
      '/api/routes?lang=ko',
    ])
      expect(moved(href), href).toBeNull();
  });
});
