'use client';
// The period filter (`?from=2011&to=2015`): two year menus over the years the atlas's dates span.
// What falls outside is dimmed on the map and left out of the list, as the other filters do.
import { useId } from 'react';
import { useExplorer } from './explorer-state';
import styles from './time.module.css';
import { useStrings } from '@/lib/i18n/client';

export function PeriodFilter() {
  // Every year from the earliest to the latest date the data carries (lib/data/explorer-data.ts).
  const { filters, setFilters, years } = useExplorer();
  const t = useStrings().time;
  const id = useId();
  // A link may name a year the data does not reach: it stays a choice, so the menu shows it.
  const choices = [...new Set([...years, ...[filters.years.from, filters.years.to].filter((y): y is number => y !== null)])].sort();
  if (choices.length === 0) return null;

  const set = (bound: 'from' | 'to', raw: string) => {
    const value = raw === '' ? null : Number(raw);
    const next = { ...filters.years, [bound]: value };
    // Keep the period the right way round: moving one end past the other takes it along.
    if (next.from !== null && next.to !== null && next.from > next.to) {
      if (bound === 'from') next.to = next.from;
      else next.from = next.to;
    }
    setFilters({ ...filters, years: next });
  };

  return (
    <fieldset className={styles.period} aria-describedby={`${id}-hint`} data-testid="period-filter">
      <legend>{t.filter.legend}</legend>
      {(['from', 'to'] as const).map((bound) => (
        // A label beside its menu, not around it: the menu's name is the word alone, not its chosen year too.
        <div key={bound} className={styles.bound}>
          <label htmlFor={`${id}-${bound}`}>{t.filter[bound]}</label>
          <select id={`${id}-${bound}`} name={bound} value={filters.years[bound] ?? ''} onChange={(e) => set(bound, e.currentTarget.value)}>
            <option value="">{t.filter.any}</option>
            {choices.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      ))}
      <p id={`${id}-hint`} className={styles.hint}>
        {t.filter.hint}
      </p>
    </fieldset>
  );
}
