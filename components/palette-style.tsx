// The palette's CSS custom properties (lib/palette/css-properties.ts) as a <style> element, for
// the <head> of every server-rendered page: the App Router's root layout and the embeds' document.
// Pure markup, no client code. The nonce is the response's CSP nonce where there is one; today's
// policy allows inline styles without one (lib/security/headers.ts), and a nonce keeps this
// element valid should it ever require one.
import { paletteCss } from '@/lib/palette/css-properties';

const CSS = paletteCss();

export interface PaletteStyleProps {
  /** This response's CSP nonce (the `x-nonce` request header). @default undefined */
  nonce?: string;
}

export function PaletteStyle({ nonce }: PaletteStyleProps) {
  // The browser hides a nonce from the DOM once it has checked it, so hydration would see it differ.
  return <style nonce={nonce} data-palette="" suppressHydrationWarning dangerouslySetInnerHTML={{ __html: CSS }} />;
}
