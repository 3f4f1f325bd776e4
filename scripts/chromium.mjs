// The headless Chromium every tool here drives (the end-to-end tests, the bench, the README's
// screenshot): Debian's, never a downloaded one. With these flags headless Chromium has WebGL2
// through SwiftShader, so MapLibre draws; the background-networking flags keep it from calling
// hosts this machine cannot reach.

/** Launch flags, one list for every caller. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** The browser binary: $CHROMIUM_PATH, else Debian's. */
export function chromiumPath() {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}
