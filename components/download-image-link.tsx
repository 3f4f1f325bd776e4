'use client';
// "Download for slides": the still map (app/routes/[slug]/image.png, app/image.png) at slide size,
// saved as a file. A plain link, so it works before any script has run.
import styles from './share-tools.module.css';
import { useStrings } from '@/lib/i18n/client';
import { localeHref, type Locale } from '@/lib/i18n/locales';

/** The still image of an item, or of every route when `slug` is null. */
export function stillImagePath(slug: string | null, size: 'slide' | 'social' = 'slide', locale: Locale = 'en'): string {
  const path = localeHref(locale, slug ? `/routes/${encodeURIComponent(slug)}/image.png` : '/image.png');
  // Slide is the renderer's default: the link stays short.
  return size === 'slide' ? path : `${path}?size=${size}`;
}

export interface DownloadImageLinkProps {
  /** The item whose image to download; null for all routes. */
  slug: string | null;
}

export function DownloadImageLink({ slug }: DownloadImageLinkProps) {
  const { share, locale } = useStrings();
  const t = share.download;
  return (
    <a
      className={styles.button}
      href={stillImagePath(slug, 'slide', locale)}
      download={`${t.fileName(slug)}.png`}
      data-testid="download-image"
    >
      {t.slides}
    </a>
  );
}
