// The explorer's frame for `/` and `/routes/{id}`: the map and the panel stay mounted while the
// page inside the panel changes, so moving between the list and a route never reloads the map.
import { headers } from 'next/headers';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { ExplorerProvider } from '@/components/explorer-state';
import { ExplorerShell } from '@/components/explorer-shell';
import { MapStart } from '@/components/map-start';
import type { TimelineEntry } from '@/lib/data/api-schema';
import { atlasIndex, explorerStart, itemOf, type ExplorerStart } from '@/lib/data/explorer-data';
import { mapCollectionPayload } from '@/lib/data/queries';
import { timelineLabels } from '@/lib/i18n/content';
import { PATH_HEADER, QUERY_HEADER } from '@/lib/i18n/locales';
import { requestLocale } from '@/lib/i18n/server';
import { mapText } from '@/lib/i18n/strings';
import { mapBundle } from '@/lib/map/assets/bundles';
import { MAPLIBRE_SCRIPT_URL, MAPLIBRE_WORKER_URL } from '@/lib/map/maplibre-urls';
import { EXPLORER_MAP_DESCRIPTION_ID, MAP_DATA_URL, explorerMapSettings, type ExplorerMapConfig } from '@/lib/map/settings';
import { DEFAULT_BOUNDS } from '@/lib/map/style';
import { parseViewState } from '@/lib/view/view-state';

export default async function ExplorerLayout({ children }: { children: ReactNode }) {
  // Rendered into the first response, so the list is there before any script runs. Should the
  // database not answer, the page still renders and the client asks /api/routes, which says why.
  // Layouts render side by side: this one must not read the database during a build either.
  await connection();
  // Layouts are not given the query: the proxy passes the address on (proxy.ts).
  const request = await headers();
  const address = new URL(`${request.get(PATH_HEADER) ?? '/'}${request.get(QUERY_HEADER) ?? ''}`, 'http://atlas.invalid');
  const { route, filters } = parseViewState(address).state;
  let start: ExplorerStart | undefined;
  let timeline: TimelineEntry[] = [];
  let etag = '';
  // The map keeps its camera across the explorer's pages, but a page loaded on /routes/{id}
  // starts fitted to that item: the map module needs its bounds. With no data (and so no ETag)
  // the module leaves the map to the React host, which asks the API.
  let item: ExplorerMapConfig['item'] = null;
  try {
    const payload = await mapCollectionPayload();
    etag = payload.etag;
    timeline = payload.data.timeline ?? [];
    const index = atlasIndex(payload.data);
    start = explorerStart(index, filters, route);
    // An unplaced event has no bounds: its page keeps the default view.
    const named = itemOf(index, route);
    item = named?.bounds ? { id: named.id, bounds: named.bounds } : null;
  } catch (e) {
    console.error('explorer: the map collection could not be read', e);
  }
  const lang = await requestLocale();
  const config: ExplorerMapConfig = {
    settings: explorerMapSettings(lang, mapText(lang)),
    maplibre: { script: MAPLIBRE_SCRIPT_URL, worker: MAPLIBRE_WORKER_URL },
    dataUrl: MAP_DATA_URL,
    keyPadding: 'explorer',
    describedBy: EXPLORER_MAP_DESCRIPTION_ID,
    etag,
    bounds: DEFAULT_BOUNDS,
    item,
  };
  return (
    <ExplorerProvider start={start} whenLabels={timelineLabels(timeline, lang)}>
      {/* The map module's config goes right before the map's container (components/map-start.tsx). */}
      <ExplorerShell map={{ module: mapBundle('atlas-map').url, config }} mapStart={<MapStart config={config} />}>
        {children}
      </ExplorerShell>
    </ExplorerProvider>
  );
}
