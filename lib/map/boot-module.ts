// The boot module (GET /map-boot.mjs?v=…): what the inline script of lib/map/boot.ts imports to
// start the map before React hydrates. The same for every page, so it is a file the browser
// keeps (immutable under its versioned URL) rather than text repeated in every page's HTML and
// again in its RSC payload. It carries the source of lib/map/boot.ts's self-contained functions
// (the very ones AtlasMap imports) and the map's init for each theme. Server only.
import fs from 'node:fs';
import path from 'node:path';
import {
  KEY_PADDING,
  atlasMapInit,
  createAtlasMap,
  explorerKeyPadding,
  fitPadding,
  startAtlasMap,
  stylesheetsLoaded,
} from '@/lib/map/boot';
import { FIT_MARGIN, FIT_MAX_ZOOM, stageUid } from '@/lib/map/style';
import { scriptResponse } from '@/lib/map/maplibre-assets';
import { MAP_THEMES } from '@/lib/map/theme';
import { LOCALES } from '@/lib/i18n/locales';

let built: { body: string; version: string } | undefined;

/**
 * The build's id (Next.js writes it to BUILD_ID in the build folder). The module's version: the
 * pages and this route are bundled separately, so their copies of the functions may differ in
 * their minified names, but never within one build.
 */
function buildId(): string {
  try {
    return fs.readFileSync(path.join(process.cwd(), process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'), 'utf8').trim() || 'unknown';
  } catch {
    return 'development';
  }
}

/** The module's text and its version (the build's id), made once per process. */
export function mapBootModule(): { body: string; version: string } {
  if (built) return built;
  const init = Object.fromEntries(
    MAP_THEMES.flatMap((theme) =>
      LOCALES.map((lang) => [`${theme}-${lang}`, atlasMapInit({ theme, interactive: true, cooperativeGestures: false, lang })]),
    ),
  );
  // KEY_PADDING's functions, by name, each from its own source.
  const keys = { explorer: explorerKeyPadding } satisfies typeof KEY_PADDING;
  const body = `// Escape Atlas: starts the map before the page's own scripts run (lib/map/boot.ts). Generated.
const lib = {
  createAtlasMap: ${createAtlasMap.toString()},
  fitPadding: ${fitPadding.toString()},
  stylesheetsLoaded: ${stylesheetsLoaded.toString()},
  stageUid: ${stageUid.toString()},
  keyPadding: { ${Object.entries(keys)
    .map(([name, fn]) => `${JSON.stringify(name)}: ${fn.toString()}`)
    .join(', ')} },
  init: ${JSON.stringify(init)},
  fitMargin: ${FIT_MARGIN},
  fitMaxZoom: ${FIT_MAX_ZOOM},
};
const startAtlasMap = ${startAtlasMap.toString()};
export function start(maplibre, el, config, res) {
  return startAtlasMap(lib, maplibre, el, config, res);
}
`;
  built = { body, version: encodeURIComponent(buildId()) };
  return built;
}

/** Where pages import it from: pinned to this build, so it can be kept for good. */
export function mapBootModuleUrl(): string {
  return `/map-boot.mjs?v=${mapBootModule().version}`;
}

/** GET /map-boot.mjs: immutable when `?v=` names this build, else revalidated each time. */
export function serveMapBootModule(request: Request): Response {
  const { body, version } = mapBootModule();
  return scriptResponse(request, body, version);
}
