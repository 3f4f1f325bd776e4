// Which libraries a page's JavaScript carries. Minified chunks keep no module names, but they
// keep string literals and CSS class names: each signature below is a string only that library
// ships, so a hit says the library (or the named part of it) reached the browser.
import { rawGet } from './load.mjs';
import zlib from 'node:zlib';

export const SIGNATURES = [
  { name: 'maplibre-gl', re: /maplibregl-ctrl/ },
  { name: '@turf/helpers', re: /coordinates must contain numbers/ },
  { name: '@turf/turf (full: isobands)', re: /Matrix of points must be at least 2x2/ },
  { name: 'polyclip-ts (@turf/union, intersect…)', re: /Tried to link already linked events/ },
  { name: 'jsts (@turf/buffer)', re: /IllegalArgumentException/ },
  { name: 'zod', re: /\$ZodType/ },
  { name: 'react-dom', re: /__reactFiber|react-dom\.production/ },
  { name: 'world-atlas topology', re: /"?arcs"?:\[\[\[?-?\d/ },
  { name: 'geo/ content (features inlined)', re: /tumen-crossing-to-yanbian/ },
];

function decode(res) {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'gzip') return zlib.gunzipSync(res.body).toString('utf8');
  if (encoding === 'deflate') return zlib.inflateSync(res.body).toString('utf8');
  if (encoding === 'br') return zlib.brotliDecompressSync(res.body).toString('utf8');
  return res.body.toString('utf8');
}

/**
 * Every JS file a page loaded, largest first, with its compressed size and the libraries found in it.
 * @param {string} origin
 * @param {Array<{ url: string, kind: string, bytes: number }>} files
 */
export async function inspectChunks(origin, files) {
  const chunks = [];
  for (const file of files.filter((f) => f.kind === 'js')) {
    const res = await rawGet(origin + file.url);
    const text = res.status === 200 ? decode(res) : '';
    chunks.push({
      url: file.url,
      gzBytes: file.bytes,
      rawBytes: Buffer.byteLength(text),
      libraries: SIGNATURES.filter((s) => s.re.test(text)).map((s) => s.name),
    });
  }
  return chunks.sort((a, b) => b.gzBytes - a.gzBytes);
}
