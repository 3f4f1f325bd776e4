'use client';
// The one client island of an embed: the atlas map (components/atlas-map.tsx) with the embed's
// options and its compact key, without the explorer's state, list or data hooks, so the frame
// loads little script.
import { useEffect, useMemo, useRef, useState, type Ref } from 'react';
import { AtlasMap } from './atlas-map';
import { RiskSwatch } from './risk-swatch';
import styles from './embed-frame.module.css';
import { RISK_LEVELS, RISK_LEVEL_VALUES } from '@/geo/vocabulary';
import type { MapFeatureCollection } from '@/lib/api-schema';
import { corridorGroups } from '@/lib/atlas-items';
import { embedKeyPadding, embedMapSettings } from '@/lib/map-boot';
import { LAYER_GROUP_IDS, type LayerGroup } from '@/lib/map-style';
import type { MapTheme } from '@/lib/map-theme';
import { share } from '@/lib/strings';

const t = share.embedPage;
const ALL_LAYERS = Object.fromEntries(LAYER_GROUP_IDS.map((g) => [g, true])) as Record<LayerGroup, boolean>;
/** Frames this small start with the key folded, so the map stays visible. */
const SMALL_FRAME = '(max-height: 240px), (max-width: 320px)';

/** The map key, small enough for a 240×135 frame: the four risk levels and "approximate". */
function EmbedLegend({ ref }: { ref: Ref<HTMLDetailsElement> }) {
  return (
    <details ref={ref} className={styles.legend} open data-map-key data-testid="embed-legend">
      <summary className={styles.legendSummary}>{t.legendHeading}</summary>
      <p className="visually-hidden">{t.legendRisk}</p>
      <ul className={styles.legendList}>
        {RISK_LEVEL_VALUES.toReversed().map((level) => (
          <li key={level} className={styles.legendRow}>
            <RiskSwatch level={level} />
            <span>{RISK_LEVELS[level].en}</span>
          </li>
        ))}
        <li className={styles.legendRow}>
          <RiskSwatch level={3} approximate />
          <span>{t.legendApproximate}</span>
        </li>
      </ul>
    </details>
  );
}

export interface EmbedMapProps {
  collection: MapFeatureCollection;
  /** The item the embed shows, emphasised and fitted; null for all routes. */
  slug: string | null;
  /** A stage of that item to draw with a band of its own (`?stage=`). @default null */
  stage?: string | null;
  /** Ids passing the link's filters (the rest are dimmed); null when nothing is filtered. */
  visibleIds: string[] | null;
  /** [west, south, east, north] to fit when the hash names no camera. */
  bounds: [number, number, number, number];
  /** @default true */
  interactive?: boolean;
  /** Show the key over the map. @default true */
  legend?: boolean;
  /** @default 'light' */
  theme?: MapTheme;
  describedBy: string;
}

export function EmbedMap({ collection, slug, stage = null, visibleIds, bounds, interactive = true, legend = true, theme = 'light', describedBy }: EmbedMapProps) {
  const items = useMemo(() => new Map(corridorGroups(collection).flatMap((g) => g.items.map((i) => [i.id, i] as const))), [collection]);
  const visible = useMemo(() => (visibleIds ? new Set(visibleIds) : null), [visibleIds]);
  const [hovered, setHovered] = useState<string | null>(null);
  const legendRef = useRef<HTMLDetailsElement>(null);

  // Read once: after that the visitor opens and folds the key.
  useEffect(() => {
    if (legendRef.current && window.matchMedia(SMALL_FRAME).matches) legendRef.current.open = false;
  }, []);

  return (
    <>
      <AtlasMap
        collection={collection}
        items={items}
        selected={slug}
        hovered={hovered}
        visible={visible}
        layers={ALL_LAYERS}
        onHover={setHovered}
        // The host page stays where it is: an item's full page opens beside it.
        onSelect={(id) => window.open(`/routes/${encodeURIComponent(id)}`, '_blank', 'noopener,noreferrer')}
        describedBy={describedBy}
        fitPadding={embedKeyPadding}
        // Scrolling the host page over the frame scrolls the page; Ctrl/⌘ + wheel zooms the map.
        {...embedMapSettings({ interactive, theme })}
        initialBounds={bounds}
        stage={stage}
      />
      {legend && <EmbedLegend ref={legendRef} />}
    </>
  );
}
