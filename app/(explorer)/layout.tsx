// The explorer's frame for `/` and `/routes/{id}`: the map and the panel stay mounted while the
// page inside the panel changes, so moving between the list and a route never reloads the map.
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { ExplorerProvider } from '@/components/explorer-state';
import { ExplorerShell } from '@/components/explorer-shell';
import { MaplibrePreload } from '@/components/maplibre-preload';
import type { MapFeatureCollection } from '@/lib/api-schema';
import { getMapCollection } from '@/lib/queries';

export default async function ExplorerLayout({ children }: { children: ReactNode }) {
  // Rendered into the first response, so the list is there before any script runs. Should the
  // database not answer, the page still renders and the client asks /api/routes, which says why.
  // Layouts render side by side: this one must not read the database during a build either.
  await connection();
  let collection: MapFeatureCollection | undefined;
  try {
    collection = await getMapCollection();
  } catch (e) {
    console.error('explorer: the map collection could not be read', e);
  }
  return (
    <ExplorerProvider initialCollection={collection}>
      <MaplibrePreload />
      <ExplorerShell>{children}</ExplorerShell>
    </ExplorerProvider>
  );
}
