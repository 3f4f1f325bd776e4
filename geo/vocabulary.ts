// The fixed vocabularies the data is written in: countries, hazards, the risk scale and
// corridors. They are documented here (and on /about) so that a reader of geo/ and a visitor
// of the map read the same words. Extend a list only where a source document requires it.

/** Countries the data names, ISO 3166-1 alpha-2 → the numeric id used by Natural Earth/world-atlas. */
export const COUNTRIES = {
  KP: { iso: '408', en: 'North Korea', ko: '북한' },
  KR: { iso: '410', en: 'South Korea', ko: '대한민국' },
  CN: { iso: '156', en: 'China', ko: '중국' },
  HK: { iso: '344', en: 'Hong Kong', ko: '홍콩' },
  MN: { iso: '496', en: 'Mongolia', ko: '몽골' },
  RU: { iso: '643', en: 'Russia', ko: '러시아' },
  LA: { iso: '418', en: 'Laos', ko: '라오스' },
  TH: { iso: '764', en: 'Thailand', ko: '태국' },
  NP: { iso: '524', en: 'Nepal', ko: '네팔' },
  IN: { iso: '356', en: 'India', ko: '인도' },
} as const;
export type CountryCode = keyof typeof COUNTRIES;
export const COUNTRY_CODES = Object.keys(COUNTRIES) as [CountryCode, ...CountryCode[]];

/**
 * Hazards, as listed in the data issue. Each annotation names the hazards its quoted passage
 * supports, and no others.
 */
export const HAZARDS = {
  gunfire: {
    en: 'Gunfire',
    ko: '총격',
    description: 'Guards or soldiers shooting at people crossing.',
    descriptionKo: '경비대나 군인이 건너는 사람에게 총을 쏨.',
  },
  mines: {
    en: 'Mines',
    ko: '지뢰',
    description: 'Minefields along a fortified border.',
    descriptionKo: '요새화된 국경을 따라 놓인 지뢰밭.',
  },
  drowning: {
    en: 'Drowning',
    ko: '익사',
    description: 'Rivers or sea crossed on foot, swimming or by boat.',
    descriptionKo: '걸어서, 헤엄쳐서 또는 배로 건너는 강이나 바다.',
  },
  'terrain-exposure': {
    en: 'Terrain and exposure',
    ko: '지형·노출',
    description: 'Long, hard journeys over difficult ground.',
    descriptionKo: '험한 땅을 지나는 길고 고된 여정.',
  },
  'arrest-repatriation': {
    en: 'Arrest and forced repatriation',
    ko: '체포·강제송환',
    description: 'Caught by the authorities and sent back to North Korea.',
    descriptionKo: '당국에 붙잡혀 북한으로 돌려보내짐.',
  },
  trafficking: {
    en: 'Trafficking and exploitation',
    ko: '인신매매·착취',
    description: 'Sold, trafficked or exploited, above all women.',
    descriptionKo: '팔려 가거나 인신매매되거나 착취당함, 특히 여성.',
  },
  detention: {
    en: 'Detention and prison camps',
    ko: '구금·수용소',
    description: 'Imprisonment, torture and prison camps after return.',
    descriptionKo: '송환 뒤의 투옥, 고문, 수용소.',
  },
  agents: {
    en: 'Pursuit by agents',
    ko: '공작원 추적',
    description: 'North Korean agents hunting or posing as escapees.',
    descriptionKo: '탈출자를 쫓거나 탈출자로 위장한 북한 공작원.',
  },
  'family-reprisals': {
    en: 'Reprisals against family',
    ko: '가족 연좌',
    description: 'Relatives left behind punished for the escape.',
    descriptionKo: '남겨진 가족이 탈출 때문에 처벌받음.',
  },
  deportation: {
    en: 'Deportation',
    ko: '추방',
    description: 'Removal by a third country under its agreements with North Korea.',
    descriptionKo: '제3국이 북한과의 협정에 따라 내보냄.',
  },
  'sea-weather': {
    en: 'Sea and weather',
    ko: '바다·기상',
    description: 'Small boats at sea, fog and weather.',
    descriptionKo: '바다 위의 작은 배, 안개, 날씨.',
  },
} as const;
export type HazardId = keyof typeof HAZARDS;
export const HAZARD_IDS = Object.keys(HAZARDS) as [HazardId, ...HazardId[]];

