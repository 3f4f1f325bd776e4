// The frame of the reading pages outside the explorer (/sources, /about): the site's name, a
// small navigation back to the map and between the two pages, and one <main> with the page.
import Link from 'next/link';
import type { ReactNode } from 'react';
import styles from './text-page.module.css';
import { explorer, pages } from '@/lib/strings';

const t = pages.siteNav;

export interface TextPageProps {
  /** The page's h1. */
  title: string;
  /** Which page this is, marked in the navigation. */
  current: 'sources' | 'about';
  children: ReactNode;
}

export function TextPage({ title, current, children }: TextPageProps) {
  const links = [
    { href: '/', label: t.map, key: 'map' },
    { href: '/sources', label: t.sources, key: 'sources' },
    { href: '/about', label: t.about, key: 'about' },
    { href: '/tour', label: t.tours, key: 'tours' },
  ] as const;
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Link href="/" className={styles.brand}>
          {explorer.appName}
        </Link>
        <nav aria-label={t.label}>
          <ul className={styles.nav}>
            {links.map((l) => (
              <li key={l.key}>
                {l.key === 'tours' ? (
                  // The tours are Pages Router pages with no app in them: a plain link, not the app router's.
                  <a href={l.href}>{l.label}</a>
                ) : (
                  <Link href={l.href} aria-current={l.key === current ? 'page' : undefined}>
                    {l.label}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main className={styles.main} id="main">
        <h1 className={styles.title}>{title}</h1>
        {children}
      </main>
    </div>
  );
}
