// Embed, Share and "Download for slides", together wherever a view can leave the site: in the
// header of the route list (all routes) and on each item's page.
import type { ReactNode } from 'react';
import { DownloadImageLink } from './download-image-link';
import { EmbedDialog } from './embed-dialog';
import { ShareButton } from './share-button';
import styles from './share-tools.module.css';
import { share } from '@/lib/strings';

export interface ShareToolbarProps {
  /** The item on screen; null for all routes. */
  slug: string | null;
  /** Its name (or the explorer's title): the embed's frame title and the share sheet's title. */
  title: string;
  /** More actions for this page, after the others (a route page's "Print handout"). @default undefined */
  children?: ReactNode;
}

export function ShareToolbar({ slug, title, children }: ShareToolbarProps) {
  return (
    <div className={styles.toolbar} role="group" aria-label={share.toolbar.label} data-testid="share-toolbar">
      <EmbedDialog slug={slug} title={title} />
      <ShareButton title={title} />
      <DownloadImageLink slug={slug} />
      {children}
    </div>
  );
}
