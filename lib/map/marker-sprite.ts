// The map's one icon: the disc under a crossing's or an event's level number, as a MapLibre
// sprite (a PNG and its index, at 1× and 2×). A signed-distance field, white, so the style colours
// it by risk level (icon-color) and rings it by kind (icon-halo-*) from the palette; no colour is
// written here. Drawn in code and encoded here (zlib), so no binary file is kept in the repository.
// Server only: GET /map-sprite/{markers,markers@2x}.{json,png} (app/map-sprite/[file]/route.ts).
import { deflateSync } from 'node:zlib';
import { MARKER_ICON, MARKER_SPRITE_SIZE, MARKER_RADIUS } from './style';

/** MapLibre's SDF icons: alpha 0.75 on the edge, one eighth less per CSS pixel outside it. */
const SDF_EDGE = 0.75;
const SDF_PER_PX = 1 / 8;

/** The SDF disc at `ratio` pixels per CSS pixel, as RGBA rows. */
function discPixels(ratio: number): { size: number; rgba: Uint8Array } {
  const size = MARKER_SPRITE_SIZE * ratio;
  const rgba = new Uint8Array(size * size * 4);
  const centre = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Distance outside the disc's edge, in CSS pixels (negative inside), from the pixel's centre.
      const d = (Math.hypot(x + 0.5 - centre, y + 0.5 - centre) - MARKER_RADIUS * ratio) / ratio;
      const alpha = Math.max(0, Math.min(1, SDF_EDGE - d * SDF_PER_PX));
      const i = (y * size + x) * 4;
      rgba.set([255, 255, 255, Math.round(alpha * 255)], i);
    }
  }
  return { size, rgba };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGBA PNG, unfiltered. */
function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', new Uint8Array())]);
}

export interface SpriteFile {
  body: Uint8Array<ArrayBuffer> | string;
  contentType: string;
}

const files = new Map<string, SpriteFile>();

/** One of the sprite's four files by name (`markers.json`, `markers@2x.png`, …), or null. */
export function markerSpriteFile(name: string): SpriteFile | null {
  const match = /^markers(@2x)?\.(json|png)$/.exec(name);
  if (!match) return null;
  let file = files.get(name);
  if (!file) {
    const ratio = match[1] ? 2 : 1;
    const { size, rgba } = discPixels(ratio);
    file =
      match[2] === 'json'
        ? {
            body: JSON.stringify({ [MARKER_ICON]: { x: 0, y: 0, width: size, height: size, pixelRatio: ratio, sdf: true } }),
            contentType: 'application/json; charset=utf-8',
          }
        : { body: new Uint8Array(encodePng(size, rgba)), contentType: 'image/png' };
    files.set(name, file);
  }
  return file;
}
