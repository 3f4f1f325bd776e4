// Prints the app's map style and camera limits as JSON (lib/map/style.ts is pure data), so the
// baseline page draws exactly the layers the app draws. Run by bench/lib/style.mjs through tsx.
// A .mts file, so the app's type check (tsconfig's **/*.ts) never trips over the bench, and the
// module is read by name so a renamed export fails here with a message, not in `next build`.
const styleModule: Record<string, unknown> = await import('@/lib/map/style');

const buildStyle = styleModule.buildStyle;
if (typeof buildStyle !== 'function') throw new Error('lib/map/style.ts exports no buildStyle()');
const pick = (name: string, fallback: unknown) => styleModule[name] ?? fallback;

process.stdout.write(
  JSON.stringify({
    style: buildStyle(),
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
