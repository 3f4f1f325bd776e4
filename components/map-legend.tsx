'use client';
// The map key: the risk scale (colour + pattern + words), the shapes, what "approximate" looks
// like, the hazards, and the switches for each group of layers.
import { useRef } from 'react';
import { RiskSwatch } from './risk-swatch';
import { useExplorer } from './explorer-state';
import { HAZARDS, RISK_LEVELS, RISK_LEVEL_VALUES, type HazardId } from '@/geo/vocabulary';
import { LAYER_GROUP_IDS, type LayerGroup } from '@/lib/map/style';
import { useStrings } from '@/lib/i18n/client';

export function MapLegend() {
  const { layers, setLayer } = useExplorer();
  const { explorer: t, locale, vocabulary } = useStrings();
  const LAYER_LABELS: Record<LayerGroup, string> = {
    routes: t.legend.layerRoutes,
    points: t.legend.layerPoints,
    zones: t.legend.layerZones,
  };
  const details = useRef<HTMLDetailsElement>(null);

  // Folded at first on every screen (issue #15): open, it covers the routes on the map's left. Its
  // summary is a button to keyboards and screen readers ("Map key", collapsed/expanded), and the
  // map leaves room for it when it is open (lib/map/boot.ts keyPadding).
  return (
    <details
      ref={details}
      className="legend"
      onKeyDown={(e) => {
        // Escape folds the key away and leaves focus on its summary, as it would a menu.
        if (e.key !== 'Escape' || !details.current!.open) return;
        e.preventDefault();
        details.current!.open = false;
        details.current!.querySelector<HTMLElement>('summary')!.focus();
      }}
    >
      <summary className="legend__summary">{t.legend.heading}</summary>
      <div className="legend__body">
        <h3 className="legend__heading">{t.legend.risk}</h3>
        <ul className="legend__list legend__risk">
          {RISK_LEVEL_VALUES.toReversed().map((level) => (
            <li key={level} className="legend__row legend__row--compact">
              <RiskSwatch level={level} />
              <span>{RISK_LEVELS[level][locale]}</span>
            </li>
          ))}
        </ul>
        <details className="legend__levels">
          <summary>{t.legend.levelsExplained}</summary>
          <dl>
            {RISK_LEVEL_VALUES.toReversed().map((level) => (
              <div key={level}>
                <dt>{RISK_LEVELS[level][locale]}</dt>
                <dd>{vocabulary.description(RISK_LEVELS[level])}</dd>
              </div>
            ))}
          </dl>
        </details>

        <h3 className="legend__heading">{t.legend.shapes}</h3>
        <ul className="legend__list">
          <li className="legend__row">
            <RiskSwatch level={3} />
            <span>{t.legend.routeLine}</span>
          </li>
          <li className="legend__row">
            <RiskSwatch level={3} kind="event" />
            <span>{t.legend.point}</span>
          </li>
          <li className="legend__row">
            <RiskSwatch level={3} kind="zone" />
            <span>{t.legend.zone}</span>
          </li>
          <li className="legend__row">
            <RiskSwatch level={3} approximate />
            <span>{t.legend.approximate}</span>
          </li>
        </ul>

        <fieldset className="legend__layers">
          <legend className="legend__heading">{t.legend.layers}</legend>
          {LAYER_GROUP_IDS.map((group) => (
            <label key={group} className="check">
              <input type="checkbox" checked={layers[group]} onChange={(e) => setLayer(group, e.currentTarget.checked)} />
              {LAYER_LABELS[group]}
            </label>
          ))}
        </fieldset>

        <details className="legend__hazards">
          <summary>{t.legend.hazards}</summary>
          <dl>
            {(Object.keys(HAZARDS) as HazardId[]).map((h) => (
              <div key={h}>
                <dt>{HAZARDS[h][locale]}</dt>
                <dd>{vocabulary.description(HAZARDS[h])}</dd>
              </div>
            ))}
          </dl>
        </details>
      </div>
    </details>
  );
}
