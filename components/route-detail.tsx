// The page of one route, crossing, event or zone, shown in the explorer's panel: what it is,
// where it leads, how exact its geometry is, then its stages in order, each with its risk
// level, the reason for it, its hazards and the quoted passages everything rests on.
// A server component: plain HTML, readable without the map and without JavaScript.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Citation } from './citation';
import { RiskSwatch } from './risk-swatch';
import styles from './route-detail.module.css';
import { COUNTRIES, HAZARDS, PRECISIONS, riskPhrase, type CountryCode } from '@/geo/vocabulary';
import type { RouteDetail } from '@/lib/data/api-schema';
import { localizeDetail } from '@/lib/i18n/content';
import { localeHref, type Locale } from '@/lib/i18n/locales';
import { stringsFor } from '@/lib/i18n/strings';

type Block = RouteDetail['stages'][number];
type Kind = RouteDetail['kind'];

/** The element id of a stage: `/routes/{id}?stage={stage}` scrolls here. */
export const stageAnchor = (stage: string) => `stage-${stage}`;

/** What every part of the page needs: its language. */
interface InLocale {
  locale: Locale;
}

function RiskLevelLine({ block, kind, approximate, locale }: { block: Block; kind: Kind; approximate: boolean } & InLocale) {
  const t = stringsFor(locale).pages.route;
  return (
    <p className={styles.level} data-level={block.level}>
      {/* Drawn as on the map: a line with the level's pattern for routes, a numbered dot for points. */}
      <RiskSwatch level={block.level} kind={kind === 'route' ? 'stage' : kind} approximate={approximate} />
      <strong>{riskPhrase(block.level, locale)}</strong> <span className={styles.levelOf}>({t.riskOf(block.level)})</span>
    </p>
  );
}

function RiskBlock({ block, kind, approximate, locale }: { block: Block; kind: Kind; approximate: boolean } & InLocale) {
  const t = stringsFor(locale).pages.route;
  const evidenceId = `evidence-${block.id}`;
  return (
    <>
      <RiskLevelLine block={block} kind={kind} approximate={approximate} locale={locale} />
      <dl className={styles.blockFacts}>
        <dt>{t.whyLevel}</dt>
        <dd>{block.reason}</dd>
        <dt>{t.hazards}</dt>
        <dd>
          {block.hazards.length ? (
            <ul className={styles.hazards}>
              {block.hazards.map((h) => (
                <li key={h} data-hazard={h}>
                  {HAZARDS[h][locale]}
                </li>
              ))}
            </ul>
          ) : (
            t.noHazards
          )}
        </dd>
      </dl>
      <p className={styles.label} id={evidenceId}>
        {t.evidence}
      </p>
      <ul className={styles.annotations} aria-labelledby={evidenceId}>
        {block.annotations.map((a) => (
          <li key={a.id} className={styles.annotation} data-annotation={a.id}>
            <p className={styles.annotationText}>
              {a.figure && (
                <strong className={styles.figure} data-figure={a.figure}>
                  {a.figure}
                </strong>
              )}
              {a.figure ? ' ' : ''}
              {a.text}
            </p>
            {a.citations.map((c, i) => (
              <Citation key={`${c.source.id}-${i}`} citation={c} locale={locale} />
            ))}
          </li>
        ))}
      </ul>
    </>
  );
}

