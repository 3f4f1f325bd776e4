'use client';
// "Download for slides": the still map (app/routes/[slug]/image.png, app/image.png) at slide size,
// saved as a file. A plain link, so it works before any script has run.
import styles from './share-tools.module.css';
import { useStrings } from '@/lib/i18n/client';
import { stillImagePath } from '@/lib/view/paths';

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
