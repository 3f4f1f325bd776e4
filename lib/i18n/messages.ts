// The message files, one per locale, in ICU MessageFormat (messages/*.json). English is the
// reference shape: a key in one file and not the other fails tests/unit/i18n-messages.test.ts.
import en from '@/messages/en.json';
import ko from '@/messages/ko.json';
import type { Locale } from './locales';

export type Messages = typeof en;

export const MESSAGES: Record<Locale, Messages> = { en, ko };
