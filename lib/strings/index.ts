// The English words, for code that has no request to take a locale from (API answers, data
// export). Pages and components take theirs from lib/i18n: `useStrings()` on the client,
// `await getStrings()` on the server. The words themselves are in messages/<locale>.json.
import { stringsFor } from '@/lib/i18n/strings';

const en = stringsFor('en');
export const explorer = en.explorer;
export const pages = en.pages;
export const share = en.share;
export const cards = en.cards;
export * as time from './time';
export * as tour from './tour';
