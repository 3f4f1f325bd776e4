// The addresses of a tour: its page, its embed (with the embed options, defaults left out, as
// lib/embed/options.ts writes them) and the still image of a step. Pure: the server, the tour's
// script and the embed dialog all write them here.
import type { EmbedOptions } from '../embed/options';
import { stepSearch } from './step-param';

/** The id of the atlas tour; every other tour has the id of its route. */
export const ATLAS_TOUR_ID = 'atlas';

/** `/tour` for the atlas tour, `/tour/{id}` for a route's. */
export const tourPath = (id: string) => (id === ATLAS_TOUR_ID ? '/tour' : `/tour/${encodeURIComponent(id)}`);

/** `/tour/{id}/image.png?step=n`: a step's still image (slide size unless `size` says otherwise). */
export const tourImagePath = (id: string, step: number) => `/tour/${encodeURIComponent(id)}/image.png${stepSearch(step)}`;

/** `/embed/tour/{id}?legend=0&theme=dark`: the tour in a frame, with the embed options that are not their defaults. */
export function tourEmbedPath(id: string, o: Partial<Pick<EmbedOptions, 'interactive' | 'legend' | 'theme' | 'lang'>> = {}): string {
  const params = new URLSearchParams();
  if (o.interactive === false) params.set('interactive', '0');
  if (o.legend === false) params.set('legend', '0');
  if (o.theme && o.theme !== 'light') params.set('theme', o.theme);
  if (o.lang && o.lang !== 'en') params.set('lang', o.lang);
  const q = params.toString();
  return `/embed/tour/${encodeURIComponent(id)}${q ? `?${q}` : ''}`;
}
