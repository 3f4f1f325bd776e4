// The still image of a route (or of all routes) for slides and link previews, as JSX for
// next/og's ImageResponse: a side panel with the title, the risk legend and the sources, and
// the map drawn as inline SVG from the same basemap and atlas data the explorer shows.
// Pure: the same input always gives the same element, hence the same PNG.
import type { ReactElement } from 'react';
import type { Geometry, Position } from 'geojson';
import { RISK_LEVELS, riskPhrase, type RiskLevel } from '@/geo/vocabulary';
import { RISK_COLORS, STILL_COLORS, svgDashArray } from '../palette/palette';
import type { MapFeatureCollection, RouteDetail } from '../data/api-schema';
import { localizeDetail } from '../i18n/content';
import type { Locale } from '../i18n/locales';
import { stringsFor } from '../i18n/strings';
import type { BasemapCollection } from './basemap';
import { STILL_SIZES, type StillSize } from './sizes';
import { bbox, type Bbox } from '@/geo/geometry';
import { areaPath, fitProjection, inRect, linePath, type Projection, type Rect } from './svg-map';

export interface StillImageInput {
  size: StillSize;
  basemap: BasemapCollection;
  atlas: MapFeatureCollection;
  /** The item the image is about, or null for the image of all routes. */
  focus: RouteDetail | null;
  /** The language of its words. @default 'en' */
  lang?: Locale;
  /** A tour's step (lib/tour/still.ts): the part of the map to frame and the words over it. */
  frame?: { bbox: Bbox; title: string; subtitle: string; level: RiskLevel };
}

/** Colours of the image: the live map's basemap and the site's text (lib/palette/palette.ts). */
export const PALETTE = STILL_COLORS;

/** Pixel sizes per image size: the social card is read small, so its lines are relatively bolder. */
const LAYOUT = {
  slide: {
    panel: 600,
    pad: 56,
    title: 60,
    subtitle: 26,
    body: 22,
    small: 19,
    label: 22,
    line: 8,
    faint: 3,
    point: 15,
    legendSwatch: 84,
    mapPadding: 90,
  },
  social: {
    panel: 420,
    pad: 34,
    title: 38,
    subtitle: 18,
    body: 16,
    small: 14,
    label: 16,
    line: 6,
    faint: 2.5,
    point: 11,
    legendSwatch: 56,
    mapPadding: 44,
  },
} as const;

export interface StillLayout {
  width: number;
  height: number;
  /** Where the map is drawn, in image pixels. */
  map: Rect;
  /** Longitude/latitude to image pixels. */
  project: Projection;
}

type MapFeature = MapFeatureCollection['features'][number];
const geometryOf = (f: MapFeature) => f.geometry as Geometry;
/** Features with a geometry: an unplaced event (geometry null) is listed elsewhere, never drawn. */
const placed = (f: MapFeature) => f.geometry !== null;

/** Bounding box of the whole atlas: the view of the all-routes image. */
export function atlasBbox(atlas: MapFeatureCollection): Bbox {
  return bbox(...atlas.features.filter(placed).map(geometryOf));
}

/** Where things go on an image of `size` showing `bbox`; exported so tests can find the route's pixels. */
export function stillLayout(size: StillSize, bbox: Bbox): StillLayout {
  const { width, height } = STILL_SIZES[size];
  const l = LAYOUT[size];
  const map: Rect = { x: l.panel, y: 0, width: width - l.panel, height };
  // At least ~7° across: a short river crossing still shows the countries on both banks.
  return { width, height, map, project: fitProjection(bbox, map, l.mapPadding, 7) };
}

/** The dash pattern of a risk level at a line width: the vocabulary gives it in line widths. */
export const dashArray = svgDashArray;

/** Publishers of every source the item cites, in order of first citation (author or title when unnamed). */
export function sourceNames(detail: RouteDetail): string[] {
  const names = detail.stages.flatMap((s) =>
    s.annotations.flatMap((a) => a.citations.map(({ source }) => source.publisher ?? source.author ?? source.title)),
  );
  return [...new Set(names)];
}

