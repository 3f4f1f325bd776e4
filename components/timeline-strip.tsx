'use client';
// The timeline strip: the atlas's dated events in order (lib/time/atlas-time.ts, served with the
// map's data), each a button that opens its event as a click on the map or the list would. One
// Tab stop for the strip; ←/→, Home and End move along it. What the period filter leaves out stays
// listed, dimmed and said to be outside, so the strip keeps its shape.
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useExplorer } from './explorer-state';
import styles from './time.module.css';
import type { TimelineEntry } from '@/lib/data/api-schema';
import { useStrings } from '@/lib/i18n/client';
import type { ClientStrings } from '@/lib/i18n/client-strings';
import { inYears } from '@/lib/time/period';

function whenText(e: TimelineEntry, t: ClientStrings['time'], labels: Readonly<Record<string, string>>): string {
  if (e.dated === 'event') return labels[e.item] ?? e.label ?? t.monthYear(e.date)!;
  if (e.dated === 'reported') return t.timeline.reportedOn(t.monthYear(e.date)!);
  return t.timeline.undatedHeading;
}

export function TimelineStrip() {
  const { timeline: entries, whenLabels, items, filters, visible, view, select } = useExplorer();
  const { time: t, locale } = useStrings();
  const id = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const [active, setActive] = useState<string | null>(null);
  if (entries.length === 0) return null;
  const tabStop = active && entries.some((e) => e.item === active) ? active : entries[0].item;
  // An event drawn on the map follows the list's filters; one without a place, the period alone.
  const outside = (e: TimelineEntry) => (items.has(e.item) ? !!visible && !visible.has(e.item) : !inYears(filters.years, null, e.date));

  const onKeyDown = (e: KeyboardEvent<HTMLOListElement>) => {
    const buttons = [...listRef.current!.querySelectorAll<HTMLButtonElement>('button')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const next =
      e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const button = buttons[Math.max(0, Math.min(buttons.length - 1, next))];
    setActive(button.dataset.event!);
    button.focus();
    button.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };

  return (
    <section className={styles.timeline} aria-labelledby={`${id}-heading`} data-testid="timeline">
      <h2 id={`${id}-heading`} className={styles.timelineHeading}>
        {t.timeline.heading}
      </h2>
      <p id={`${id}-intro`} className={styles.timelineIntro}>
        {t.timeline.intro}
      </p>
      <ol ref={listRef} className={styles.strip} onKeyDown={onKeyDown} aria-describedby={`${id}-intro`}>
        {entries.map((e) => {
          const out = outside(e);
          return (
            <li key={e.item}>
              <button
                type="button"
                className={styles.mark}
                data-event={e.item}
                data-outside={out || undefined}
                aria-current={view.route === e.item ? 'true' : undefined}
                tabIndex={e.item === tabStop ? 0 : -1}
                onFocus={() => setActive(e.item)}
                onClick={() => select(e.item)}
              >
                <span className={styles.when}>{whenText(e, t, whenLabels)}</span>
                <span>{e.name[locale]}</span>
                {out && <span className="visually-hidden"> {t.timeline.outside}</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
