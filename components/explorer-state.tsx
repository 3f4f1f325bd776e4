'use client';
// The explorer's shared state, for the map, the list and the route pages under app/(explorer).
// The URL is the source of truth for what is selected and filtered (lib/view/view-state.ts); hover,
// layer switches and dismissed notices are per visit and live here.
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  startTransition,
  useSyncExternalStore,
  type ReactNode,
  type RefObject,
} from 'react';
import type { AtlasMapHandle } from './atlas-map';
import type { TimelineEntry } from '@/lib/data/api-schema';
import { filterGroups, type AtlasItem, type CorridorGroup } from '@/lib/data/atlas-items';
import { atlasIndex, itemCount, type AtlasIndex, type ExplorerStart, type FilterChoices } from '@/lib/data/explorer-data';
import { LAYER_GROUP_IDS, type LayerGroup } from '@/lib/map/style';
import { useMapCollection } from '@/lib/data/use-atlas';
import { usePageLocale } from '@/lib/i18n/client';
import { localeHref, splitLocale } from '@/lib/i18n/locales';
import {
  formatFilters,
  formatViewState,
  hasFilters,
  parseViewState,
  type Filters,
  type ViewNotice,
  type ViewState,
} from '@/lib/view/view-state';

export interface ExplorerState {
  /** True once the list knows every item (the server sent them all, or /api/routes has answered). */
  complete: boolean;
  /** True when there is nothing to list yet: the server sent no data and /api/routes has not answered. */
  loading: boolean;
  /** Ask for every item (a larger atlas's first response carries a window of the list). */
  loadAll(): void;
  /** The dated events, oldest first (empty until the list is complete). */
  timeline: TimelineEntry[];
  /** The timeline's date labels in the page's language, by item id, where they differ from the API's English. */
  whenLabels: Readonly<Record<string, string>>;
  error: Error | undefined;
  /** How many items the atlas holds. */
  total: number;
  /** The groups after filtering: all of them once complete, else the first that the window carries; null while the filters wait for the whole list. */
  shown: CorridorGroup[] | null;
  /** How many items pass the filters; null while unknown. */
  matching: number | null;
  /** The items known here, by id: every item once complete. */
  items: ReadonlyMap<string, AtlasItem>;
  /** Ids that pass the filters, or null when nothing is filtered; undefined until the list is complete. */
  visible: ReadonlySet<string> | null | undefined;
  choices: FilterChoices;
  /** The period filter's years. */
  years: number[];
  view: ViewState;
  filters: Filters;
  setFilters(next: Filters): void;
  /** The item whose page is open, when it is in the atlas. */
  selected: AtlasItem | null;
  select(id: string): void;
  /** The list URL with the current filters: where "back to all routes" goes. */
  listHref: string;
  /** True when the visitor reached this page from the list in this visit (so Back is the list). */
  cameFromList: boolean;
  hovered: string | null;
  setHovered(id: string | null): void;
  layers: Readonly<Record<LayerGroup, boolean>>;
  setLayer(group: LayerGroup, on: boolean): void;
  notices: ViewNotice[];
  dismissNotices(): void;
  mapRef: RefObject<AtlasMapHandle | null>;
  /** Scroll position of the panel per URL, so Back returns to where the list was. */
  panelScroll: RefObject<Map<string, number>>;
  /** The item last opened from the list, to give focus back to when the visitor returns to it. */
  returnFocusRef: RefObject<string | null>;
}

const ExplorerContext = createContext<ExplorerState | null>(null);

export function useExplorer(): ExplorerState {
  const value = useContext(ExplorerContext);
  if (!value) throw new Error('useExplorer must be used inside <ExplorerProvider>');
  return value;
}

/** Fired after the explorer rewrites the query itself; popstate covers Back and Forward. */
const URL_EVENT = 'atlas:url';

function subscribeToUrl(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(URL_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(URL_EVENT, onChange);
  };
}

/**
 * The query string as the address bar has it now. Next.js learns of a replaceState in a
 * transition, a frame or more later; a checkbox or a search box must follow at once.
 */
function useLiveSearch(): string {
  // null only on a Pages Router page (the embeds), which never renders this.
  const fromRouter = useSearchParams()?.toString() ?? '';
  // Both serialised by URLSearchParams: the address as typed ("?x", "%20") and as the router
  // writes it ("x=", "+") must read alike, or the first client render differs from the server's
  // and React renders the parts that hydrate after the map again from scratch (a second map).
  return useSyncExternalStore(
    subscribeToUrl,
    () => new URLSearchParams(window.location.search).toString(),
    () => fromRouter,
  );
}

const NO_NOTICES: ViewNotice[] = [];
const NO_INDEX: AtlasIndex = { groups: [], choices: { hazards: [], to: [] }, years: [], timeline: [] };
const NO_LABELS: Readonly<Record<string, string>> = {};

const ALL_LAYERS = Object.fromEntries(LAYER_GROUP_IDS.map((g) => [g, true])) as Record<LayerGroup, boolean>;

/** `fields` itself while each field is the same value (Object.is) as at the last render. */
function useSameWhileEqual<T extends object>(fields: T): T {
  // The fields are the dependencies, listed once: the same keys in the same order on every
  // render, so the list's length never changes (the linter cannot see that it is fixed).
  // eslint-disable-next-line react-hooks/use-memo, react-hooks/exhaustive-deps -- see above
  return useMemo(() => fields, Object.values(fields));
}

/**
 * `start`: what the server read for this address (lib/data/explorer-data.ts), or nothing when the
 * database did not answer: the list then asks /api/routes, which says why.
 */
