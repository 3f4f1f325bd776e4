// The zod-checked readers the map modules load only when they need them, as a chunk of their own
// off the path to the map's first drawing: the view an address names (path, query, camera hash)
// and the route data's schema.
import '../security/zod-jitless'; // first: before any schema is made
import { MapFeatureCollection } from '../data/api-schema';
import { corridorGroups, filterGroups } from '../data/atlas-items';
import { hasFilters, parseCameraHash, parseViewState, type Camera } from '../view/view-state';

export { MapFeatureCollection, parseCameraHash };

/** What an explorer address asks the map to show, given the data the map draws. */
export interface AddressView {
  selected: string | null;
  stage: string | null;
  /** Items the address's filters leave out. */
  muted: string[];
  camera: Camera | null;
}

/**
 * The view `url` names over `data`, the way the explorer's React state reads it
 * (components/explorer-state.tsx: parseViewState, then filterGroups): an item the data does not
 * have selects nothing; data that fails its schema mutes nothing.
 */
export function addressView(url: URL, data: unknown): AddressView {
  const { state } = parseViewState(url);
  const parsed = MapFeatureCollection.safeParse(data);
  const groups = parsed.success ? corridorGroups(parsed.data) : [];
  const ids = groups.flatMap((g) => g.items.map((i) => i.id));
  const selected = state.route !== null && ids.includes(state.route) ? state.route : null;
  const shown = hasFilters(state.filters) ? new Set(filterGroups(groups, state.filters).flatMap((g) => g.items.map((i) => i.id))) : null;
  return {
    selected,
    stage: selected ? state.stage : null,
    muted: shown ? ids.filter((id) => !shown.has(id)) : [],
    camera: state.camera,
  };
}
