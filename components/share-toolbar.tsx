'use client';
// Embed, Share and "Download for slides", together wherever a view can leave the site: in the
// header of the route list (all routes) and on each item's page.
import type { ReactNode } from 'react';
import { DownloadImageLink } from './download-image-link';
import { EmbedDialog } from './embed-dialog';
import { ShareButton } from './share-button';
import styles from './share-tools.module.css';
import { useStrings } from '@/lib/i18n/client';
import { localeHref } from '@/lib/i18n/locales';
import { ATLAS_TOUR_ID, tourPath } from '@/lib/tour/paths';

export interface ShareToolbarProps {
  /** The item on screen; null for all routes. */
  slug: string | null;
  /** Its name (or the explorer's title): the embed's frame title and the share sheet's title. */
  title: string;
  /** The guided tour the Embed dialog offers: the atlas tour for all routes, a route's own on its page. @default the atlas tour when slug is null */
  tour?: string | null;
  /** More actions for this page, after the others (a route page's "Print handout"). @default undefined */
  children?: ReactNode;
}

export function ShareToolbar({ slug, title, tour = slug === null ? ATLAS_TOUR_ID : null, children }: ShareToolbarProps) {
  const { share, locale } = useStrings();
  return (
    <div className={styles.toolbar} role="group" aria-label={share.toolbar.label} data-testid="share-toolbar">
      <EmbedDialog slug={slug} title={title} tour={tour} />
      <ShareButton title={title} />
      <DownloadImageLink slug={slug} />
      {tour && (
        // A plain link: the tour is a page of its own (pages/tour/), with no app around it.
        <a className={styles.button} href={localeHref(locale, tourPath(tour))} data-testid="tour-link">
          {share.toolbar.tour}
        </a>
      )}
      {children}
    </div>
  );
}
