// A guided tour, as the server renders it for /tour, /tour/{id} and /embed/tour/{id}: the map
// beside the step's text, every step in the page (all but the current one hidden) with links
// between them, so it reads and steps without JavaScript. No React runs in the browser
// (pages/tour/, pages/embed/tour/): lib/tour/client.ts makes the map and turns the links into
// steps. In the presenter view (F, or its button) the same page fills the screen: map and text
// side by side at 16:9, large type, no site chrome (tour-frame.module.css).
import Head from 'next/head';
import Link from 'next/link';
import { Citation } from './citation';
import { EmbedLegend } from './embed-frame';
import { RiskSwatch } from './risk-swatch';
import { mapModulePreloads } from './map-module-preloads';
import styles from './tour-frame.module.css';
import { HAZARDS, RISK_LEVELS } from '@/geo/vocabulary';
import { tourConfigJson } from '@/lib/tour/config';
import type { TourError, TourFrameData, TourPageProps } from '@/lib/tour/page';
import type { TourStep } from '@/lib/tour/tours';
import { stepSearch } from '@/lib/tour/step-param';
import { localeHref, type Locale } from '@/lib/i18n/locales';
import { stringsFor } from '@/lib/i18n/strings';

/** What every part of the page needs: its language. */
interface InLocale {
  lang: Locale;
}

const NOT_REACTS = { __html: '' };

function Step({ step, current, lang }: { step: TourStep; current: boolean } & InLocale) {
  const t = stringsFor(lang).tour;
  const level = RISK_LEVELS[step.risk.level];
  return (
    <article
      className={styles.step}
      data-tour-step={step.n}
      data-step-kind={step.kind}
      hidden={!current}
      aria-labelledby={`step-${step.n}-title`}
    >
      <p className={styles.eyebrow}>{step.eyebrow}</p>
      <h2 id={`step-${step.n}-title`} className={styles.stepTitle}>
        {step.title}
      </h2>
      {step.kind === 'corridor' && <p className={styles.quoting}>{t.quoting(step.item.name)}</p>}
      <p className={styles.risk} data-level={step.risk.level}>
        <RiskSwatch level={step.risk.level} />
        <strong>{t.riskLine(level[lang])}</strong>
      </p>
      <dl className={styles.facts}>
        <dt>{t.whyLevel}</dt>
        <dd>{step.risk.reason}</dd>
        <dt>{t.hazards}</dt>
        <dd>{step.risk.hazards.length ? step.risk.hazards.map((h) => HAZARDS[h][lang]).join(' · ') : t.noHazards}</dd>
      </dl>
      <p className={styles.text}>{step.text}</p>
      <Citation citation={step.citation} locale={lang} />
    </article>
  );
}

