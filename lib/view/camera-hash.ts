// The camera in a URL's hash, written: `#zoom/lat/lng`, the way MapLibre's own hash writes it.
// No zod here, so the embed's script can format hashes without loading a validator; reading a
// hash (a boundary) is lib/view/view-state.ts's parseCameraHash, which validates with zod.

export interface Camera {
  zoom: number;
  lat: number;
  lng: number;
}

/**
 * Decimal places for lat/lng at a zoom: enough to place the centre within about a pixel and no
 * more, so links stay short (the rule of MapLibre's `hash.ts`).
 */
export function cameraPrecision(zoom: number): number {
  return Math.max(0, Math.ceil((zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10));
}

const fixed = (n: number, digits: number) => {
  const s = n
    .toFixed(digits)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
  return s === '-0' ? '0' : s;
};

/** Camera -> `#zoom/lat/lng`, rounded by zoom. */
export function formatCameraHash(camera: Camera): string {
  const zoom = Math.round(camera.zoom * 100) / 100;
  const digits = cameraPrecision(zoom);
  return `#${fixed(zoom, 2)}/${fixed(camera.lat, digits)}/${fixed(camera.lng, digits)}`;
}
