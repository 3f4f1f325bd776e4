// Issue #4: the iframe snippet handed to educators (embed builder, oEmbed) is well-formed and
// cannot be broken out of by a hostile title or view option.
import { describe, expect, it } from 'vitest';
import { escapeHtml, iframeSnippet } from '@/lib/embed/snippet';

/** Attributes of the single tag, decoded; values are quoted with " and can contain no raw ". */
function attributes(html: string): Record<string, string> {
  const open = html.match(/^<iframe ([^<>]*)><\/iframe>$/);
  if (!open) throw new Error(`not one iframe element: ${html}`);
  const decode = (v: string) =>
    v.replace(
      /&(amp|lt|gt|quot|#39|#96);/g,
      (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#96': '`' })[e] ?? '',
    );
  const out: Record<string, string> = {};
  const rest = open[1].replace(/([a-z-]+)(?:="([^"]*)")?/g, (_m, name: string, value: string | undefined) => {
    out[name] = decode(value ?? '');
    return '';
  });
  expect(rest.trim()).toBe('');
  return out;
}

describe('iframeSnippet', () => {
  it('gives a fixed-size frame with the title as its accessible name', () => {
    const html = iframeSnippet({
      src: 'https://atlas.example/embed/tumen-crossing-to-yanbian?legend=0#6/42.5/129.9',
      title: 'Across the Tumen',
      width: 800,
      height: 450,
    });
    const a = attributes(html);
    expect(a.src).toBe('https://atlas.example/embed/tumen-crossing-to-yanbian?legend=0#6/42.5/129.9');
    expect(a.title).toBe('Across the Tumen');
    expect(a.width).toBe('800');
    expect(a.height).toBe('450');
    expect(a.loading).toBe('lazy');
    expect('allowfullscreen' in a).toBe(true);
  });

  it('escapes a title that tries to close the attribute and inject a script', () => {
    const title = `"><script>alert('x')</script><iframe src="`;
    const html = iframeSnippet({ src: '/embed', title, width: 300, height: 200 });
    expect(html).not.toContain('<script>');
    expect(html.match(/</g)).toHaveLength(2);
    expect(attributes(html).title).toBe(title);
  });

  it('escapes ampersands and quotes in the src so the query survives intact', () => {
    const src = `https://atlas.example/embed?stage=a&level=4&q="x"'y'`;
    const html = iframeSnippet({ src, title: 't', width: 300, height: 200 });
    expect(html).toContain('stage=a&amp;level=4');
    expect(attributes(html).src).toBe(src);
  });

  it('keeps the aspect ratio and fills the column when responsive', () => {
    const a = attributes(iframeSnippet({ src: '/embed', title: 't', width: 1600, height: 900, responsive: true }));
    expect(a.width).toBeUndefined();
    expect(a.style).toContain('width:100%');
    expect(a.style).toContain('aspect-ratio:1600 / 900');
  });

  it.each(['javascript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', 'not a url', '//evil.example/x'])(
    'refuses the src %s',
    (src) => {
      expect(() => iframeSnippet({ src, title: 't', width: 300, height: 200 })).toThrow(TypeError);
    },
  );

  it.each([
    [0, 200],
    [300, -1],
    [300.5, 200],
    [Number.NaN, 200],
    [20_000, 200],
  ])('refuses the size %s×%s', (width, height) => {
    expect(() => iframeSnippet({ src: '/embed', title: 't', width, height })).toThrow(RangeError);
  });
});

describe('escapeHtml', () => {
  it('escapes every character that could end an attribute or open a tag', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&\`</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;');
  });
  it('leaves Korean text and plain words alone', () => {
    expect(escapeHtml('두만강 건너기 Tumen')).toBe('두만강 건너기 Tumen');
  });
});
