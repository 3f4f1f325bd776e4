// The printable handout of an item's page (issue 17): what a class gets on paper when the page is
// printed, or on screen at `?print=1`. Links do not work on paper, so every quote carries its
// source's address written out; a source with no verified address says so and shows none. Only
// text and the still map (app/routes/[slug]/image.png): no navigation, no buttons.
// A server component; its print rules (route-handout.module.css) hide the rest of the page.
import { stillImagePath } from '@/lib/view/paths';
import styles from './route-handout.module.css';
import { HAZARDS, RISK_LEVELS, riskPhrase, type HazardId } from '@/geo/vocabulary';
import type { RouteDetail } from '@/lib/data/api-schema';
import { reportedLabel } from '@/lib/data/citation-links';
import { localizeDetail } from '@/lib/i18n/content';
import { LOCALE_TAGS, type Locale } from '@/lib/i18n/locales';
import { stringsFor } from '@/lib/i18n/strings';
import { dateText } from '@/lib/time/period';

/** What every part of the handout needs: its language. */
interface InLocale {
  locale: Locale;
}

type CitationOut = RouteDetail['stages'][number]['annotations'][number]['citations'][number];

/** The date this build of the atlas was made (next.config.ts), written out; null when unknown (dev, tests). */
export function builtOn(locale: Locale = 'en'): string | null {
  return dateText(process.env.ATLAS_BUILT_ON, LOCALE_TAGS[locale].dates);
}

function SourceAddress({ source, locale }: { source: CitationOut['source'] } & InLocale) {
  const t = stringsFor(locale).time.handout;
  if (source.url) return <span className={styles.url}>{source.url}</span>;
  if (source.archiveUrl)
    return (
      <>
        {t.archiveAddress} <span className={styles.url}>{source.archiveUrl}</span>
      </>
    );
  return <>{t.noAddress}</>;
}

function HandoutCitation({ citation, locale }: { citation: CitationOut } & InLocale) {
  const { pages } = stringsFor(locale);
  const s = citation.source;
  return (
    <figure className={styles.citation}>
      {/* Quoted in the source's language on every page (components/citation.tsx). */}
      <blockquote className={styles.quote} lang="en">
        <p>{citation.quote}</p>
      </blockquote>
      <figcaption className={styles.caption}>
        {s.publisher ?? pages.citation.unknownPublisher}, <cite lang="en">{s.title}</cite>
        {s.author ? `, ${pages.citation.by(s.author)}` : ''}, {reportedLabel(s.date, locale)}. <SourceAddress source={s} locale={locale} />
      </figcaption>
    </figure>
  );
}

/**
 * The rules that make the handout the only thing shown: every element that neither is the handout,
 * nor holds it, nor is inside it is left out, and the elements that hold it lose the explorer's
 * screen layout. Stated once, for print and for the on-screen preview; rendered with the handout
 * only (media="print" unless previewing), because :has() rules in a stylesheet the explorer loads
 * on every page make the browser restyle the whole page at each change while the map starts.
 */
function isolationCss(handout: string): string {
  const h = `.${handout}`;
  return (
    `body :not(:has(${h})):not(${h}):not(${h} *){display:none!important}` +
    `html,body,body :has(${h}){display:block!important;position:static!important;height:auto!important;` +
    `max-height:none!important;overflow:visible!important;margin:0!important;padding:0!important;border:0!important;` +
    `box-shadow:none!important;width:auto!important;background:var(--paper)!important}`
  );
}

export interface RouteHandoutProps {
  detail: RouteDetail;
  /** Shown on screen too (`?print=1`), not only in print. @default false */
  preview?: boolean;
  /** The page's language: our own words in it, quotations always in their source's. @default 'en' */
  locale?: Locale;
}

export function RouteHandout({ detail: english, preview = false, locale = 'en' }: RouteHandoutProps) {
  const detail = localizeDetail(english, locale);
  const { explorer, pages, time, vocabulary } = stringsFor(locale);
  const t = time.handout;
  const r = pages.route;
  const stages = [...detail.stages].sort((a, b) => a.order - b.order);
  const isRoute = detail.kind === 'route';
  const hazards = [...new Set(stages.flatMap((s) => s.hazards))] as HazardId[];
  const built = builtOn(locale);
  return (
    <article className={styles.handout} data-handout={detail.id} data-preview={preview || undefined} aria-labelledby="handout-title">
      <style media={preview ? undefined : 'print'} dangerouslySetInnerHTML={{ __html: isolationCss(styles.handout!) }} />
      <header className={styles.header}>
        <p className={styles.eyebrow}>
          {explorer.appName} · {pages.kinds[detail.kind]} · {detail.corridor.name[locale]}
        </p>
        <h1 id="handout-title" className={styles.title}>
          {detail.name[locale]}
        </h1>
        <p className={styles.summary}>{detail.summary}</p>
        <p className={styles.dates}>
          {time.reported.sentence(detail)}
          {detail.when ? ` ${r.when}: ${detail.when.label}.` : ''}
        </p>
      </header>

      {/* Lazy: hidden on screen, the image is fetched only when the handout is shown, in print or at
          ?print=1 (browsers load lazy images before printing), not on every visit to the page.
          A plain <img>: a fixed PNG for paper, which next/image would re-encode. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img
        className={styles.map}
        src={stillImagePath(detail.id, 'slide', locale)}
        alt={t.mapAlt(detail.name[locale])}
        width={1920}
        height={1080}
        loading="lazy"
      />
      {detail.precision === 'approximate' && <p className={styles.note}>{detail.precisionNote ?? r.approximateTitle}</p>}

      <section aria-labelledby="handout-risk">
        <h2 id="handout-risk" className={styles.heading}>
          {t.riskSummary}
        </h2>
        <p className={styles.overall}>
          <strong>{riskPhrase(detail.level, locale)}</strong> ({r.riskOf(detail.level)}):{' '}
          {vocabulary.description(RISK_LEVELS[detail.level])}
          {hazards.length > 0 && ` ${r.hazards}: ${hazards.map((h) => HAZARDS[h][locale]).join(', ')}.`}
        </p>
      </section>

      <section aria-labelledby="handout-stages">
        <h2 id="handout-stages" className={styles.heading}>
          {isRoute ? r.stagesHeading : r.riskHeading}
        </h2>
        <ol className={styles.stages}>
          {stages.map((stage) => (
            <li key={stage.id} className={styles.stage}>
              <h3 className={styles.stageHeading}>
                {isRoute ? `${r.stageNumber(stage.order)}: ${stage.name[locale]}` : stage.name[locale]} · {riskPhrase(stage.level, locale)}
              </h3>
              <p className={styles.reason}>{stage.reason}</p>
              {stage.annotations.map((a) => (
                <div key={a.id} className={styles.annotation}>
                  <p className={styles.annotationText}>{a.text}</p>
                  {a.citations.map((c, i) => (
                    <HandoutCitation key={`${c.source.id}-${i}`} citation={c} locale={locale} />
                  ))}
                </div>
              ))}
            </li>
          ))}
        </ol>
      </section>

      <footer className={styles.footer}>
        <p>{r.safety}</p>
        {built && <p>{t.builtOn(built)}</p>}
      </footer>
    </article>
  );
}
