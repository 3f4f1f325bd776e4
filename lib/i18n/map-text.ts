// The words drawn on or over the map itself (MapLibre's controls, label suffixes, the credit),
// by locale. Only the `map` part of each message file is imported, so the embed's and the boot
// module's bundles (esbuild keeps only the JSON keys a module names) carry these few words and
// no message formatter.
import { map as en } from '@/messages/en.json';
import { map as ko } from '@/messages/ko.json';
import type { Locale } from './locales';

const MAP_TEXT = { en, ko } satisfies Record<Locale, typeof en>;

export interface MapText {
  approximateSuffix: string;
  credit: string;
  /** MapLibre's own control labels, by its locale keys (the `locale` map option). */
  controls: Record<string, string>;
}

/** The map's words in `locale`. Self-contained apart from the two message files' `map` parts. */
export function mapText(locale: Locale): MapText {
  const m = MAP_TEXT[locale] ?? MAP_TEXT.en;
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
