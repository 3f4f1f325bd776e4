// The item and source id, alone in its file with zod's tree-shakable build (zod/mini): the
// explorer's URL codec (lib/view/view-state.ts) and data hook (lib/data/use-atlas.ts) check ids in
// the browser before anything else of zod is needed, and zod's full build is large enough to
// slow the map's start when evaluated with the page (issue 15). geo/schema.ts uses this same
// schema inside its objects: zod's two builds share one core.
import * as z from 'zod/mini';

/** Stable, URL-safe ids: they appear in shared links. */
export const Slug = z
  .string()
  .check(z.minLength(2), z.maxLength(80), z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug: lower-case letters, digits and single hyphens'));
export type Slug = z.infer<typeof Slug>;
