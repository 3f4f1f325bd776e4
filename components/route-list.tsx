'use client';
// The list beside the map: every item, grouped by corridor, as ordinary links (they work
// without JavaScript and open in a new tab). With JavaScript: hovering or focusing an item
// highlights it on the map and the reverse; one Tab stop for the whole list, arrow keys move
// within it (roving tabindex), Enter opens the item without reloading the page.
import Link from 'next/link';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { RiskSwatch } from './risk-swatch';
import { RouteFilters } from './route-filters';
import { LanguageSwitch } from './language-switch';
import { ShareToolbar } from './share-toolbar';
import { TimelineStrip } from './timeline-strip';
import { useExplorer } from './explorer-state';
import { riskPhrase } from '@/geo/vocabulary';
import type { AtlasItem } from '@/lib/data/atlas-items';
import { LIST_PAGE, firstItems } from '@/lib/data/explorer-data';
import { useStrings } from '@/lib/i18n/client';
import { localeHref } from '@/lib/i18n/locales';
import { formatViewState } from '@/lib/view/view-state';

export interface RouteListProps {
  /** Shown above the list, e.g. that a link named no item. @default undefined */
  notice?: ReactNode;
}

export function RouteList({ notice }: RouteListProps) {
  const { returnFocusRef, ...ex } = useExplorer();
  const { explorer: t, locale } = useStrings();
  const { shown, matching, view, hovered, setHovered, select, loading, error } = ex;
  const listRef = useRef<HTMLDivElement>(null);
  // A long list shows a page of items, and more on request; a new filter starts from the top.
  const [limit, setLimit] = useState(LIST_PAGE);
  const [limitFor, setLimitFor] = useState(view.filters);
  if (limitFor !== view.filters) {
    setLimitFor(view.filters);
    setLimit(LIST_PAGE);
  }
  const groups = useMemo(() => firstItems(shown ?? [], limit), [shown, limit]);
  const flat = groups.flatMap((g) => g.items);
  const more = Math.min(LIST_PAGE, (matching ?? 0) - flat.length);
  const [active, setActive] = useState<string | null>(null);
  // The Tab stop: the item last moved to if it is still shown, else the first one.
  const tabStop = active && flat.some((i) => i.id === active) ? active : (flat[0]?.id ?? null);

  // Coming back from an item's page: focus returns to that item, as a browser would for a page.
  useEffect(() => {
    const opened = returnFocusRef.current;
    if (!opened) return;
    const link = listRef.current?.querySelector<HTMLAnchorElement>(`a[data-item="${CSS.escape(opened)}"]`);
    returnFocusRef.current = null;
    if (link && document.activeElement === document.body) {
      setActive(link.dataset.item!);
      link.focus({ preventScroll: true });
    }
  }, [returnFocusRef]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const links = [...listRef.current!.querySelectorAll<HTMLAnchorElement>('a[data-item]')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    const next =
      e.key === 'ArrowDown' ? at + 1 : e.key === 'ArrowUp' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? links.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const link = links[Math.max(0, Math.min(links.length - 1, next))];
    setActive(link.dataset.item!);
    link.focus();
  };

  const open = (e: MouseEvent<HTMLAnchorElement>, item: AtlasItem) => {
    // New tab, new window, download: the browser's business.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    returnFocusRef.current = item.id;
    select(item.id);
  };

  if (loading) {
    return (
      <>
        {notice}
        <p className="panel__status" role={error ? 'alert' : 'status'}>
          {error ? t.map.dataFailed : t.panel.loading}
        </p>
      </>
    );
  }

  return (
    <>
      <header className="panel__header">
        <LanguageSwitch />
        <h1 className="panel__title">{t.panel.heading}</h1>
        <p className="panel__intro">{t.panel.intro}</p>
        <ShareToolbar slug={null} title={t.panel.heading} />
      </header>
      {notice}
      <RouteFilters />
      <TimelineStrip />
      <p id="route-list-hint" className="visually-hidden">
        {t.list.keyboardHint}
      </p>
      <div
        ref={listRef}
        className="route-list"
        onKeyDown={onKeyDown}
        aria-label={t.list.label}
        aria-describedby="route-list-hint"
        role="group"
        data-testid="route-list"
      >
        {shown === null && <p className="panel__status">{t.panel.loading}</p>}
        {shown?.length === 0 && <p className="panel__status">{t.filters.none}</p>}
        {groups.map((group) => (
          <section key={group.id} className="corridor" aria-labelledby={`corridor-${group.id}`}>
            <h2 id={`corridor-${group.id}`} className="corridor__name">
              {group.name[locale]}
            </h2>
            <ul className="corridor__items">
              {group.items.map((item) => (
                <li key={item.id}>
                  {/* No prefetch: every item page is rendered per request, and there are dozens. */}
                  <Link
                    href={localeHref(locale, formatViewState({ ...view, route: item.id, stage: null, camera: null }))}
                    scroll={false}
                    prefetch={false}
                    className="item"
                    data-item={item.id}
                    data-hovered={hovered === item.id || undefined}
                    tabIndex={item.id === tabStop ? 0 : -1}
                    onClick={(e) => open(e, item)}
                    onMouseEnter={() => setHovered(item.id)}
                    onMouseLeave={() => setHovered(null)}
                    onFocus={() => {
                      setActive(item.id);
                      setHovered(item.id);
                    }}
                    onBlur={() => setHovered(null)}
                  >
                    <RiskSwatch level={item.level} kind={item.kind} approximate={item.precision === 'approximate'} />
                    <span className="item__text">
                      <span className="item__name">{item.name[locale]}</span>
                      <span className="item__meta">
                        {t.list.meta(t.kinds[item.kind], riskPhrase(item.level, locale))}
                        {item.precision === 'approximate' && <span className="item__approx"> · {t.list.approximate}</span>}
                        {item.precision === 'unplaced' && <span className="item__approx"> · {t.list.unplaced}</span>}
                      </span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      {more > 0 && (
        <button type="button" className="route-list__more" onClick={() => setLimit(flat.length + LIST_PAGE)} data-testid="show-more">
          {t.list.showMore(more)}
        </button>
      )}
    </>
  );
}
