// Every colour the atlas draws or prints, written once. The MapLibre style (lib/map/style.ts, its
// dark theme lib/map/theme.ts), the still images (lib/still/image.tsx), the risk swatches and the
// pages' CSS (as custom properties, lib/palette/css-properties.ts) all read them from here, so the
// sea of a slide is the sea of the map it stands for. The risk colours and line patterns are part
// of the risk scale itself (geo/vocabulary.ts, where their accessibility is argued); this module
// only passes them on. Pure data: safe in the browser, the server and the embed bundle.
import { RISK_LEVELS, type RiskLevel } from '@/geo/vocabulary';

const R = RISK_LEVELS;
/** A risk level's colour (Okabe–Ito) and dash pattern (in line widths; [1, 0] is solid). */
export const RISK_COLORS: Record<RiskLevel, string> = { 1: R[1].color, 2: R[2].color, 3: R[3].color, 4: R[4].color };
export const RISK_DASHES: Record<RiskLevel, readonly number[]> = { 1: R[1].dash, 2: R[2].dash, 3: R[3].dash, 4: R[4].dash };

/** The basemap and the ink drawn over it, for one theme. */
export interface MapColors {
  sea: string;
  land: string;
  /** North Korea, a shade apart from its neighbours: every line on the map starts there. */
  landNorthKorea: string;
  landOutline: string;
  border: string;
  river: string;
  riverLabel: string;
  city: string;
  cityLabel: string;
  countryLabel: string;
  /** Names of routes, zones and points, and the ring of a crossing. */
  ink: string;
  /** The halo behind labels and the white underline of every risk line. */
  halo: string;
}

/** The page around the map, for one theme (CSS custom property names in lib/palette/css-properties.ts). */
export interface UiColors {
  ink: string;
  inkSoft: string;
  paper: string;
  paperSoft: string;
  line: string;
  /** Borders of inputs and buttons: darker than `line`, for 3:1 contrast (WCAG 1.4.11). */
  control: string;
  link: string;
  focus: string;
  hover: string;
  /** A notice (a link that needed fixing): its tint, its edge is the "severe" risk colour. */
  notice: string;
  /** The safety statement: its tint, its edge is the "extreme" risk colour. */
  warning: string;
  error: string;
  /** The phone sheet's grip. */
  grip: string;
  /** Shadows and the dialog's backdrop, used translucent. */
  shadow: string;
}

export const MAP_COLORS: Record<'light' | 'dark', MapColors> = {
  light: {
    sea: '#dce8f0',
    land: '#f6f3ec',
    landNorthKorea: '#e9e1cf',
    landOutline: '#c9c2b4',
    border: '#9c9484',
    river: '#3b83c4',
    riverLabel: '#1f5f99',
    city: '#5b5b5b',
    cityLabel: '#4a4a4a',
    countryLabel: '#857d6e',
    ink: '#1a1a1a',
    halo: '#ffffff',
  },
  dark: {
    sea: '#102130',
    land: '#262a2f',
    landNorthKorea: '#3d3629',
    landOutline: '#4b5158',
    border: '#8d939b',
    river: '#4f97dd',
    riverLabel: '#a7d0f5',
    city: '#c4c4c4',
    cityLabel: '#d6d6d6',
    countryLabel: '#b8b0a0',
    ink: '#f0f2f4',
    halo: '#101418',
  },
};

const LINK = '#0058a3';
const DARK_LINK = '#9fcbff';

const LIGHT_UI = {
  ink: MAP_COLORS.light.ink,
  inkSoft: '#4d4d4d',
  paper: MAP_COLORS.light.halo,
  paperSoft: '#f5f3ee',
  line: '#d9d4c9',
  control: '#8c8578',
  link: LINK,
  focus: LINK,
  hover: '#fff3d6',
  notice: '#fff8e6',
  warning: '#fdf0e8',
  error: '#8a1c00',
  grip: '#9a9385',
  shadow: '#000000',
} as const satisfies UiColors;

export const UI_COLORS: Record<'light' | 'dark', UiColors> = {
  light: LIGHT_UI,
  // Only embeds on dark host pages (`?theme=dark`) use it.
  dark: {
    ...LIGHT_UI,
    ink: '#f0f0f0',
    inkSoft: '#c8c8c8',
    paper: '#15191e',
    line: '#3a4049',
    link: DARK_LINK,
    focus: DARK_LINK,
  },
};

/**
 * The still images' own colours: the map's basemap with the page's text around it. Only the
 * faint context lines (other routes behind the one an image is about) have no counterpart.
 */
export const STILL_COLORS = {
  sea: MAP_COLORS.light.sea,
  land: MAP_COLORS.light.land,
  border: MAP_COLORS.light.border,
  river: MAP_COLORS.light.river,
  faint: '#8d939b',
  casing: MAP_COLORS.light.halo,
  panel: UI_COLORS.light.paper,
  text: UI_COLORS.light.ink,
  muted: UI_COLORS.light.inkSoft,
  label: MAP_COLORS.light.countryLabel,
} as const;

/**
 * A level's dash pattern as an SVG stroke-dasharray for a line `width` wide (the vocabulary gives
 * it in line widths, as MapLibre's line-dasharray does), or undefined for a solid line.
 */
export function svgDashArray(level: RiskLevel, width: number): string | undefined {
  const dash = RISK_DASHES[level];
  if (dash.length < 2 || dash[1] === 0) return undefined;
  return dash.map((d) => +(d * width).toFixed(1)).join(' ');
}
