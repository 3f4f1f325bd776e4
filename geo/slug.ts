// What a slug is, without a schema library: geo/schema.ts builds the data's Slug from it, and the
// URL codec (lib/view-state.ts), which runs in every page's browser bundle, its own light check.

/** Stable, URL-safe ids: lower-case letters, digits and single hyphens; they appear in shared links. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MIN_LENGTH = 2;
export const SLUG_MAX_LENGTH = 80;
export const SLUG_MESSAGE = 'a slug: lower-case letters, digits and single hyphens';
