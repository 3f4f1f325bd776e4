// What a tour page tells its script (lib/tour/client.ts), as plain JSON in the page: shared by
// the server (lib/tour/page.ts) and the script, with no code of either.
import type { KeyPadding } from '../map/padding';
import type { AtlasMapSettings, Bounds, MaplibreUrls } from '../map/settings';

export type TourMode = 'page' | 'embed';

/** The id of the <script type="application/json"> holding the config. */
export const TOUR_CONFIG_ID = 'tour-config';

export interface TourClientConfig {
  settings: AtlasMapSettings;
  maplibre: MaplibreUrls;
  dataUrl: string;
  keyPadding: KeyPadding;
  describedBy: string;
  mode: TourMode;
  /** The step the server rendered. */
  step: number;
  /** Per step: the map's view (what is selected, the lit stage, what is dimmed), where to fit, what to announce and count. */
  steps: { view: { selected: string | null; stage: string | null; muted: string[] }; bounds: Bounds; announce: string; counter: string }[];
  /** The words the script puts on screen, in the page's language (the script imports no message file). */
  text: { present: string; leavePresent: string; mapFailed: string };
}

/** The config as the body of a <script type="application/json">: `<` escaped, so no text can close the element. */
export function tourConfigJson(value: TourClientConfig): { __html: string } {
  return { __html: JSON.stringify(value).replace(/</g, '\\u003c') };
}
