'use client';
// The visible language switch: the same view in the other language. It keeps everything the
// address holds (route, stage and filters in the path and query, the camera in the hash), read
// from the address bar when it is followed, since filters and camera change it without a
// navigation. A plain link, so the whole page (and <html lang>) is rendered in the new language.
import { usePathname } from 'next/navigation';
import { LOCALE_TAGS, LOCALES, localeHref, splitLocale, type Locale } from '@/lib/i18n/locales';
import { useStrings } from '@/lib/i18n/client';

/** The other language's address of `url`: same path, query and hash. */
export function switchedHref(url: { pathname: string; search: string; hash: string }, to: Locale): string {
  return `${localeHref(to, splitLocale(url.pathname).path)}${url.search}${url.hash}`;
}

export function LanguageSwitch() {
  const { explorer: t, locale } = useStrings();
  const pathname = usePathname() ?? '/';
  // Two languages: the switch names the other one. A third would make this a list.
  const to = LOCALES.find((l) => l !== locale)!;
  return (
    <a
      className="language-switch"
      href={switchedHref({ pathname, search: '', hash: '' }, to)}
      hrefLang={LOCALE_TAGS[to].lang}
      lang={LOCALE_TAGS[to].lang}
      aria-label={t.language.switchToLabel}
      data-testid="language-switch"
      onClick={(e) => {
        e.currentTarget.href = switchedHref(window.location, to);
      }}
    >
      {t.language.switchTo}
    </a>
  );
}
