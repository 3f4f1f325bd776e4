// Letting the map go first: the explorer's own scripts start once the map has drawn.
//
// On a slow machine the explorer page spent its first seconds starting Next.js and React
// (module start-up and hydration, about 1.3 s of main-thread time at 4x CPU throttling) while the
// boot map (lib/map/boot.ts) waited for the same thread: the map drew about 1.4x as late as a
// bare MapLibre page. The panel is server-rendered, so it reads, scrolls and its links work
// without any script; only its controls need React. So the inline boot script holds the app's
// start until the map's first idle, or until the visitor presses a key or a pointer (they want
// the page now), or a ceiling of time. Clicks on the panel's controls made before the app runs
// are kept and made again once it does, so none is lost.
//
// How it holds: Turbopack, which bundles the client, loads chunks that only register modules,
// and one "runtime entry" (an object with `runtimeModuleIds`, pushed by an inline script at the
// end of the page) that runs them: Next.js's client, then React's hydration. Everything goes
// through `globalThis.TURBOPACK.push`, an array until Turbopack's runtime script replaces it with
// its own `{ push }`. `holdAppStart` stands in front of that and keeps entries back until
// released; chunks still download and register as before. Should a later Next.js push entries
// in another shape, nothing is held and the app starts as it always did.
//
// Both functions are self-contained (they use nothing but their parameters and browser
// globals): the inline script carries their source (Function.prototype.toString).

/** Turbopack's chunk list, as the page's scripts see it on `globalThis`. */
interface PushTarget {
  push(item: unknown): unknown;
}

/**
 * Keep Turbopack's runtime entries in `scope` (the window) from running until the returned
 * function is called. Works whether the runtime script has run yet or not. Self-contained.
 */
export function holdAppStart(scope: { TURBOPACK?: unknown }): () => void {
  const isEntry = (item: unknown): boolean => {
    const params: unknown = Array.isArray(item) ? (item.length === 2 ? item[1] : null) : item;
    return typeof params === 'object' && params !== null && Array.isArray((params as { runtimeModuleIds?: unknown }).runtimeModuleIds);
  };
  const before = scope.TURBOPACK;
  // Chunks pushed before the runtime's script has run: the runtime reads this array when it does.
  const early: unknown[] = Array.isArray(before) ? before : [];
  let runtime: PushTarget | null = before !== undefined && !Array.isArray(before) ? (before as PushTarget) : null;
  const held: unknown[] = [];
  let released = false;
  const front: PushTarget = { push: (item) => (!released && isEntry(item) ? void held.push(item) : runtime!.push(item)) };
  Object.defineProperty(scope, 'TURBOPACK', {
    configurable: true,
    get: () => (runtime ? front : early),
    set: (value: PushTarget) => {
      // The runtime installs its own push, then runs through `early`: take the entries out first.
      runtime = value;
      for (let i = 0; i < early.length;) {
        if (isEntry(early[i])) held.push(...early.splice(i, 1));
        else i++;
      }
    },
  });
  return () => {
    if (released) return;
    released = true;
    // Leave the global as if nothing had stood in front of it, then start what was kept.
    Object.defineProperty(scope, 'TURBOPACK', { configurable: true, enumerable: true, writable: true, value: runtime ?? early });
    if (runtime) for (const item of held.splice(0)) runtime.push(item);
  };
}

/** When the app starts at the latest, and how the page says it runs. */
export interface AppStartOptions {
  /** Milliseconds after the boot script has run, even if the map has not drawn. */
  startBy: number;
  /** Milliseconds after the start, should the app never say it runs (kept clicks are then made as they are). */
  replayBy: number;
  /** The map container's attribute, and its value, that say the app has mounted (AtlasMap takes the map over). */
  live: readonly [attribute: string, value: string];
}

/**
 * Hold the app's start (`hold`, which is `holdAppStart`) until the map in `map` is first idle
 * (`data-map-idle="true"`), the visitor presses a pointer or a key, or `startBy` has passed.
 * Until the app has mounted (`live`), clicks on controls outside the map are kept and made again
 * then; links, text and the map's own controls work without the app and are left alone. Returns
 * the function that starts the app now. Self-contained.
 */
export function startAppAfterMap(hold: typeof holdAppStart, map: HTMLElement, { startBy, replayBy, live }: AppStartOptions): () => void {
  const release = hold(window as { TURBOPACK?: unknown });
  const kept: HTMLElement[] = [];
  const wakers = ['pointerdown', 'keydown', 'touchstart'] as const;
  let started = false;
  let replayed = false;
  const replay = () => {
    if (replayed) return;
    replayed = true;
    observer.disconnect();
    document.removeEventListener('click', keep, true);
    for (const el of kept.splice(0)) if (el.isConnected) el.click();
  };
  const start = () => {
    if (started) return;
    started = true;
    for (const type of wakers) window.removeEventListener(type, start, true);
    release();
    setTimeout(replay, replayBy);
  };
  const isLive = () => map.getAttribute(live[0]) === live[1];
  function keep(event: MouseEvent) {
    if (isLive()) return replay();
    const target = event.target instanceof Element ? event.target : null;
    // What a click changes: a text box or a select only takes focus, which a press does natively.
    const control = target?.closest(
      'button, summary, label, [role="button"], input[type="checkbox"], input[type="radio"], input[type="button"], input[type="submit"]',
    );
    if (!control || !(control instanceof HTMLElement) || map.contains(control) || control.closest('a[href]')) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    kept.push(control);
    start();
  }
  const observer = new MutationObserver(() => {
    if (map.dataset.mapIdle === 'true') start();
    if (isLive()) replay();
  });
  observer.observe(map, { attributes: true, attributeFilter: ['data-map-idle', live[0]] });
  document.addEventListener('click', keep, true);
  for (const type of wakers) window.addEventListener(type, start, { capture: true, passive: true });
  setTimeout(start, startBy);
  return start;
}
