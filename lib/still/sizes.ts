// The sizes still images come in, apart from the renderer so that links to them (oEmbed,
// Open Graph) can name their dimensions without loading it.
import { z } from 'zod';

export const STILL_SIZES = {
  /** A full-screen slide. */
  slide: { width: 1920, height: 1080 },
  /** Open Graph / Twitter card. */
  social: { width: 1200, height: 630 },
} as const;
export type StillSize = keyof typeof STILL_SIZES;

/** `?size=` of an image URL: slide when absent. */
export const StillSizeParam = z.enum(['slide', 'social']).default('slide');
