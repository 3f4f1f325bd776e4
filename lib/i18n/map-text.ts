// The words drawn on or over the map itself (MapLibre's controls, label suffixes, the credit), in
// the shape the map takes them. Pure, with no message file imported: the map's style and
// settings reach the browser, so the words come to them from the server, in the page's language
// only (`mapText` in lib/i18n/strings.ts, carried in the map's config: lib/map/settings.ts).
import type { Messages } from './messages';

/** The `map` part of a message file. */
export type MapMessages = Messages['map'];

export interface MapText {
  approximateSuffix: string;
  credit: string;
  /** MapLibre's own control labels, by its locale keys (the `locale` map option). */
  controls: Record<string, string>;
}

/** The map's words from a message file's `map` part. */
export function mapTextOf(m: MapMessages): MapText {
  return {
    approximateSuffix: m.approximateSuffix,
    credit: m.credit,
    controls: {
      'Map.Title': m.controls.mapTitle,
      'NavigationControl.ZoomIn': m.controls.zoomIn,
      'NavigationControl.ZoomOut': m.controls.zoomOut,
      'AttributionControl.ToggleAttribution': m.controls.toggleAttribution,
      'CooperativeGesturesHandler.WindowsHelpText': m.controls.windowsHelpText,
      'CooperativeGesturesHandler.MacHelpText': m.controls.macHelpText,
      'CooperativeGesturesHandler.MobileHelpText': m.controls.mobileHelpText,
    },
  };
}
