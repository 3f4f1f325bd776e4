// The frame of the reading pages outside the explorer (/sources, /about): the site's name, a
// small navigation back to the map and between the two pages, and one <main> with the page.
import Link from 'next/link';
import type { ReactNode } from 'react';
import styles from './text-page.module.css';
import { LanguageSwitch } from './language-switch';
import { localeHref, type Locale } from '@/lib/i18n/locales';
import { stringsFor } from '@/lib/i18n/strings';

export interface TextPageProps {
  /** The page's h1. */
  title: string;
  /** Which page this is, marked in the navigation. */
  current: 'sources' | 'about';
  /** The page's language. @default 'en' */
  locale?: Locale;
  children: ReactNode;
}

export function TextPage({ title, current, locale = 'en', children }: TextPageProps) {
  const { explorer, pages } = stringsFor(locale);
  const t = pages.siteNav;
  const links = [
    { href: localeHref(locale, '/'), label: t.map, key: 'map' },
    { href: localeHref(locale, '/sources'), label: t.sources, key: 'sources' },
    { href: localeHref(locale, '/about'), label: t.about, key: 'about' },
    { href: localeHref(locale, '/tour'), label: t.tours, key: 'tours' },
  ] as const;
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Link href={localeHref(locale, '/')} className={styles.brand}>
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
        <LanguageSwitch />
      </header>
      <main className={styles.main} id="main">
        <h1 className={styles.title}>{title}</h1>
        {children}
      </main>
    </div>
  );
}
