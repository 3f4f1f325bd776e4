// The options of an embed (/embed, /embed/{id}), read from its query and written back into the
// URLs the embed dialog hands out. Pure and total: unknown options are ignored and a bad value
// falls back to its default, because a snippet pasted into someone's page years ago must still
// show a map. The camera is in the hash, which only the browser sees (components/atlas-map.tsx).
//
//   interactive=0|1      0: a still view, no pan, zoom or rotate            default 1
//   legend=0|1           0: no map key                                      default 1
//   theme=light|dark     basemap and frame colours                          default light
//   stage={stage id}     fit to one stage of the route (/embed/{id} only)   default none
//   lang=en|ko           the language of the frame's words and labels        default en (ko under /ko/embed)
//   level, hazard, to, q the explorer's filters (lib/view/view-state.ts), which dim what they leave out
// zod's tree-shakable build: the explorer's Embed dialog writes these URLs in the browser.
import * as z from 'zod/mini';
import { Slug } from '@/geo/slug';
import { LOCALES, type Locale } from '../i18n/locales';
import { MAP_THEMES, type MapTheme } from '../map/theme';
import { EMPTY_FILTERS, formatFilters, parseViewState, type Filters } from '../view/view-state';

/** Languages the embed can speak: every locale of the atlas (lib/i18n/locales.ts). */
export const EMBED_LANGS = LOCALES;
export type EmbedLang = Locale;

export interface EmbedOptions {
  interactive: boolean;
  legend: boolean;
  theme: MapTheme;
  stage: string | null;
  lang: EmbedLang;
  filters: Filters;
}

export const DEFAULT_EMBED_OPTIONS: EmbedOptions = Object.freeze({
  interactive: true,
  legend: true,
  theme: 'light',
  stage: null,
  lang: 'en',
  filters: EMPTY_FILTERS,
}) as EmbedOptions;

const flag = (fallback: boolean) =>
  z.catch(
    z.pipe(
      z.enum(['0', '1']),
      z.transform((v) => v === '1'),
    ),
    fallback,
  );

/** `catch` on every field: a bad value becomes the default, never an error. */
const EmbedQuery = z.object({
  interactive: flag(DEFAULT_EMBED_OPTIONS.interactive),
  legend: flag(DEFAULT_EMBED_OPTIONS.legend),
  theme: z.catch(z.enum(MAP_THEMES), DEFAULT_EMBED_OPTIONS.theme),
  stage: z.catch(z.nullable(Slug), null),
  lang: z.catch(z.enum(EMBED_LANGS), DEFAULT_EMBED_OPTIONS.lang),
});

/** What Next.js hands a page as `searchParams`. */
export type SearchParamsRecord = Record<string, string | string[] | undefined>;

function toParams(query: SearchParamsRecord | URLSearchParams): URLSearchParams {
  if (query instanceof URLSearchParams) return query;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  }
  return params;
}

/** An embed's options from its query. Never throws. */
export function parseEmbedOptions(query: SearchParamsRecord | URLSearchParams): EmbedOptions {
  const params = toParams(query);
  // A repeated key counts once, by its first value, as URLSearchParams.get reads it.
  const first = (key: string) => params.get(key) ?? undefined;
  const parsed = EmbedQuery.parse({
    interactive: first('interactive'),
    legend: first('legend'),
    theme: first('theme'),
    stage: first('stage') ?? null,
    lang: first('lang'),
  });
  // The explorer's codec reads the filters, with its own fallbacks for malformed values.
  const url = new URL('http://embed.invalid/');
  url.search = params.toString();
  const { filters } = parseViewState(url).state;
  return { ...parsed, filters };
}

export interface EmbedUrlInput {
  /** The item to show, or null for all routes. */
  slug: string | null;
  options?: Partial<EmbedOptions>;
  /** `#zoom/lat/lng`, or '' to let the embed fit its item. @default '' */
  hash?: string;
}

/** The app-relative URL of an embed, defaults left out: `/embed/{id}?legend=0#6/42.5/129.9`. */
export function embedUrl({ slug, options = {}, hash = '' }: EmbedUrlInput): string {
  // An option passed as undefined means "the default", not "none".
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<EmbedOptions>;
  const o = { ...DEFAULT_EMBED_OPTIONS, ...given };
  const filters = formatFilters(o.filters, slug ? o.stage : null);
  const params = new URLSearchParams(filters);
  if (o.interactive !== DEFAULT_EMBED_OPTIONS.interactive) params.set('interactive', o.interactive ? '1' : '0');
  if (o.legend !== DEFAULT_EMBED_OPTIONS.legend) params.set('legend', o.legend ? '1' : '0');
  if (o.theme !== DEFAULT_EMBED_OPTIONS.theme) params.set('theme', o.theme);
  if (o.lang !== DEFAULT_EMBED_OPTIONS.lang) params.set('lang', o.lang);
  const query = params.toString().replaceAll('%2C', ',');
  const path = slug ? `/embed/${encodeURIComponent(slug)}` : '/embed';
  return `${path}${query ? `?${query}` : ''}${hash}`;
}
