'use client';
// Search and filters over the list (and the map, which dims what they leave out). Every change
// goes to the URL (lib/view/view-state.ts), so a filtered view can be shared and survives Back.
import { useId, useState } from 'react';
import { PeriodFilter } from './period-filter';
import { RiskSwatch } from './risk-swatch';
import { useExplorer } from './explorer-state';
import { COUNTRIES, HAZARDS, RISK_LEVELS, RISK_LEVEL_VALUES } from '@/geo/vocabulary';
import { useStrings } from '@/lib/i18n/client';
import { Q_MAX_LENGTH, hasFilters, EMPTY_FILTERS, type Filters } from '@/lib/view/view-state';

function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
}

export function RouteFilters() {
  const { filters, setFilters, choices, matching, total } = useExplorer();
  const { explorer: t, locale } = useStrings();
  const searchId = useId();

  // The box keeps what is typed; the URL follows. When the URL changes under it (Back, a
  // cleared filter) the box takes the URL's text: adjusted during render, not in an effect.
  const [draft, setDraft] = useState(filters.q);
  const [seenQ, setSeenQ] = useState(filters.q);
  if (filters.q !== seenQ) {
    setSeenQ(filters.q);
    if (filters.q !== draft.trim()) setDraft(filters.q);
  }

  const update = (patch: Partial<Filters>) => setFilters({ ...filters, ...patch });

  return (
    <form className="filters" role="search" aria-label={t.filters.heading} onSubmit={(e) => e.preventDefault()}>
      <div className="filters__search">
        <label htmlFor={searchId}>{t.filters.search}</label>
        <input
          id={searchId}
          type="search"
          value={draft}
          maxLength={Q_MAX_LENGTH}
          placeholder={t.filters.searchPlaceholder}
          autoComplete="off"
          onChange={(e) => {
            const value = e.currentTarget.value;
            setDraft(value);
            setSeenQ(value.trim());
            update({ q: value.trim() });
          }}
        />
      </div>

      <fieldset className="filters__levels">
        <legend>{t.filters.level}</legend>
        {RISK_LEVEL_VALUES.map((level) => (
          <label key={level} className="chip">
            <input
              type="checkbox"
              checked={filters.levels.includes(level)}
              onChange={(e) => update({ levels: toggle(filters.levels, level, e.currentTarget.checked) })}
            />
            <RiskSwatch level={level} />
            {RISK_LEVELS[level][locale]}
          </label>
        ))}
      </fieldset>

      <div className="filters__row">
        <details className="filters__more">
          <summary>
            {t.filters.hazard}
            {filters.hazards.length > 0 && <span className="filters__badge"> ({filters.hazards.length})</span>}
          </summary>
          <fieldset>
            <legend className="visually-hidden">{t.filters.hazard}</legend>
            {choices.hazards.map((h) => (
              <label key={h} className="check">
                <input
                  type="checkbox"
                  checked={filters.hazards.includes(h)}
                  onChange={(e) => update({ hazards: toggle(filters.hazards, h, e.currentTarget.checked) })}
                />
                {HAZARDS[h][locale]}
              </label>
            ))}
          </fieldset>
        </details>

        <details className="filters__more">
          <summary>
            {t.filters.to}
            {filters.to.length > 0 && <span className="filters__badge"> ({filters.to.length})</span>}
          </summary>
          <fieldset>
            <legend className="visually-hidden">{t.filters.to}</legend>
            {choices.to.map((c) => (
              <label key={c} className="check">
                <input
                  type="checkbox"
                  checked={filters.to.includes(c)}
                  onChange={(e) => update({ to: toggle(filters.to, c, e.currentTarget.checked) })}
                />
                {COUNTRIES[c][locale]}
              </label>
            ))}
          </fieldset>
        </details>
      </div>

      <PeriodFilter />

      <div className="filters__status">
        <p aria-live="polite" className="filters__count" data-testid="result-count">
          {matching === null ? t.panel.loading : t.filters.count(matching, total)}
        </p>
        {hasFilters(filters) && (
          <button
            type="button"
            className="button-link"
            onClick={() => {
              setDraft('');
              setSeenQ('');
              setFilters(EMPTY_FILTERS);
            }}
          >
            {t.filters.clear}
          </button>
        )}
      </div>
    </form>
  );
}