function Facts({ detail, locale }: { detail: RouteDetail } & InLocale) {
  const { pages, time } = stringsFor(locale);
  const t = pages.route;
  const countryName = (code: CountryCode) => COUNTRIES[code][locale];
  const rows: [string, string][] = [
    [t.kind, pages.kinds[detail.kind]],
    [t.corridor, detail.corridor.name[locale]],
  ];
  if (detail.kind === 'event') {
    // For an event, `from` is where it happened (null when the source names only a region).
    rows.push([t.where, detail.from ? countryName(detail.from) : t.whereRegion]);
    if (detail.to) rows.push([t.ledTo, countryName(detail.to)]);
  } else {
    if (detail.from) rows.push([t.from, countryName(detail.from)]);
    if (detail.to) rows.push([t.to, countryName(detail.to)]);
  }
  if (detail.when) rows.push([t.when, detail.when.label]);
  rows.push([time.reported.term, time.reported.sentence(detail)]);
  if (detail.kind === 'route' && detail.stages.length > 1) rows.push([t.overall, riskPhrase(detail.level, locale)]);
  return (
    <section className={styles.factsSection} aria-labelledby="route-facts">
      <h2 id="route-facts" className="visually-hidden">
        {t.facts}
      </h2>
      {detail.from && detail.to && detail.kind !== 'event' && (
        <p className={styles.journey} aria-hidden="true">
          {countryName(detail.from)} <span className={styles.arrow}>→</span> {countryName(detail.to)}
        </p>
      )}
      <dl className={styles.facts}>
        {rows.map(([term, value]) => (
          <div key={term} className={styles.fact}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function PrecisionNotice({ detail, locale }: { detail: RouteDetail } & InLocale) {
  const { pages, vocabulary } = stringsFor(locale);
  const t = pages.route;
  if (detail.precision === 'unplaced') {
    // The source gives no place: the item is listed, with no point on the map.
    return (
      <aside className={styles.notice} role="note" aria-labelledby="precision-title" data-precision="unplaced">
        <p id="precision-title" className={styles.noticeTitle}>
          {PRECISIONS.unplaced[locale]}
        </p>
        <p>{vocabulary.description(PRECISIONS.unplaced)}</p>
        {detail.precisionNote && <p>{detail.precisionNote}</p>}
      </aside>
    );
  }
  if (detail.precision === 'approximate') {
    return (
      <aside className={styles.notice} role="note" aria-labelledby="precision-title" data-precision="approximate">
        <p id="precision-title" className={styles.noticeTitle}>
          {t.approximateTitle}
        </p>
        <p>{vocabulary.description(PRECISIONS.approximate)}</p>
        {detail.precisionNote && <p>{detail.precisionNote}</p>}
      </aside>
    );
  }
  return (
    <p className={styles.precisionPlain} data-precision={detail.precision}>
      <strong>{t.namedPlaceTitle}:</strong> {vocabulary.description(PRECISIONS[detail.precision])}
      {detail.precisionNote ? ` ${detail.precisionNote}` : ''}
    </p>
  );
}

export interface RouteDetailPanelProps {
  detail: RouteDetail;
  /** The stage named in the address (`?stage=`), marked as the current one. @default null */
  activeStage?: string | null;
  /** Shown under the summary, e.g. the Embed / Share / Download buttons. @default null */
  actions?: ReactNode;
  /** The page's language: our own words in it, quotations always in their source's. @default 'en' */
  locale?: Locale;
}

export function RouteDetailPanel({ detail: english, activeStage = null, actions = null, locale = 'en' }: RouteDetailPanelProps) {
  const detail = localizeDetail(english, locale);
  const { pages } = stringsFor(locale);
  const t = pages.route;
  const approximate = detail.precision === 'approximate';
  return (
    <article className={styles.detail} aria-labelledby="route-title" data-route={detail.id}>
      <header className={styles.header}>
        <p className={styles.eyebrow}>
          {pages.kinds[detail.kind]} · {detail.corridor.name[locale]}
        </p>
        <h1 id="route-title" className={styles.title}>
          {detail.name[locale]}
        </h1>
        <p className={styles.summary}>{detail.summary}</p>
        {actions}
      </header>

      <PrecisionNotice detail={detail} locale={locale} />
      <Facts detail={detail} locale={locale} />

      {detail.kind === 'route' ? (
        <section aria-labelledby="route-stages">
          <h2 id="route-stages" className={styles.sectionHeading}>
            {t.stagesHeading}
          </h2>
          <p className={styles.muted}>{t.stagesIntro(detail.stages.length)}</p>
          <ol className={styles.stages}>
            {[...detail.stages]
              .sort((a, b) => a.order - b.order)
              .map((stage) => (
                <li
                  key={stage.id}
                  id={stageAnchor(stage.id)}
                  className={styles.stage}
                  data-stage={stage.id}
                  aria-current={stage.id === activeStage ? 'step' : undefined}
                >
                  <h3 className={styles.stageHeading}>
                    <span className={styles.stageNumber}>{t.stageNumber(stage.order)}</span> {stage.name[locale]}
                  </h3>
                  <RiskBlock block={stage} kind={detail.kind} approximate={approximate} locale={locale} />
                </li>
              ))}
          </ol>
        </section>
      ) : (
        detail.stages.map((block) => (
          <section key={block.id} id={stageAnchor(block.id)} aria-labelledby="route-risk" className={styles.single} data-stage={block.id}>
            <h2 id="route-risk" className={styles.sectionHeading}>
              {t.riskHeading}
            </h2>
            <RiskBlock block={block} kind={detail.kind} approximate={approximate} locale={locale} />
          </section>
        ))
      )}

      <footer className={styles.footer}>
        <p>{t.safety}</p>
        <p className={styles.footerLinks}>
          <Link href={localeHref(locale, '/about#risk-scale')}>{t.howJudged}</Link>
          <Link href={localeHref(locale, '/sources')}>{t.allSources}</Link>
        </p>
      </footer>
    </article>
  );
}
