'use client';
// Embed, Share and "Download for slides", together wherever a view can leave the site: in the
// header of the route list (all routes) and on each item's page.
import { DownloadImageLink } from './download-image-link';
import { EmbedDialog } from './embed-dialog';
import { ShareButton } from './share-button';
import styles from './share-tools.module.css';
import { useStrings } from '@/lib/i18n/client';

export interface ShareToolbarProps {
  /** The item on screen; null for all routes. */
  slug: string | null;
  /** Its name (or the explorer's title): the embed's frame title and the share sheet's title. */
  title: string;
}

export function ShareToolbar({ slug, title }: ShareToolbarProps) {
  const { share } = useStrings();
  return (
    <div className={styles.toolbar} role="group" aria-label={share.toolbar.label} data-testid="share-toolbar">
      <EmbedDialog slug={slug} title={title} />
      <ShareButton title={title} />
      <DownloadImageLink slug={slug} />
    </div>
  );
}