export function ExplorerProvider({
  start,
  whenLabels = NO_LABELS,
  children,
}: {
  start?: ExplorerStart;
  whenLabels?: Readonly<Record<string, string>>;
  children: ReactNode;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const locale = usePageLocale();
  const search = useLiveSearch();
  const listWindow = start && 'window' in start ? start.window : null;
  const [wantAll, setWantAll] = useState(start === undefined);
  const { data: collection, error } = useMapCollection(wantAll && (start === undefined || listWindow !== null));
  const index = useMemo(() => (collection ? atlasIndex(collection) : start && 'index' in start ? start.index : null), [collection, start]);

  const view = useMemo(() => parseViewState(new URL(`${pathname}?${search}`, 'http://atlas.invalid')).state, [pathname, search]);
  const known = index?.groups ?? listWindow?.groups ?? NO_INDEX.groups;
  const items = useMemo(() => {
    const byId = new Map(known.flatMap((g) => g.items.map((i) => [i.id, i] as const)));
    if (listWindow?.selected && !index) byId.set(listWindow.selected.id, listWindow.selected);
    return byId;
  }, [known, listWindow, index]);
  const shown = useMemo(
    () => (index ? filterGroups(index.groups, view.filters) : listWindow?.query === formatFilters(view.filters) ? listWindow.groups : null),
    [index, listWindow, view.filters],
  );
  const visible = useMemo(
    () => (!index ? undefined : hasFilters(view.filters) ? new Set((shown ?? []).flatMap((g) => g.items.map((i) => i.id))) : null),
    [index, shown, view.filters],
  );
  const matching = index ? itemCount(shown ?? []) : shown ? listWindow!.matching : null;
  const total = index ? itemCount(index.groups) : (listWindow?.total ?? 0);
  const selected = view.route ? (items.get(view.route) ?? null) : null;

  const [hovered, setHovered] = useState<string | null>(null);
  const [layers, setLayers] = useState(ALL_LAYERS);
  // What the link this visit opened with could not use: read once, from the full URL (the hash
  // never reaches the server), after hydration; the page for a bad route address says so itself.
  // A transition: the boundaries that hydrate after the map's first drawing
  // (components/after-first-map.tsx) are hydrated first, where an urgent update would have React
  // render them again from scratch (and make a second map).
  const [opening, setOpening] = useState(NO_NOTICES);
  useEffect(() => {
    const found = parseViewState(new URL(window.location.href)).notices.filter((n) => n.key !== 'route');
    if (found.length > 0) startTransition(() => setOpening(found));
  }, []);
  const [dismissed, setDismissed] = useState(false);
  const notices = dismissed ? NO_NOTICES : opening;
  // The item page opened from the list in this visit: on it, the list is one step back.
  const [openedFromList, setOpenedFromList] = useState<string | null>(null);
  const mapRef = useRef<AtlasMapHandle | null>(null);
  const panelScroll = useRef(new Map<string, number>());
  const returnFocusRef = useRef<string | null>(null);

  useEffect(() => {
    if (opening.length === 0) return;
    const parsed = parseViewState(new URL(window.location.href));
    // Leave a clean link behind, so sharing it again does not carry the same mistakes. Through
    // the router: this runs before Next.js starts watching history calls made by hand.
    const query = formatFilters(parsed.state.filters, parsed.state.stage);
    const camera = parsed.state.camera ? window.location.hash : '';
    router.replace(`${window.location.pathname}${query ? `?${query}` : ''}${camera}`, { scroll: false });
  }, [opening, router]);

  const setFilters = useCallback(
    (next: Filters) => {
      // The path stays as it is (the list, or a page that named no item and lists them all).
      const query = formatFilters(next, view.route ? view.stage : null);
      // Filters replace the current entry: Back leaves the explorer, it does not undo a click.
      window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`);
      window.dispatchEvent(new Event(URL_EVENT));
    },
    [view],
  );

  const select = useCallback(
    (id: string) => {
      if (id === view.route) return;
      mapRef.current?.flushCamera();
      mapRef.current?.focusWhenSelected(id);
      setOpenedFromList(splitLocale(pathname ?? '/').path === '/' ? id : null);
      router.push(localeHref(locale, formatViewState({ ...view, route: id, stage: null, camera: null })), { scroll: false });
    },
    [router, view, pathname, locale],
  );

  const setLayer = useCallback((group: LayerGroup, on: boolean) => setLayers((l) => ({ ...l, [group]: on })), []);
  const dismissNotices = useCallback(() => setDismissed(true), []);
  const loadAll = useCallback(() => setWantAll(true), []);
  const listHref = localeHref(locale, formatViewState({ ...view, route: null, stage: null, camera: null }));

  // The same object until something in it changes: the parts of the explorer that hydrate after
  // the map (components/after-first-map.tsx) must see no update before they do, or React
  // renders them again from scratch.
  const value: ExplorerState = useSameWhileEqual({
    complete: index !== null,
    loading: index === null && listWindow === null,
    loadAll,
    timeline: (index ?? NO_INDEX).timeline,
    whenLabels,
    error,
    total,
    shown,
    matching,
    items,
    visible,
    choices: (index ?? listWindow ?? NO_INDEX).choices,
    years: (index ?? listWindow ?? NO_INDEX).years,
    view,
    filters: view.filters,
    setFilters,
    selected,
    select,
    listHref,
    cameFromList: view.route !== null && view.route === openedFromList,
    hovered,
    setHovered,
    layers,
    setLayer,
    notices,
    dismissNotices,
    mapRef,
    panelScroll,
    returnFocusRef,
  });
  return <ExplorerContext value={value}>{children}</ExplorerContext>;
}
