// A small drawing of how the map shows an item at a risk level: the level's colour with its line
// pattern (routes, zones) or its number (crossings, events), so the key never rests on colour.
import { POINT_KINDS, type ItemKind, type RiskLevel } from '@/geo/vocabulary';
import { MAP_COLORS, RISK_COLORS, svgDashArray } from '@/lib/palette/palette';

const LINE_WIDTH = 3.5;
const { ink: INK, halo: HALO } = MAP_COLORS.light;

export interface RiskSwatchProps {
  level: RiskLevel;
  /** How the item is drawn. @default 'route' */
  kind?: ItemKind | 'stage';
  /** Whether to add the translucent corridor of approximate geometry. @default false */
  approximate?: boolean;
}

export function RiskSwatch({ level, kind = 'route', approximate = false }: RiskSwatchProps) {
  const color = RISK_COLORS[level];
  if ((POINT_KINDS as readonly string[]).includes(kind)) {
    return (
      <svg className="swatch" width="40" height="22" viewBox="0 0 40 22" aria-hidden="true" focusable="false">
        {approximate && <circle cx="20" cy="11" r="11" fill={color} opacity="0.2" />}
        <circle cx="20" cy="11" r="8" fill={color} stroke={kind === 'crossing' ? INK : HALO} strokeWidth="2" />
        <text x="20" y="15" textAnchor="middle" fontSize="11" fontWeight="700" fill={INK}>
          {level}
        </text>
      </svg>
    );
  }
  if (kind === 'zone') {
    return (
      <svg className="swatch" width="40" height="22" viewBox="0 0 40 22" aria-hidden="true" focusable="false">
        <rect
          x="4"
          y="3"
          width="32"
          height="16"
          fill={color}
          fillOpacity="0.18"
          stroke={color}
          strokeWidth="2.5"
          strokeDasharray={svgDashArray(level, 2.5)}
        />
      </svg>
    );
  }
  return (
    <svg className="swatch" width="40" height="22" viewBox="0 0 40 22" aria-hidden="true" focusable="false">
      {approximate && <line x1="4" y1="11" x2="36" y2="11" stroke={color} strokeWidth="14" strokeLinecap="round" opacity="0.18" />}
      <line x1="2" y1="11" x2="38" y2="11" stroke={HALO} strokeWidth={LINE_WIDTH + 2.5} />
      <line x1="2" y1="11" x2="38" y2="11" stroke={color} strokeWidth={LINE_WIDTH} strokeDasharray={svgDashArray(level, LINE_WIDTH)} />
    </svg>
  );
}