function Frame({ data, nonce, lang }: { data: TourFrameData; nonce: string | undefined } & InLocale) {
  const { tour: t, share, explorer } = stringsFor(lang);
  const { tour, step, mode, options, links, client } = data;
  const count = tour.steps.length;
  const embedded = mode === 'embed';
  const base = embedded ? links.embed.split('?')[0] : links.page;
  const query = embedded ? new URLSearchParams(links.embed.split('?')[1] ?? '') : new URLSearchParams();
  const hrefOf = (n: number) => `${base}${stepSearch(n, query)}`;
  const out = embedded ? { target: '_blank', rel: 'noopener noreferrer' } : {};
  return (
    <div className={styles.tour} data-tour={tour.id} data-mode={mode} data-theme={options.theme} data-present="false" data-testid="tour">
      <Head>
        <title>{t.pageTitle(tour.title)}</title>
        <meta name="description" content={tour.intro} />
        {!embedded && <link rel="canonical" href={data.alternates.canonical} />}
        {!embedded &&
          Object.entries(data.alternates.languages).map(([hreflang, href]) => (
            <link key={hreflang} rel="alternate" hrefLang={hreflang} href={href} />
          ))}
        {mapModulePreloads(data.script, nonce)}
      </Head>
      {!embedded && (
        <header className={styles.bar}>
          <nav aria-label={t.index.title} className={styles.barLinks}>
            <Link href={localeHref(lang, '/')}>{t.index.backToMap}</Link>
            <Link href={localeHref(lang, '/tour')}>{t.index.allTours}</Link>
            {links.route && <a href={links.route}>{t.index.openRoute}</a>}
            <a href={links.image} data-tour-image>
              {t.index.image}
            </a>
          </nav>
          {/* The same step in the other language (lib/tour/client.ts keeps its step as the tour moves). */}
          <a
            className={styles.language}
            href={data.alternates.switchTo.href}
            hrefLang={data.alternates.switchTo.lang}
            lang={data.alternates.switchTo.lang}
            aria-label={explorer.language.switchToLabel}
            data-tour-language
            data-testid="language-switch"
          >
            {explorer.language.switchTo}
          </a>
        </header>
      )}
      <main className={styles.main}>
        <section className={styles.map} aria-label={t.mapLabel}>
          <p id={client.describedBy} className="visually-hidden">
            {t.mapDescription}
          </p>
          <div className="atlas-map">
            <div
              className="atlas-map__canvas"
              data-testid="atlas-map"
              data-atlas-owner=""
              dangerouslySetInnerHTML={NOT_REACTS}
              suppressHydrationWarning
            />
            <p className="atlas-map__status" data-map-status suppressHydrationWarning>
              {t.mapLoading}
            </p>
          </div>
          {options.legend && <EmbedLegend lang={lang} />}
        </section>
        <section className={styles.panel} aria-labelledby="tour-title">
          <header className={styles.panelHead}>
            <h1 id="tour-title" className={styles.title}>
              {embedded ? (
                <a href={links.page} {...out}>
                  {tour.title}
                  <span className="visually-hidden"> {share.embedPage.newTab}</span>
                </a>
              ) : (
                tour.title
              )}
            </h1>
            <p className={styles.counter} data-tour-counter data-testid="tour-counter">
              {t.counter(step, count)}
            </p>
            {!embedded && (
              <button type="button" className={styles.presentButton} data-tour-present aria-pressed="false">
                {t.present}
              </button>
            )}
          </header>
          {/* Filled by the script when the step changes: what a screen reader hears. */}
          <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-tour-live data-testid="tour-live" />
          <div className={styles.steps}>
            {tour.steps.map((s) => (
              <Step key={s.n} step={s} current={s.n === step} lang={lang} />
            ))}
          </div>
          <nav className={styles.stepNav} aria-label={t.stepsNav}>
            <a
              href={hrefOf(Math.max(1, step - 1))}
              className={styles.stepButton}
              data-tour-prev
              aria-disabled={step === 1 ? 'true' : undefined}
              rel="prev"
            >
              <span aria-hidden="true">←</span>
              {t.previous}
            </a>
            <a
              href={hrefOf(Math.min(count, step + 1))}
              className={styles.stepButton}
              data-tour-next
              aria-disabled={step === count ? 'true' : undefined}
              rel="next"
            >
              {t.next}
              <span aria-hidden="true">→</span>
            </a>
          </nav>
          <p className={styles.hint}>{embedded ? t.embedKeysHint : t.keysHint}</p>
          {embedded && (
            <p className={styles.hint}>
              <a href={localeHref(lang, '/sources')} {...out}>
                {share.embedPage.sources}
                <span className="visually-hidden"> {share.embedPage.newTab}</span>
              </a>
              <span aria-hidden="true"> · </span>
              {share.embedPage.basemap}
            </p>
          )}
        </section>
      </main>
      {!embedded && data.index && (
        <section className={styles.index} aria-labelledby="tour-index">
          <h2 id="tour-index">{t.index.routesHeading}</h2>
          <p>{t.index.intro}</p>
          <ul>
            {data.index.map((i) => (
              <li key={i.id}>
                <a href={localeHref(lang, `/tour/${encodeURIComponent(i.id)}`)}>{i.title}</a>{' '}
                <span className={styles.muted}>({t.index.steps(i.steps)})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <script type="application/json" id={data.configId} dangerouslySetInnerHTML={tourConfigJson(client)} />
      <script type="module" async src={data.script.url} nonce={nonce} />
    </div>
  );
}

function ErrorPage({ error, embedded, lang }: { error: TourError; embedded: boolean } & InLocale) {
  const { explorer } = stringsFor(lang);
  return (
    <div className={styles.tour} data-testid="tour-error" data-status={error.status}>
      <Head>
        <title>{`${error.title} – ${explorer.appName}`}</title>
      </Head>
      <main className={styles.error}>
        <h1>{error.title}</h1>
        <p>{error.body}</p>
        <p>
          <a href={error.action.href} {...(embedded ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
            {error.action.label}
          </a>
        </p>
      </main>
    </div>
  );
}

/** The page of /tour, /tour/{id} and /embed/tour/{id}. */
export function TourPage(props: TourPageProps & { embedded: boolean }) {
  return (
    <>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {props.embedded && <meta name="robots" content="noindex, follow" />}
        <link rel="icon" href="/icon.svg" type="image/svg+xml" sizes="any" />
      </Head>
      {props.frame ? (
        <Frame data={props.frame} nonce={props.nonce ?? undefined} lang={props.lang} />
      ) : (
        props.error && <ErrorPage error={props.error} embedded={props.embedded} lang={props.lang} />
      )}
    </>
  );
}
