// `/about` – what the atlas is and is not, how it was made (five documents, quotes letter for
// letter, how risk levels are judged), its vocabularies (risk scale, hazards, precision), the
// data licence with a download of the whole dataset, and credits for the five texts.
import type { Metadata } from 'next';
import { SourceLink } from '@/components/citation';
import { RiskSwatch } from '@/components/risk-swatch';
import { TextPage } from '@/components/text-page';
import { HAZARDS, HAZARD_IDS, PRECISIONS, PRECISION_VALUES, RISK_LEVELS, RISK_LEVEL_VALUES } from '@/geo/vocabulary';
import type { SourcesResponse } from '@/lib/data/api-schema';
import { sourceDateLabel } from '@/lib/data/citation-links';
import { getSources } from '@/lib/data/queries';
import { requestLocale } from '@/lib/i18n/server';
import { stringsFor } from '@/lib/i18n/strings';
import { pageAlternates } from '@/lib/share/metadata';
import styles from './about.module.css';

// Read from the database at request time, never at build time.
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const locale = await requestLocale();
  const { pages, explorer } = stringsFor(locale);
  return { title: `${pages.about.title} · ${explorer.appName}`, alternates: pageAlternates('/about', locale) };
}

/** The five texts: every source that is not a post inside another. */
async function creditedTexts(): Promise<SourcesResponse['sources'] | null> {
  try {
    return (await getSources()).sources.filter((s) => !s.partOf);
  } catch (e) {
    console.error('about: the sources could not be read', e);
    return null;
  }
}

export default async function AboutPage() {
  const texts = await creditedTexts();
  const locale = await requestLocale();
  const { pages, vocabulary } = stringsFor(locale);
  const t = pages.about;
  return (
    <TextPage title={t.title} current="about" locale={locale}>
      <p className={styles.lead}>{t.intro}</p>

      <section aria-labelledby="safety" className={styles.safety}>
        <h2 id="safety">{t.safetyHeading}</h2>
        {t.safety.map((p) => (
          <p key={p}>{p}</p>
        ))}
      </section>

      <section aria-labelledby="method">
        <h2 id="method">{t.methodHeading}</h2>
        {t.method.map((p) => (
          <p key={p}>{p}</p>
        ))}
      </section>

      <section aria-labelledby="reading">
        <h2 id="reading">{t.readingHeading}</h2>
        {t.reading.map((p) => (
          <p key={p}>{p}</p>
        ))}
      </section>

      <section aria-labelledby="risk-scale">
        <h2 id="risk-scale">{t.riskHeading}</h2>
        <p>{t.riskIntro}</p>
        <ol className={styles.scale}>
          {RISK_LEVEL_VALUES.map((level) => {
            const r = RISK_LEVELS[level];
            return (
              <li key={level} className={styles.scaleItem} data-level={level}>
                <span className={styles.swatches}>
                  <RiskSwatch level={level} kind="route" />
                  <RiskSwatch level={level} kind="event" />
                </span>
                <span>
                  <strong>{t.levelName(r[locale], level)}</strong>
                  <br />
                  {vocabulary.description(r)}
                </span>
              </li>
            );
          })}
        </ol>
      </section>

      <section aria-labelledby="hazards">
        <h2 id="hazards">{t.hazardsHeading}</h2>
        <p>{t.hazardsIntro}</p>
        <dl className={styles.terms}>
          {HAZARD_IDS.map((id) => (
            <div key={id} data-hazard={id}>
              <dt>{HAZARDS[id][locale]}</dt>
              <dd>{vocabulary.description(HAZARDS[id])}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="precision">
        <h2 id="precision">{t.precisionHeading}</h2>
        <p>{t.precisionIntro}</p>
        <dl className={styles.terms}>
          {PRECISION_VALUES.map((id) => (
            <div key={id} data-precision={id}>
              <dt>{PRECISIONS[id][locale]}</dt>
              <dd>{vocabulary.description(PRECISIONS[id])}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="licence">
        <h2 id="licence">{t.licenceHeading}</h2>
        {t.licence.map((p) => (
          <p key={p}>{p}</p>
        ))}
        <p>
          {/* A file download, not a page: a plain link, never client-side navigation. */}
          <a href="/api/export" download="escape-atlas.geojson" className={styles.download}>
            {t.download}
          </a>
          <br />
          <span className={styles.muted}>{t.downloadNote}</span>
        </p>
      </section>

      <section aria-labelledby="credits">
        <h2 id="credits">{t.creditsHeading}</h2>
        {texts ? (
          <>
            <p>{t.creditsIntro}</p>
            <ul className={styles.credits}>
              {texts.map((s) => (
                <li key={s.id}>
                  <cite lang="en">{s.title}</cite>
                  {s.author ? `, ${pages.citation.by(s.author)}` : ''}
                  {`, ${s.publisher ?? pages.citation.unknownPublisher}, ${sourceDateLabel(s.date, locale)}. `}
                  <SourceLink source={s} locale={locale} />
                </li>
              ))}
            </ul>
            <p className={styles.muted}>{t.creditsArchiveNote}</p>
          </>
        ) : (
          <p role="alert">{t.creditsUnavailable}</p>
        )}
      </section>
    </TextPage>
  );
}
