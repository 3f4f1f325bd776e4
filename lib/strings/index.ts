// All visible text, by area: `import { explorer } from '@/lib/strings'`.
export * as explorer from './explorer';
export * as pages from './pages';
export * as share from './share';
export * as time from './time';
export { SHARE_STRINGS as cards } from './cards';
export * as tour from './tour';
