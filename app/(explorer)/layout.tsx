// The explorer's frame for `/` and `/routes/{id}`: the map and the panel stay mounted while the
// page inside the panel changes, so moving between the list and a route never reloads the map.
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { ExplorerProvider } from '@/components/explorer-state';
import { ExplorerShell } from '@/components/explorer-shell';
import { MapStart } from '@/components/map-start';
import type { MapFeatureCollection } from '@/lib/data/api-schema';
import { corridorGroups } from '@/lib/data/atlas-items';
import { mapCollectionPayload } from '@/lib/data/queries';
import { timelineLabels } from '@/lib/i18n/content';
import { requestLocale } from '@/lib/i18n/server';
import { mapText } from '@/lib/i18n/strings';
import { mapBundle } from '@/lib/map/assets/bundles';
import { MAPLIBRE_SCRIPT_URL, MAPLIBRE_WORKER_URL } from '@/lib/map/maplibre-urls';
import { EXPLORER_MAP_DESCRIPTION_ID, MAP_DATA_URL, explorerMapSettings, type Bounds, type ExplorerMapConfig } from '@/lib/map/settings';
import { DEFAULT_BOUNDS } from '@/lib/map/style';

export default async function ExplorerLayout({ children }: { children: ReactNode }) {
  // Rendered into the first response, so the list is there before any script runs. Should the
  // database not answer, the page still renders and the client asks /api/routes, which says why.
  // Layouts render side by side: this one must not read the database during a build either.
  await connection();
  let collection: MapFeatureCollection | undefined;
  let etag = '';
  try {
    const payload = await mapCollectionPayload();
    collection = payload.data;
    etag = payload.etag;
  } catch (e) {
    console.error('explorer: the map collection could not be read', e);
  }
  // The map keeps its camera across the explorer's pages, but a page loaded on /routes/{id}
  // starts fitted to that item: the map module needs every item's bounds. With no data (and so
  // no ETag) the module leaves the map to the React host, which asks the API.
  const boundsById: Record<string, Bounds> = collection
    ? // An unplaced event has no bounds: its page keeps the default view.
      Object.fromEntries(corridorGroups(collection).flatMap((g) => g.items.flatMap((i) => (i.bounds ? [[i.id, i.bounds]] : []))))
    : {};
  const lang = await requestLocale();
  const config: ExplorerMapConfig = {
    settings: explorerMapSettings(lang, mapText(lang)),
    maplibre: { script: MAPLIBRE_SCRIPT_URL, worker: MAPLIBRE_WORKER_URL },
    dataUrl: MAP_DATA_URL,
    keyPadding: 'explorer',
    describedBy: EXPLORER_MAP_DESCRIPTION_ID,
    etag,
    bounds: DEFAULT_BOUNDS,
    boundsById,
  };
  return (
    <ExplorerProvider initialCollection={collection} whenLabels={timelineLabels(collection?.timeline ?? [], lang)}>
      {/* The map module's script goes right after the map's container and key, before the
          panel's content (components/map-start.tsx). */}
      <ExplorerShell map={{ module: mapBundle('atlas-map').url, config }} mapStart={<MapStart config={config} />}>
        {children}
      </ExplorerShell>
    </ExplorerProvider>
  );
}
