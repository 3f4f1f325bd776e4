'use client';
// "Back to all routes" on a route page. Reached from the list, it is the browser's Back, so the
// list returns exactly as it was (filters, scroll, camera); reached by a link, it opens the list.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { useExplorer } from './explorer-state';
import { LanguageSwitch } from './language-switch';
import { useStrings } from '@/lib/i18n/client';

export interface RouteNavProps {
  /** Element id of the stage the address names (`?stage=`), brought into view. @default null */
  stageAnchor?: string | null;
}

export function RouteNav({ stageAnchor = null }: RouteNavProps) {
  const { listHref, cameFromList } = useExplorer();
  const router = useRouter();
  const { explorer: t } = useStrings();

  useEffect(() => {
    if (stageAnchor) document.getElementById(stageAnchor)?.scrollIntoView({ block: 'start' });
  }, [stageAnchor]);
  return (
    <nav className="route-nav" aria-label={t.panel.allRoutes}>
      <Link
        href={listHref}
        scroll={false}
        onClick={(e) => {
          if (!cameFromList || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
          e.preventDefault();
          router.back();
        }}
      >
        <span aria-hidden="true">← </span>
        {t.panel.backToList}
      </Link>
      <LanguageSwitch />
    </nav>
  );
}