function mapLayers(input: StillImageInput, layout: StillLayout): ReactElement {
  const l = LAYOUT[input.size];
  const { map } = layout;
  // The map has its own coordinate system (origin at its top-left) and clips what overflows it.
  const local = ((p: Position) => {
    const [x, y] = layout.project(p);
    return [x - map.x, y - map.y];
  }) as Projection;
  local.scale = layout.project.scale;
  const clip: Rect = { x: -20, y: -20, width: map.width + 40, height: map.height + 40 };
  const layer = (name: string) => input.basemap.features.filter((f) => f.properties.layer === name).map((f) => f.geometry);

  const focus = input.focus?.id ?? null;
  const mine = (f: MapFeature) => focus === null || f.properties.item === focus;
  const drawn = input.atlas.features.filter((f) => f.properties.kind !== 'route' && placed(f) && mine(f));
  // A route is drawn by its stages, each at its own level; other items' routes stay faint context.
  const faint = focus === null ? [] : input.atlas.features.filter((f) => f.properties.kind === 'route' && !mine(f));
  const lineWidth = focus === null ? l.line * 0.75 : l.line;
  const pointR = focus === null ? l.point * 0.7 : l.point;

  const lines: ReactElement[] = [];
  const areas: ReactElement[] = [];
  const points: ReactElement[] = [];
  drawn.forEach((f) => {
    const level = f.properties.level as RiskLevel;
    const color = RISK_COLORS[level];
    const g = geometryOf(f);
    const key = f.properties.uid;
    if (g.type === 'Polygon') {
      areas.push(
        <path
          key={key}
          d={areaPath([g], local, clip)}
          fill={color}
          fillOpacity={0.22}
          stroke={color}
          strokeWidth={l.faint}
          strokeDasharray={dashArray(level, l.faint)}
        />,
      );
    } else if (g.type === 'LineString') {
      const d = linePath([g], local, clip);
      lines.push(
        <path
          key={`${key}-casing`}
          d={d}
          fill="none"
          stroke={PALETTE.casing}
          strokeWidth={lineWidth + 4}
          strokeLinecap="round"
          strokeLinejoin="round"
        />,
      );
      lines.push(
        <path
          key={key}
          d={d}
          fill="none"
          stroke={color}
          strokeWidth={lineWidth}
          strokeDasharray={dashArray(level, lineWidth)}
          strokeLinejoin="round"
        />,
      );
    } else if (g.type === 'Point') {
      const [cx, cy] = local(g.coordinates);
      points.push(
        <circle key={key} cx={Math.round(cx)} cy={Math.round(cy)} r={pointR} fill={color} stroke={PALETTE.casing} strokeWidth={3} />,
      );
    }
  });

  return (
    <svg
      width={map.width}
      height={map.height}
      viewBox={`0 0 ${map.width} ${map.height}`}
      style={{ position: 'absolute', left: map.x, top: map.y }}
    >
      <rect x={0} y={0} width={map.width} height={map.height} fill={PALETTE.sea} />
      <path d={areaPath(layer('country'), local, clip)} fill={PALETTE.land} />
      <path d={linePath(layer('river'), local, clip)} fill="none" stroke={PALETTE.river} strokeWidth={1.5} />
      <path d={linePath(layer('border'), local, clip)} fill="none" stroke={PALETTE.border} strokeWidth={1.3} strokeDasharray="5 3" />
      {faint.length ? (
        <path
          d={linePath(faint.map(geometryOf), local, clip)}
          fill="none"
          stroke={PALETTE.faint}
          strokeOpacity={0.55}
          strokeWidth={l.faint}
          strokeLinejoin="round"
        />
      ) : null}
      {areas}
      {lines}
      {points}
    </svg>
  );
}

/** Country names placed over the map (satori draws text in HTML, not inside SVG). */
function countryLabels(input: StillImageInput, layout: StillLayout): ReactElement[] {
  const l = LAYOUT[input.size];
  const lang = input.lang ?? 'en';
  return input.basemap.features.flatMap((f) => {
    const p = f.properties;
    if (p.layer !== 'country-label' || f.geometry.type !== 'Point') return [];
    const [x, y] = layout.project(f.geometry.coordinates);
    const inner: Rect = { x: layout.map.x + 60, y: 30, width: layout.map.width - 120, height: layout.height - 60 };
    if (!inRect([x, y], inner)) return [];
    return [
      <div
        key={p.code}
        style={{
          position: 'absolute',
          left: Math.round(x) - 150,
          top: Math.round(y) - l.label,
          width: 300,
          display: 'flex',
          justifyContent: 'center',
          fontSize: l.label,
          letterSpacing: 3,
          color: PALETTE.label,
          textTransform: 'uppercase',
        }}
      >
        {lang === 'ko' ? p.name_ko : p.name_en}
      </div>,
    ];
  });
}

