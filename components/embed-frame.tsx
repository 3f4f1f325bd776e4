// What an embed shows inside someone else's page: the map filling the frame, a compact key, the
// title, and a line crediting the full page, the sources and the basemap. Rendered on the server
// only (pages/embed/, no React in the browser); lib/embed/client.ts makes the map in it.
import Head from 'next/head';
import { mapModulePreloads } from './map-module-preloads';
import styles from './embed-frame.module.css';
import { RiskSwatch } from './risk-swatch';
import { RISK_LEVELS, RISK_LEVEL_VALUES } from '@/geo/vocabulary';
import type { EmbedFrameData, EmbedPageProps } from '@/lib/embed/page';
import { EMBED_CONFIG_ID, OWNER_ATTRIBUTE, scriptJson } from '@/lib/map/settings';
import type { ShareMeta } from '@/lib/share/metadata';
import { LOCALE_TAGS, localeHref, type Locale } from '@/lib/i18n/locales';
import { stringsFor } from '@/lib/i18n/strings';

interface InLocale {
  lang: Locale;
}
const NOT_REACTS = { __html: '' };

/** A link out of the frame: always a new tab, never handing the host page a window handle. */
function OutLink({ href, children, lang }: { href: string; children: string } & InLocale) {
  const t = stringsFor(lang).share.embedPage;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
      <span className="visually-hidden"> {t.newTab}</span>
    </a>
  );
}

/** The map key, small enough for a 240×135 frame: the four risk levels and "approximate". */
export function EmbedLegend({ lang }: InLocale) {
  const t = stringsFor(lang).share.embedPage;
  return (
    // The script folds it in a small frame.
    <details className={styles.legend} open data-map-key data-testid="embed-legend" suppressHydrationWarning>
      <summary className={styles.legendSummary}>{t.legendHeading}</summary>
      <p className="visually-hidden">{t.legendRisk}</p>
      <ul className={styles.legendList}>
        {RISK_LEVEL_VALUES.toReversed().map((level) => (
          <li key={level} className={styles.legendRow}>
            <RiskSwatch level={level} />
            <span>{RISK_LEVELS[level][lang]}</span>
          </li>
        ))}
        <li className={styles.legendRow}>
          <RiskSwatch level={3} approximate />
          <span>{t.legendApproximate}</span>
        </li>
      </ul>
    </details>
  );
}

/** The unfurl tags of the page the embed stands for (lib/share/metadata.ts). */
function ShareTags({ meta }: { meta: ShareMeta }) {
  const { image } = meta;
  return (
    <>
      <meta name="description" content={meta.description} />
      <link rel="canonical" href={meta.url} />
      <link rel="alternate" type={meta.oembed.type} href={meta.oembed.href} title={meta.title} />
      <meta property="og:type" content="website" />
      <meta property="og:site_name" content={meta.siteName} />
      <meta property="og:title" content={meta.title} />
      <meta property="og:description" content={meta.description} />
      <meta property="og:url" content={meta.url} />
      <meta property="og:locale" content={LOCALE_TAGS[meta.locale].og} />
      <meta property="og:image" content={image.url} />
      <meta property="og:image:width" content={String(image.width)} />
      <meta property="og:image:height" content={String(image.height)} />
      <meta property="og:image:alt" content={image.alt} />
      <meta property="og:image:type" content={image.type} />
      <meta name="twitter:card" content="summary_large_image" />
      <meta name="twitter:title" content={meta.title} />
      <meta name="twitter:description" content={meta.description} />
      <meta name="twitter:image" content={image.url} />
      <meta name="twitter:image:alt" content={image.alt} />
    </>
  );
}

function Frame({ data, nonce, lang }: { data: EmbedFrameData; nonce: string | undefined } & InLocale) {
  const t = stringsFor(lang).share.embedPage;
  const { title, subtitle, fullHref, options, client } = data;
  return (
    <div className={styles.frame} data-theme={options.theme} data-interactive={options.interactive} data-testid="embed">
      <Head>
        <title>{data.meta.title}</title>
        <ShareTags meta={data.meta} />
        {/* Fetched and compiled while the frame is parsed; both carry the CSP nonce. */}
        {mapModulePreloads(data.script, nonce)}
      </Head>
      <main className={styles.main}>
        <section className={styles.map} aria-label={t.mapLabel}>
          <p id={client.describedBy} className="visually-hidden">
            {t.mapDescription}
            {!options.interactive && ` ${t.stillDescription}`}
          </p>
          {/* The embed's script owns what it changes: the map's box and the status line. In
              production no React runs here; in development Next hydrates these pages anyway,
              and must leave them be (empty innerHTML: the box's content is not React's). */}
          <div className="atlas-map">
            <div
              className="atlas-map__canvas"
              data-testid="atlas-map"
              {...{ [OWNER_ATTRIBUTE]: '' }}
              dangerouslySetInnerHTML={NOT_REACTS}
              suppressHydrationWarning
            />
            <p className="atlas-map__status" data-map-status data-failed-text={t.mapFailed} suppressHydrationWarning>
              {t.mapLoading}
            </p>
          </div>
          {options.legend && <EmbedLegend lang={lang} />}
        </section>
        <div className={styles.caption}>
          <div className={styles.heading}>
            <h1 className={styles.title}>{title}</h1>
            {subtitle && <p className={styles.subtitle}>{subtitle}</p>}
          </div>
          <p className={styles.credits} data-testid="embed-credits">
            <OutLink href={fullHref} lang={lang}>
              {t.openFull}
            </OutLink>
            <span aria-hidden="true"> · </span>
            <OutLink href={localeHref(lang, '/sources')} lang={lang}>
              {t.sources}
            </OutLink>
            <span aria-hidden="true"> · </span>
            <span>{t.basemap}</span>
          </p>
        </div>
      </main>
      <script type="application/json" id={EMBED_CONFIG_ID} dangerouslySetInnerHTML={scriptJson(client)} />
      {/* async: it starts fetching the data and the library as soon as the parser gets here. */}
      <script type="module" async src={data.script.url} nonce={nonce} />
    </div>
  );
}

/**
 * A note in the frame's place: the address names nothing in the atlas (404), or the atlas's data
 * cannot be read now (503).
 */
function Note({ lang, status }: InLocale & { status: 404 | 503 }) {
  const t = stringsFor(lang).share.embedPage;
  const { title, body } = status === 404 ? t.notFound : t.unavailable;
  return (
    <div className={styles.frame} data-testid={status === 404 ? 'embed-not-found' : 'embed-unavailable'}>
      <Head>
        <title>{title}</title>
      </Head>
      <main className={styles.missing}>
        <h1 className={styles.missingTitle}>{title}</h1>
        <p>{body}</p>
        <p>
          <OutLink href={localeHref(lang, '/')} lang={lang}>
            {t.notFound.action}
          </OutLink>
        </p>
      </main>
    </div>
  );
}

/** The page of /embed and /embed/{id}. */
export function EmbedPage(props: EmbedPageProps) {
  return (
    <>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* The full pages are the ones to find; their canonical links point there too. */}
        <meta name="robots" content="noindex, follow" />
        {/* The site's icon (app/icon.svg); without it browsers ask for /favicon.ico. */}
        <link rel="icon" href="/icon.svg" type="image/svg+xml" sizes="any" />
      </Head>
      {props.frame ? (
        <Frame data={props.frame} nonce={props.nonce ?? undefined} lang={props.lang} />
      ) : (
        <Note lang={props.lang} status={props.status === 503 ? 503 : 404} />
      )}
    </>
  );
}
