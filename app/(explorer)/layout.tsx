// The explorer's frame for `/` and `/routes/{id}`: the map and the panel stay mounted while the
// page inside the panel changes, so moving between the list and a route never reloads the map.
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { ExplorerProvider } from '@/components/explorer-state';
import { ExplorerShell } from '@/components/explorer-shell';
import { MaplibrePreload } from '@/components/maplibre-preload';
import type { MapFeatureCollection } from '@/lib/data/api-schema';
import { corridorGroups } from '@/lib/data/atlas-items';
import { mapBootConfig, type Bounds, type MapBootConfig } from '@/lib/map/boot';
import { DEFAULT_BOUNDS } from '@/lib/map/style';
import { mapCollectionPayload } from '@/lib/data/queries';
import { requestLocale } from '@/lib/i18n/server';

export default async function ExplorerLayout({ children }: { children: ReactNode }) {
  // Rendered into the first response, so the list is there before any script runs. Should the
  // database not answer, the page still renders and the client asks /api/routes, which says why.
  // Layouts render side by side: this one must not read the database during a build either.
  await connection();
  let collection: MapFeatureCollection | undefined;
  let boot: MapBootConfig | null = null;
  try {
    const payload = await mapCollectionPayload();
    collection = payload.data;
    // The map keeps its camera across the explorer's pages, but a page loaded on /routes/{id}
    // starts fitted to that item: the boot script needs every item's bounds.
    const boundsBySlug: Record<string, Bounds> = Object.fromEntries(
      corridorGroups(collection).flatMap((g) => g.items.map((i) => [i.id, i.bounds])),
    );
    boot = mapBootConfig({ theme: 'light', interactive: true, cooperativeGestures: false, lang: await requestLocale() }, payload.etag, {
      bounds: DEFAULT_BOUNDS,
      boundsBySlug,
      keyPadding: 'explorer',
    });
  } catch (e) {
    console.error('explorer: the map collection could not be read', e);
  }
  return (
    <ExplorerProvider initialCollection={collection}>
      {/* The boot script goes right after the map's container and key: it runs as soon as the
          parser gets there, before the panel's content is parsed (lib/map/boot.ts). */}
      <ExplorerShell mapBoot={<MaplibrePreload boot={boot} />}>{children}</ExplorerShell>
    </ExplorerProvider>
  );
}
