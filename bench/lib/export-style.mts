// Prints the app's map style and camera limits as JSON (lib/map/style.ts is pure data), so the
// baseline page draws exactly the layers the app draws. Run by bench/lib/style.mjs through tsx.
// A .mts file, so the app's type check (tsconfig's **/*.ts) never trips over the bench, and the
// module is read by name so a renamed export fails here with a message, not in `next build`.
// The styles are the ones the explorer's map is made with, one per language: lib/map/settings.ts
// atlasMapInit with explorerMapSettings and lib/i18n/strings.ts mapText, as
// app/(explorer)/layout.tsx calls them, so the baseline standing in for /ko draws the same Korean labels (Hangul
// glyphs cost more to draw than Latin ones, in any MapLibre page). Their atlas source starts
// empty here; the baseline page points it at the same route data the app serves.
const styleModule: Record<string, unknown> = await import('@/lib/map/style');
const settingsModule: Record<string, unknown> = await import('@/lib/map/settings');
const stringsModule: Record<string, unknown> = await import('@/lib/i18n/strings');
const localesModule: Record<string, unknown> = await import('@/lib/i18n/locales');

const { atlasMapInit, explorerMapSettings } = settingsModule;
const { mapText } = stringsModule;
if (typeof atlasMapInit !== 'function') throw new Error('lib/map/settings.ts exports no atlasMapInit()');
if (typeof explorerMapSettings !== 'function') throw new Error('lib/map/settings.ts exports no explorerMapSettings()');
if (typeof mapText !== 'function') throw new Error('lib/i18n/strings.ts exports no mapText()');
const locales = Array.isArray(localesModule.LOCALES) ? (localesModule.LOCALES as string[]) : ['en'];
const styleIn = (lang: string) => (atlasMapInit(explorerMapSettings(lang, mapText(lang))) as { style: unknown }).style;
const pick = (name: string, fallback: unknown) => styleModule[name] ?? fallback;

process.stdout.write(
  JSON.stringify({
    styles: Object.fromEntries(locales.map((lang) => [lang, styleIn(lang)])),
    atlasSource: pick('ATLAS_SOURCE', 'atlas'),
    basemapSource: pick('BASEMAP_SOURCE', 'basemap'),
    defaultBounds: pick('DEFAULT_BOUNDS', [80, 5, 142, 50]),
    minZoom: pick('MIN_ZOOM', 0),
    maxZoom: pick('MAX_ZOOM', 22),
    fit:
      typeof styleModule.FIT_MARGIN === 'number' && typeof styleModule.FIT_MAX_ZOOM === 'number'
        ? { padding: styleModule.FIT_MARGIN, maxZoom: styleModule.FIT_MAX_ZOOM }
        : null,
  }),
);
