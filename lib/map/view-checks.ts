// The zod-checked readers the map modules load only when they need them, as a chunk of their own
// off the path to the map's first drawing: the view an address names (query, camera hash), and
// what its filters leave out of the route data, read through the data's schema.
import '../security/zod-jitless'; // first: before any schema is made
import { MapFeatureCollection } from '../data/api-schema';
import { corridorGroups, filterGroups } from '../data/atlas-items';
import { hasFilters, parseCameraHash, parseViewState, type Camera } from '../view/view-state';

export { parseCameraHash };

/** What an explorer address asks the map to show, before any data. */
export interface AddressView {
  /** The stage the query names (drawn lit when the path's item has it). */
  stage: string | null;
  camera: Camera | null;
}

/** The view `url` names, the way the explorer's React state reads it (components/explorer-state.tsx: parseViewState). */
export function addressView(url: URL): AddressView {
  const { state } = parseViewState(url);
  return { stage: state.route !== null ? state.stage : null, camera: state.camera };
}

/** The items of `data` that the filters of `url` leave out (filterGroups, as the list does); none when the data fails its schema. */
export function mutedBy(url: URL, data: unknown): string[] {
  const { state } = parseViewState(url);
  // A query whose filters all failed their checks (`?level=9`) filters nothing: no need to read the data.
  if (!hasFilters(state.filters)) return [];
  const parsed = MapFeatureCollection.safeParse(data);
  if (!parsed.success) return [];
  const groups = corridorGroups(parsed.data);
  const shown = new Set(filterGroups(groups, state.filters).flatMap((g) => g.items.map((i) => i.id)));
  return groups.flatMap((g) => g.items.map((i) => i.id)).filter((id) => !shown.has(id));
}