function legend(size: StillSize, lang: Locale): ReactElement {
  const SHARE_STRINGS = stringsFor(lang).cards;
  const l = LAYOUT[size];
  const h = Math.round(l.body * 1.1);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: Math.round(l.small * 0.5) }}>
      <div style={{ fontSize: l.small, color: PALETTE.muted, marginBottom: 4 }}>{SHARE_STRINGS.riskHeading}</div>
      {([4, 3, 2, 1] as RiskLevel[]).map((level) => (
        <div key={level} style={{ display: 'flex', alignItems: 'center', gap: 14 }}>
          <svg width={l.legendSwatch} height={h} viewBox={`0 0 ${l.legendSwatch} ${h}`}>
            <path
              d={`M2 ${h / 2}H${l.legendSwatch - 2}`}
              stroke={RISK_COLORS[level]}
              strokeWidth={l.line}
              strokeDasharray={dashArray(level, l.line)}
            />
          </svg>
          <div style={{ fontSize: l.body, color: PALETTE.text }}>{RISK_LEVELS[level][lang]}</div>
        </div>
      ))}
    </div>
  );
}

function panel(input: StillImageInput, sources: string[]): ReactElement {
  const lang = input.lang ?? 'en';
  const SHARE_STRINGS = stringsFor(lang).cards;
  const l = LAYOUT[input.size];
  const { height } = STILL_SIZES[input.size];
  const d = input.focus ? localizeDetail(input.focus, lang) : null;
  const title = input.frame?.title ?? (d ? d.name[lang] : SHARE_STRINGS.allRoutesTitle);
  // A tour's step states its own stage's level; an item's image, the item's.
  const level = input.frame?.level ?? d?.level;
  const subtitle =
    input.frame?.subtitle ??
    (d ? [SHARE_STRINGS.kind[d.kind], d.corridor.name[lang], d.when?.label].filter(Boolean).join(' · ') : SHARE_STRINGS.allRoutesSubtitle);
  return (
    <div
      style={{
        position: 'absolute',
        left: 0,
        top: 0,
        width: l.panel,
        height,
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: l.pad,
        background: PALETTE.panel,
        borderRight: `1px solid ${PALETTE.border}`,
      }}
    >
      <div style={{ display: 'flex', flexDirection: 'column', gap: Math.round(l.pad * 0.35) }}>
        <div style={{ fontSize: l.small, letterSpacing: 4, color: PALETTE.muted, textTransform: 'uppercase' }}>{SHARE_STRINGS.appName}</div>
        <div style={{ fontSize: l.title, lineHeight: 1.1, color: PALETTE.text }}>{title}</div>
        <div style={{ fontSize: l.subtitle, color: PALETTE.muted }}>{subtitle}</div>
        {level ? (
          <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginTop: 6 }}>
            <div style={{ width: l.subtitle, height: l.subtitle, borderRadius: l.subtitle, background: RISK_COLORS[level] }} />
            <div style={{ fontSize: l.subtitle, color: PALETTE.text }}>{riskPhrase(level, lang)}</div>
          </div>
        ) : null}
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', gap: Math.round(l.pad * 0.45) }}>
        {legend(input.size, lang)}
        <div style={{ fontSize: l.small, color: PALETTE.muted }}>{SHARE_STRINGS.corridorNote}</div>
        <div
          style={{ fontSize: l.small, color: PALETTE.text, lineHeight: 1.35 }}
        >{`${SHARE_STRINGS.sourcesPrefix}${sources.join(', ')}`}</div>
        <div style={{ fontSize: l.small, color: PALETTE.muted }}>{`${SHARE_STRINGS.appName} · ${SHARE_STRINGS.basemapCredit}`}</div>
      </div>
    </div>
  );
}

/**
 * The image as JSX, with the layout used to draw it. `sources` are the names on the "Sources:"
 * line: for one item, `sourceNames(detail)`; for all routes, every publisher in the atlas.
 */
export function stillImage(input: StillImageInput, sources: string[]): { element: ReactElement; layout: StillLayout } {
  const bbox = input.frame?.bbox ?? (input.focus?.bbox ? (input.focus.bbox as Bbox) : atlasBbox(input.atlas));
  const layout = stillLayout(input.size, bbox);
  const element = (
    <div style={{ position: 'relative', display: 'flex', width: layout.width, height: layout.height, background: PALETTE.sea }}>
      {mapLayers(input, layout)}
      {countryLabels(input, layout)}
      {panel(input, sources)}
    </div>
  );
  return { element, layout };
}
