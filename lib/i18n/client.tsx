'use client';
// The locale on the client: next-intl's provider carries it and the page's messages (set by the
// root layout from the address), and `useStrings()` gives a component the words of that locale.
// Only the page's own locale travels, and only the parts client components read
// (lib/i18n/client-strings.ts CLIENT_NAMESPACES): the other language's words and the reading
// pages' long texts stay on the server.
import { NextIntlClientProvider, useLocale, useMessages } from 'next-intl';
import { useMemo, type ReactNode } from 'react';
import { buildClientStrings, type ClientMessages, type ClientStrings } from './client-strings';
import { toLocale, type Locale } from './locales';

export function usePageLocale(): Locale {
  return toLocale(useLocale());
}

export function useStrings(): ClientStrings {
  const locale = usePageLocale();
  // The provider's messages are the ClientMessages the root layout passed to LocaleProvider.
  const messages = useMessages() as unknown as ClientMessages;
  return useMemo(() => buildClientStrings(locale, messages), [locale, messages]);
}

/**
 * Gives the page's client components its locale and its words. Dates are formatted in UTC: the
 * atlas's dates are calendar dates, the same for every reader.
 */
export function LocaleProvider({ locale, messages, children }: { locale: Locale; messages: ClientMessages; children: ReactNode }) {
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="UTC">
      {children}
    </NextIntlClientProvider>
  );
}
