// Room to leave when the map fits its camera to something: a margin that shrinks in small maps,
// plus room for a key drawn over the map. Browser code, read at each fit (the key may have been
// folded since).

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * The padding to fit the camera with: a margin of `max` px, less in a small map (an embed in a
 * slide, 240×135, where MapLibre would refuse a fit whose padding leaves no room), plus `extra`
 * room on any side (a key drawn over the map).
 */
export function fitPadding(container: HTMLElement, max: number, extra: Partial<Padding>): Padding {
  const margin = Math.min(max, Math.floor(Math.min(container.clientWidth, container.clientHeight) / 8));
  return {
    top: margin + (extra.top ?? 0),
    right: margin + (extra.right ?? 0),
    bottom: margin + (extra.bottom ?? 0),
    left: margin + (extra.left ?? 0),
  };
}

/** Room for the explorer's map key when it is open over the map's left edge. */
export function explorerKeyPadding(): Partial<Padding> {
  const legend = document.querySelector('details.legend');
  if (!(legend instanceof HTMLDetailsElement) || !legend.open || !legend.parentElement) return {};
  const map = legend.parentElement.getBoundingClientRect();
  const box = legend.getBoundingClientRect();
  // Only when the key leaves a useful map beside it; on narrow screens it would leave none.
  return box.right - map.left < map.width / 2 ? { left: box.right - map.left } : {};
}

/** Room below an embed's key, at the top of the frame, when there is room for it. */
export function embedKeyPadding(): Partial<Padding> {
  const key = document.querySelector('[data-map-key]');
  if (!(key instanceof HTMLElement)) return {};
  const below = key.offsetTop + key.offsetHeight;
  // In a short frame the key sits over the map instead.
  return below < window.innerHeight / 3 ? { top: below } : {};
}

/** The keys drawn over a map, by the page that draws them; the config names one. */
export const KEY_PADDING = { explorer: explorerKeyPadding, embed: embedKeyPadding, none: () => ({}) } as const satisfies Record<
  string,
  () => Partial<Padding>
>;
export type KeyPadding = keyof typeof KEY_PADDING;

/**
 * Resolves once every stylesheet the document links has loaded (or failed), so the map's
 * container has its final size; a script that runs while the page is still being parsed waits
 * for this rather than for the whole document.
 */
export function stylesheetsLoaded(): Promise<unknown> {
  const links = [...document.querySelectorAll('link[rel="stylesheet"]')] as HTMLLinkElement[];
  const pending = links
    .filter((l) => !l.sheet)
    .map((l) => new Promise((r) => (l.addEventListener('load', r, { once: true }), l.addEventListener('error', r, { once: true }))));
  // A sheet that failed before we looked fires no event: the parsed document is the fallback.
  if (pending.length === 0 || document.readyState !== 'loading') return Promise.resolve();
  return Promise.race([Promise.all(pending), new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }))]);
}
