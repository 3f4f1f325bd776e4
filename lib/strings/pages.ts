// Every word the text side of the atlas puts on screen: a route's page in the panel, its
// citations, /sources and /about. Names from the data (countries, hazards, risk levels,
// precision) come from geo/vocabulary.ts in both languages and are not repeated here.

export const siteNav = {
  label: 'Site',
  map: 'Map',
  sources: 'Sources',
  about: 'About and method',
  tours: 'Guided tours',
};

export const citation = {
  /** Link text by where the link goes: the article itself, the archive page holding it, a search. */
  atPassage: {
    article: 'Open the article at this passage',
    archive: 'Open the archive page at this passage',
    search: 'Search for this article (address not verified)',
  },
  /** The same links without a passage to open at (the sources list). */
  plain: {
    article: 'Open the published page',
    archive: 'Open the archive page that holds it',
    search: 'Search for this article (address not verified)',
  },
  newTab: '(opens in a new tab)',
  /** After a claim: when its source published it ("October 2012", or a year alone). */
  reported: (when: string) => `as reported in ${when}`,
  undated: 'undated source',
  unknownPublisher: 'Publisher unknown',
  by: (author: string) => `by ${author}`,
  sourceLabel: 'Source',
};

export const kinds = {
  route: 'Route',
  crossing: 'Crossing',
  event: 'Event',
  zone: 'Zone',
} as const;

export const route = {
  facts: 'About this item',
  kind: 'Kind',
  corridor: 'Corridor',
  from: 'From',
  to: 'To',
  where: 'Where',
  whereRegion: 'A region, not a single country (the source names no country)',
  ledTo: 'Led to',
  when: 'When',
  overall: 'Highest risk',
  approximateTitle: 'Approximate geometry',
  namedPlaceTitle: 'Named place',
  stagesHeading: 'Stages, in order',
  stagesIntro: (count: number) => (count === 1 ? 'One stage.' : `${count} stages, from where the journey starts to where it ends.`),
  stageNumber: (order: number) => `Stage ${order}`,
  riskHeading: 'Risk',
  /** The level as a phrase (geo/vocabulary.ts riskPhrase): level 1 reads "The sources report none". */
  risk: (phrase: string) => phrase,
  riskOf: (level: number) => `level ${level} of 4`,
  whyLevel: 'Why this level',
  hazards: 'Hazards',
  noHazards: 'None named',
  evidence: 'What the sources say',
  howJudged: 'How risk levels are judged',
  allSources: 'All sources',
  safety: 'This page explains public reporting at corridor level. It is not a guide; do not rely on it to plan a journey.',
};

export const sources = {
  title: 'Sources',
  intro:
    'Everything on the map rests on these published texts. Each passage below is quoted letter for letter, with a link to the place on the map it supports and, where the address is known, to the article at that passage.',
  unavailable: 'The list of sources could not be loaded. Please try again later.',
  archiveHeading: (title: string) => `Posts in ${title}`,
  archiveIntro:
    'Each post the map uses is listed as its own source. Where a post’s own address was not found, links go to the archive page that holds it.',
  publisher: 'Publisher',
  author: 'Author',
  date: 'Date',
  note: 'Note',
  supports: 'What it supports',
  supportsNone: 'No passage from this text is quoted on the map.',
  passages: (count: number) => (count === 1 ? '1 quoted passage' : `${count} quoted passages`),
  unknown: 'unknown',
};

export const about = {
  title: 'About the atlas and its method',
  intro:
    'Escape Atlas is a map of the routes people take to escape North Korea, as five published articles describe them. It shows where the articles place those routes, what risks they report along each stage, and the passage each statement rests on.',
  safetyHeading: 'What this map is not',
  safety: [
    'This map explains public reporting at corridor level. It is not a guide and adds no operational detail: no crossing points, timings, contacts or methods beyond what the published articles already say.',
    'Do not rely on it to plan a journey. The articles are years old, the situation they describe has changed, and a line on this map is not a path anyone can follow.',
  ],
  methodHeading: 'Method',
  method: [
    'The atlas is built only from five documents: the articles credited below. Every statement on the map comes from them; where a fact, a figure or a date is not in them, it is not on the map. Only the placing of lines and points draws on general geography (rivers, borders, towns), and where the articles do not say where, the geometry is marked approximate.',
    'Every route, crossing, event and zone carries annotations in our own words, and every annotation quotes, letter for letter, the passage it rests on. An ellipsis (…) marks words left out of a quotation. Each quotation links to the article at that passage where the article’s address is verified, to the archive page that holds it where only that is known, and otherwise to a search for the article’s title: no address is ever guessed.',
    'The risk level of each stage, crossing, event and zone is our judgement of what the quoted passages report, read against the scale below; it is never a figure from the articles. Every level carries its reason in our own words. A route’s highest risk is the highest level of its stages.',
  ],
  readingHeading: 'How we read the sources',
  reading: [
    'Every sentence of ours names the passages it rests on: each annotation carries its quotes, and each summary, reason for a level and corridor description lists the annotations behind it. The data check refuses any that do not.',
    'Where the documents do not say where something happened, the map does not guess. A route or border they describe only in general is drawn as a wide corridor and labelled approximate, with its points rounded so they do not read as sites. An event they give no place for is listed, with its sources, but has no point on the map.',
    'A risk level rests on a quoted passage that states a harm, or one that states its absence. Where the passages report no harm, the map says “the sources report none”, never “low risk”: silence is not safety.',
    'The articles date from 2010 to 2020, and one is undated. Each quotation is shown “as reported in” its year, because what it describes may since have changed.',
  ],
  riskHeading: 'The risk scale',
  riskIntro: 'Each level has its own colour and its own line pattern, so colour is never the only cue. Points show the level as a number.',
  levelName: (label: string, level: number) => `${label} (level ${level})`,
  hazardsHeading: 'Hazards',
  hazardsIntro: 'An annotation names only the hazards its quoted passage supports.',
  precisionHeading: 'What “approximate” means',
  precisionIntro:
    'Most of the articles do not say exactly where people cross. Where they do not, the map draws a wide, translucent corridor and marks the item as approximate, rather than a precise-looking line.',
  licenceHeading: 'Data and licence',
  licence: [
    'The data in geo/ (routes, stages, zones, risk levels and annotations) is published under CC BY 4.0.',
    'The quotations remain the property of their publishers and are quoted for commentary.',
    'Basemap: Natural Earth, public domain, via world-atlas.',
  ],
  download: 'Download the whole dataset as GeoJSON, with every citation',
  downloadNote:
    'One feature per route, crossing, event and zone; each carries its stages, annotations and quoted passages with their sources.',
  creditsHeading: 'Credits',
  creditsIntro: 'The five texts the atlas is built from:',
  creditsArchiveNote: 'The One Free Korea archive page also carries a post by Dan Bielefeld.',
  creditsUnavailable: 'The list of texts could not be loaded. Please try again later.',
};

export const exportFile = {
  name: 'Escape Atlas',
  licence: 'Data: CC BY 4.0. Quotations remain the property of their publishers and are quoted for commentary.',
};
