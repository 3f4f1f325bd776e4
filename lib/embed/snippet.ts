// The HTML snippet that puts an embed on someone else's page. Shared by the oEmbed endpoint
// and the embed-builder dialog, so both hand out exactly the same markup. Everything inserted
// is escaped: the title comes from data and the src carries user-chosen view options.

export interface IframeSnippetOptions {
  /** Absolute http(s) URL of the embed page (or a root-relative path for same-site previews). */
  src: string;
  /** Accessible name of the frame; screen readers announce it. */
  title: string;
  /** Intrinsic width in CSS pixels; with `responsive` only the aspect ratio is kept. */
  width: number;
  /** Intrinsic height in CSS pixels. */
  height: number;
  /**
   * Fill the width of the host's column and keep the aspect ratio, instead of a fixed size.
   * @default false
   */
  responsive?: boolean;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escape text for an HTML attribute value or text node. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c]);
}

function checkedSrc(src: string): string {
  // A root-relative path is resolved against a dummy base only to inspect it; the original
  // string is what goes into the snippet.
  const isRootRelative = src.startsWith('/') && !src.startsWith('//') && !src.startsWith('/\\');
  let url: URL;
  try {
    url = new URL(src, isRootRelative ? 'http://relative.invalid' : undefined);
  } catch {
    throw new TypeError(`iframeSnippet: src is not a URL: ${src}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`iframeSnippet: src must be http(s), got ${url.protocol}`);
  return src;
}

function checkedSize(name: string, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 10_000)
    throw new RangeError(`iframeSnippet: ${name} must be an integer from 1 to 10000, got ${n}`);
  return n;
}

/** The `<iframe>` markup for an embed; throws on a non-http(s) src or a nonsensical size. */
export function iframeSnippet({ src, title, width, height, responsive = false }: IframeSnippetOptions): string {
  const w = checkedSize('width', width);
  const h = checkedSize('height', height);
  const attrs = [
    `src="${escapeHtml(checkedSrc(src))}"`,
    `title="${escapeHtml(title)}"`,
    responsive ? null : `width="${w}" height="${h}"`,
    responsive ? `style="display:block;width:100%;max-width:100%;aspect-ratio:${w} / ${h};height:auto;border:0"` : 'style="border:0"',
    'loading="lazy"',
    'allowfullscreen',
    'referrerpolicy="strict-origin-when-cross-origin"',
  ].filter(Boolean);
  return `<iframe ${attrs.join(' ')}></iframe>`;
}
