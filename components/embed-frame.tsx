// What an embed shows inside someone else's page: the map filling the frame, a compact key, the
// title, and a line crediting the full page, the sources and the basemap. A server component;
// only the map and its key (./embed-map.tsx) run in the browser.
import { EmbedMap, type EmbedMapProps } from './embed-map';
import styles from './embed-frame.module.css';
import { MaplibrePreload } from './maplibre-preload';
import type { EmbedOptions } from '@/lib/embed-options';
import { embedMapSettings, mapBootConfig } from '@/lib/map-boot';
import { share } from '@/lib/strings';

const t = share.embedPage;
const DESCRIPTION_ID = 'embed-map-description';

/** A link out of the frame: always a new tab, never handing the host page a window handle. */
function OutLink({ href, children }: { href: string; children: string }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
      <span className="visually-hidden"> {t.newTab}</span>
    </a>
  );
}

export interface EmbedFrameProps {
  title: string;
  /** A line under the title, e.g. the stage the embed is fitted to. @default null */
  subtitle?: string | null;
  /** The full page this embed stands for, app-relative. */
  fullHref: string;
  options: Pick<EmbedOptions, 'interactive' | 'legend' | 'theme'>;
  map: Omit<EmbedMapProps, 'describedBy' | 'interactive' | 'legend' | 'theme'>;
  /** The ETag of the map collection `map` holds: the version the page was rendered with. */
  dataVersion: string;
}

export function EmbedFrame({ title, subtitle = null, fullHref, options, map, dataVersion }: EmbedFrameProps) {
  const boot = mapBootConfig(embedMapSettings(options), dataVersion, { bounds: map.bounds, keyPadding: options.legend ? 'embed' : null });
  return (
    <div className={styles.frame} data-theme={options.theme} data-interactive={options.interactive} data-testid="embed">
      <MaplibrePreload boot={boot} />
      <main className={styles.main}>
        <section className={styles.map} aria-label={t.mapLabel}>
          <p id={DESCRIPTION_ID} className="visually-hidden">
            {t.mapDescription}
            {!options.interactive && ` ${t.stillDescription}`}
          </p>
          <EmbedMap {...map} interactive={options.interactive} legend={options.legend} theme={options.theme} describedBy={DESCRIPTION_ID} />
        </section>
        <div className={styles.caption}>
          <div className={styles.heading}>
            <h1 className={styles.title}>{title}</h1>
            {subtitle && <p className={styles.subtitle}>{subtitle}</p>}
          </div>
          <p className={styles.credits} data-testid="embed-credits">
            <OutLink href={fullHref}>{t.openFull}</OutLink>
            <span aria-hidden="true"> · </span>
            <OutLink href="/sources">{t.sources}</OutLink>
            <span aria-hidden="true"> · </span>
            <span>{t.basemap}</span>
          </p>
        </div>
      </main>
    </div>
  );
}