/**
 * The risk scale. A level is our judgement of the cited passages, never a figure from them;
 * every level carries a reason in our own words. Colours are from the Okabe–Ito palette
 * (safe for the common forms of colour blindness) and every level also has its own line
 * pattern, so colour is never the only cue.
 */
export const RISK_LEVELS = {
  1: {
    key: 'lower',
    // Never "low risk": a level 1 says only that the cited passages report no harm here.
    en: 'The sources report none',
    ko: '보고된 위해 없음',
    color: '#0072B2',
    dash: [1, 0],
    description: 'The cited passages describe a way out or a welcome and report no harm; this is not a judgement that it is safe.',
    descriptionKo: '인용된 구절은 탈출 경로나 환영을 묘사하며 위해를 보고하지 않음. 안전하다는 판단은 아님.',
  },
  2: {
    key: 'high',
    en: 'High',
    ko: '높음',
    color: '#009E73',
    dash: [4, 2],
    description: 'Arrest, exploitation or removal reported.',
    descriptionKo: '체포, 착취 또는 추방이 보고됨.',
  },
  3: {
    key: 'severe',
    en: 'Severe',
    ko: '심각',
    color: '#E69F00',
    dash: [2, 1, 0.5, 1],
    description: 'Forced return to imprisonment, torture or trafficking reported.',
    descriptionKo: '투옥이나 고문으로 이어지는 강제 송환, 또는 인신매매가 보고됨.',
  },
  4: {
    key: 'extreme',
    en: 'Extreme',
    ko: '극도',
    color: '#D55E00',
    dash: [0.5, 1.2],
    description: 'Shooting, mines, executions or deaths reported.',
    descriptionKo: '총격, 지뢰, 처형 또는 사망이 보고됨.',
  },
} as const;
export type RiskLevel = keyof typeof RISK_LEVELS;
export const RISK_LEVEL_VALUES = [1, 2, 3, 4] as const;

/**
 * A level as a phrase in a sentence: "Extreme risk", but level 1 stays "The sources report none",
 * never "… risk": no harm reported is not a low risk.
 */
export function riskPhrase(level: RiskLevel, lang: 'en' | 'ko' = 'en'): string {
  const label = RISK_LEVELS[level][lang];
  if (level === 1) return label;
  return lang === 'en' ? `${label} risk` : `위험 ${label}`;
}

/**
 * The kinds of item the atlas holds: the discriminator of the schema's features (geo/schema.ts
 * checks that its union has exactly these). Here, not in the schema, so that code bundled for the
 * browser (the map style, the list, the embed) can read the list without carrying zod.
 */
export const ITEM_KINDS = ['route', 'crossing', 'event', 'zone'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
/** Kinds drawn as a point: a marker with the level's number on it. */
export const POINT_KINDS = ['crossing', 'event'] as const satisfies readonly ItemKind[];

/**
 * What one annotation's quoted passage states, for the rule that every risk level rests on a quote
 * (geo/atlas.ts checkAtlas): a harm or danger, the absence of harm (a welcome, an exit allowed, a
 * way out), or context that bears on neither. A level 2–4 needs a cited 'harm'; a level 1 a cited
 * 'no-harm'. Silence supports no level.
 */
export const FINDINGS = ['harm', 'no-harm', 'context'] as const;
export type Finding = (typeof FINDINGS)[number];

/** Precision of a geometry: where the documents only say "across the river", we draw a corridor. */
export const PRECISIONS = {
  approximate: {
    en: 'Approximate corridor',
    ko: '대략적 경로',
    description: 'The sources do not give an exact path or place; the geometry shows the general area only.',
    descriptionKo: '출처가 정확한 길이나 장소를 밝히지 않으며, 도형은 대략적인 지역만 보여 줌.',
  },
  'named-place': {
    en: 'Named place',
    ko: '지명',
    description: 'The sources name this place; the point marks the place, not an exact site.',
    descriptionKo: '출처가 이 장소를 밝힘. 점은 정확한 지점이 아니라 장소를 나타냄.',
  },
  unplaced: {
    en: 'No place given',
    ko: '장소 언급 없음',
    description: 'The sources give no place for this event: it is listed, but has no point on the map.',
    descriptionKo: '출처가 이 사건의 장소를 밝히지 않음. 목록에는 있으나 지도에는 점이 없음.',
  },
} as const;
export type Precision = keyof typeof PRECISIONS;
export const PRECISION_VALUES = Object.keys(PRECISIONS) as [Precision, ...Precision[]];
