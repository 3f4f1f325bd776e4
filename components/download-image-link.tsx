// "Download for slides": the still map (app/routes/[slug]/image.png, app/image.png) at slide size,
// saved as a file. A plain link, so it works before any script has run.
import styles from './share-tools.module.css';
import { share } from '@/lib/strings';

const t = share.download;

/** The still image of an item, or of every route when `slug` is null. */
export function stillImagePath(slug: string | null, size: 'slide' | 'social' = 'slide'): string {
  const path = slug ? `/routes/${encodeURIComponent(slug)}/image.png` : '/image.png';
  // Slide is the renderer's default: the link stays short.
  return size === 'slide' ? path : `${path}?size=${size}`;
}

export interface DownloadImageLinkProps {
  /** The item whose image to download; null for all routes. */
  slug: string | null;
}

export function DownloadImageLink({ slug }: DownloadImageLinkProps) {
  return (
    <a className={styles.button} href={stillImagePath(slug)} download={`${t.fileName(slug)}.png`} data-testid="download-image">
      {t.slides}
    </a>
  );
}
