// The locale of the request being rendered, as the proxy read it from the address (proxy.ts).
import { headers } from 'next/headers';
import { DEFAULT_LOCALE, LOCALE_HEADER, toLocale, type Locale } from './locales';
import { stringsFor, type Strings } from './strings';

/** The request's locale; English outside a request (a test rendering a page directly). */
export async function requestLocale(): Promise<Locale> {
  try {
    return toLocale((await headers()).get(LOCALE_HEADER));
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** The words of the request's locale, for server components and metadata. */
export async function getStrings(): Promise<Strings> {
  return stringsFor(await requestLocale());
}
