'use client';
// The explorer's frame, kept mounted across the list and the route pages (app/(explorer)/layout):
// the map, the side panel (a bottom sheet on phones) holding the page, and the live region that
// announces what is selected.
import { usePathname } from 'next/navigation';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { AfterFirstMap, MapModuleContext } from './after-first-map';
import { AtlasMap } from './atlas-map';
import { useExplorer } from './explorer-state';
import { LinkNotices } from './link-notices';
import { MapLegend } from './map-legend';
import { EXPLORER_MAP_DESCRIPTION_ID as MAP_DESCRIPTION_ID, type ExplorerMapConfig } from '@/lib/map/settings';
import { useStrings } from '@/lib/i18n/client';

export const PANEL_ID = 'route-panel';

/**
 * A larger atlas's first response carries a window of the list (lib/data/explorer-data.ts): the
 * rest is asked for once this has hydrated, which is after the map has first drawn.
 */
function LoadTheRest() {
  const { complete, loadAll } = useExplorer();
  useEffect(() => {
    if (!complete) loadAll();
  }, [complete, loadAll]);
  return null;
}

/**
 * `map`: the map module's URL and the page's config for it; `mapStart`: the server's tags that
 * start it (components/map-start.tsx), placed right before the map's container, so the parser
 * reaches them before the map's key and the panel's content.
 */
export function ExplorerShell({
  children,
  map,
  mapStart,
}: {
  children: ReactNode;
  map: { module: string; config: ExplorerMapConfig };
  mapStart: ReactNode;
}) {
  // The refs apart: they are handed on, never read while rendering.
  const { mapRef, panelScroll, ...ex } = useExplorer();
  const { explorer: t, locale } = useStrings();
  // null only on a Pages Router page (the embeds), which never renders this.
  const pathname = usePathname() ?? '/';
  const panelRef = useRef<HTMLElement>(null);
  const [expanded, setExpanded] = useState(false);

  // Each page keeps its own scroll position in the panel, so Back lands where the list was.
  useLayoutEffect(() => {
    const panel = panelRef.current!;
    const positions = panelScroll.current;
    panel.scrollTop = positions.get(pathname) ?? 0;
    const onScroll = () => positions.set(pathname, panel.scrollTop);
    panel.addEventListener('scroll', onScroll, { passive: true });
    return () => panel.removeEventListener('scroll', onScroll);
  }, [pathname, panelScroll]);

  // Opening an item from the list moves focus to its heading, as a page load would.
  useLayoutEffect(() => {
    if (!ex.cameFromList) return;
    const panel = panelRef.current!;
    const focusHeading = () => {
      const heading = panel.querySelector<HTMLElement>('h1');
      if (!heading) return false;
      if (!heading.contains(document.activeElement)) {
        heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
      }
      return true;
    };
    if (focusHeading()) return;
    // The page's content sits in a Suspense boundary (components/after-first-map.tsx): when the
    // server streams it after the address has changed (a slow first render), it comes later.
    const arriving = new MutationObserver(() => {
      if (focusHeading()) arriving.disconnect();
    });
    arriving.observe(panel, { childList: true, subtree: true });
    return () => arriving.disconnect();
  }, [pathname, ex.cameFromList]);

  const announcement = ex.selected ? t.announce.selected(ex.selected.name[locale]) : '';

  return (
    <MapModuleContext value={map.module}>
      <main className="explorer" data-atlas="explorer">
        {/* First in the page: keyboard users can pass the map and its controls in one step. */}
        <a className="skip-link" href={`#${PANEL_ID}`}>
          {t.skipToList}
        </a>
        <section className="explorer__map" aria-label={t.map.label}>
          <p id={MAP_DESCRIPTION_ID} className="visually-hidden">
            {t.map.description}
          </p>
          {/* Before the map's container: the map module, hoisted into the <head>, starts the map
              as soon as the parser has made the container, and its config is complete by then. */}
          {mapStart}
          {/* The map's host and key hydrate once the map module's map has first drawn. */}
          <AfterFirstMap>
            <AtlasMap
              ref={mapRef}
              module={map.module}
              config={map.config}
              items={ex.items}
              selected={ex.selected?.id ?? null}
              stage={ex.selected ? ex.view.stage : null}
              hovered={ex.hovered}
              visible={ex.visible}
              layers={ex.layers}
              onHover={ex.setHovered}
              onSelect={ex.select}
            />
            <MapLegend />
            <LoadTheRest />
          </AfterFirstMap>
        </section>
        <section
          id={PANEL_ID}
          ref={panelRef}
          className="panel"
          data-expanded={expanded}
          tabIndex={-1}
          aria-label={t.panel.label}
          data-testid="panel"
        >
          <button
            type="button"
            className="panel__handle"
            aria-expanded={expanded}
            aria-controls={PANEL_ID}
            onClick={() => setExpanded((x) => !x)}
          >
            <span className="panel__grip" aria-hidden="true" />
            <span className="visually-hidden">{expanded ? t.panel.collapse : t.panel.expand}</span>
          </button>
          {/* Not in a Suspense boundary: a page's notFound() must still set the 404 status. */}
          <LinkNotices />
          {children}
        </section>
        <p className="visually-hidden" aria-live="polite" data-testid="announcer">
          {announcement}
        </p>
      </main>
    </MapModuleContext>
  );
}
