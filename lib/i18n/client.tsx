'use client';
// The locale on the client: next-intl's provider carries it (set by the root layouts from the
// address), and `useStrings()` gives a component the words of that locale.
import { NextIntlClientProvider, useLocale } from 'next-intl';
import type { ReactNode } from 'react';
import { toLocale, type Locale } from './locales';
import { stringsFor, type Strings } from './strings';

export function usePageLocale(): Locale {
  return toLocale(useLocale());
}

export function useStrings(): Strings {
  return stringsFor(usePageLocale());
}

/**
 * Gives the page's client components its locale. The words themselves come from lib/i18n/strings
 * (both message files are small), so no messages travel through the provider. Dates are
 * formatted in UTC: the atlas's dates are calendar dates, the same for every reader.
 */
export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <NextIntlClientProvider locale={locale} timeZone="UTC">
      {children}
    </NextIntlClientProvider>
  );
}
