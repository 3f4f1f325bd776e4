// The script of a tour (/tour, /tour/{id}, /embed/tour/{id}): the whole of what runs in the page,
// which ships no framework (pages/tour/, pages/embed/tour/). The server renders every step
// (components/tour-frame.tsx) with links between them, so a tour reads and steps without
// JavaScript; this script makes the map (the atlas's one controller, lib/map/controller.ts) and
// turns the links into steps that move it: fit to the step's stage or corridor, draw it lit and
// the rest dimmed, and say the step to screen readers. The step goes into the address (a history
// entry per step on the tour's page, so Back and Forward walk the steps; in a frame the entry is
// replaced, so the host page's Back button stays the host page's), the camera into the hash.
import { parseStep, stepSearch } from './step-param';
import { AtlasMapController, EMPTY_VIEW, loadMaplibre, type MapView } from '../map/controller';
import { KEY_PADDING, stylesheetsLoaded } from '../map/padding';
import { atlasMapInit } from '../map/settings';
import { parseCameraHash } from '../view/view-state';
import { TOUR_CONFIG_ID, type TourClientConfig } from './config';

/** Keys that step, as presentation clickers send them too (PageUp/PageDown). */
const KEY_STEPS: Record<string, (n: number, count: number) => number> = {
  ArrowRight: (n, count) => Math.min(count, n + 1),
  PageDown: (n, count) => Math.min(count, n + 1),
  ArrowLeft: (n) => Math.max(1, n - 1),
  PageUp: (n) => Math.max(1, n - 1),
  Home: () => 1,
  End: (_, count) => count,
};

/** Elements whose own keys win over the tour's. */
const TYPING = 'input, textarea, select, [contenteditable="true"]';

function main(): void {
  const root = document.querySelector<HTMLElement>('[data-tour]');
  const json = document.getElementById(TOUR_CONFIG_ID)?.textContent;
  if (!root || !json) return;
  // Our own server's JSON, rendered into this page (components/tour-frame.tsx).
  const c = JSON.parse(json) as TourClientConfig;
  const count = c.steps.length;
  const embedded = c.mode === 'embed';
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel);
  const sections = [...root.querySelectorAll<HTMLElement>('[data-tour-step]')];
  const counter = q<HTMLElement>('[data-tour-counter]');
  const live = q<HTMLElement>('[data-tour-live]');
  const prev = q<HTMLAnchorElement>('[data-tour-prev]');
  const next = q<HTMLAnchorElement>('[data-tour-next]');
  const image = q<HTMLAnchorElement>('[data-tour-image]');
  const language = q<HTMLAnchorElement>('[data-tour-language]');
  let current = c.step;
  let controller: AtlasMapController | null = null;

  const viewOf = (n: number): Partial<MapView> => ({ ...c.steps[n - 1].view });
  const addressOf = (n: number) => `${window.location.pathname}${stepSearch(n, new URLSearchParams(window.location.search))}`;

  /** Show step n: its text, the counter, the links, the map; `history` says how the address follows. */
  function show(n: number, history: 'push' | 'replace' | 'none', fit: boolean): void {
    if (n === current && history !== 'none') return;
    current = n;
    for (const s of sections) s.hidden = Number(s.dataset.tourStep) !== n;
    if (counter) counter.textContent = c.steps[n - 1].counter;
    if (live) live.textContent = c.steps[n - 1].announce;
    for (const [link, to] of [
      [prev, n - 1],
      [next, n + 1],
    ] as const) {
      if (!link) continue;
      const off = to < 1 || to > count;
      link.href = addressOf(off ? n : to);
      if (off) link.setAttribute('aria-disabled', 'true');
      else link.removeAttribute('aria-disabled');
    }
    if (image) image.href = image.href.replace(/(\?.*)?$/, stepSearch(n));
    // The language switch opens the same step in the other language.
    if (language) language.href = language.href.replace(/(\?.*)?$/, stepSearch(n));
    if (history !== 'none') {
      // The camera of the step left goes with its entry; the new entry gets its own once the map stops.
      controller?.flushCamera();
      const url = addressOf(n);
      if (history === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    }
    controller?.setView(viewOf(n));
    if (fit) controller?.fitTo(c.steps[n - 1].bounds);
  }

  const go = (n: number) => show(n, embedded ? 'replace' : 'push', true);

  for (const [link, delta] of [
    [prev, -1],
    [next, 1],
  ] as const) {
    link?.addEventListener('click', (e) => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      go(Math.min(count, Math.max(1, current + delta)));
    });
  }

  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.target instanceof Element && e.target.closest(TYPING)) return;
    const step = KEY_STEPS[e.key];
    if (step) {
      e.preventDefault();
      go(step(current, count));
    } else if (!embedded && (e.key === 'f' || e.key === 'F')) {
      e.preventDefault();
      togglePresenter();
    } else if (e.key === 'Escape' && root.dataset.present === 'true') {
      // Where the browser gave no full screen, Escape still leaves the presenter view.
      togglePresenter();
    }
  });

  // Back and Forward: the entry's step; its camera is the camera sync's (it fits the step when the
  // entry has none). Registered before the sync's own listener, so `current` is already the entry's.
  window.addEventListener('popstate', () => {
    const parsed = parseStep(new URLSearchParams(window.location.search).getAll('step'), count);
    show(parsed.ok ? parsed.step : 1, 'none', controller === null);
  });

  const present = q<HTMLButtonElement>('[data-tour-present]');
  function setPresenting(on: boolean): void {
    root!.dataset.present = String(on);
    if (present) {
      present.textContent = on ? c.text.leavePresent : c.text.present;
      present.setAttribute('aria-pressed', String(on));
    }
    // The map's box changed shape: fit the step again once MapLibre has resized to it.
    controller?.map.once('resize', () => controller?.fitTo(c.steps[current - 1].bounds, false));
  }
  function togglePresenter(): void {
    const on = root!.dataset.present !== 'true';
    setPresenting(on);
    // Full screen where the browser allows it; the presenter layout holds either way.
    if (on && !document.fullscreenElement) root!.requestFullscreen?.().catch(() => {});
    if (!on && document.fullscreenElement) void document.exitFullscreen().catch(() => {});
  }
  present?.addEventListener('click', togglePresenter);
  document.addEventListener('fullscreenchange', () => {
    if (!document.fullscreenElement && root.dataset.present === 'true') setPresenting(false);
  });

  // No WebGL, or the data failed to load: the steps still read and step without a map.
  const failed = (e: unknown) => {
    console.warn('Escape Atlas: the map could not start.', e);
    const status = root.querySelector<HTMLElement>('[data-map-status]');
    if (status) {
      status.textContent = c.text.mapFailed;
      status.classList.add('atlas-map__status--error');
      status.setAttribute('role', 'status');
      status.hidden = false;
    }
  };
  void startMap(root, c, () => current, failed)
    .then((made) => {
      controller = made;
      made.setView(viewOf(current));
    })
    .catch(failed);
}

async function startMap(
  root: HTMLElement,
  c: TourClientConfig,
  current: () => number,
  onDataError: (e: Error) => void,
): Promise<AtlasMapController> {
  const el = root.querySelector<HTMLElement>('[data-atlas-owner]');
  if (!el) throw new Error('no map container');
  el.setAttribute('data-atlas-owner', 'boot');
  const [maplibre] = await Promise.all([loadMaplibre(c.maplibre), stylesheetsLoaded()]);
  const camera = window.location.hash ? parseCameraHash(window.location.hash) : null;
  const step = c.steps[current() - 1];
  const controller = AtlasMapController.create(maplibre, el, {
    // MapLibre's worker fetches and reads the data, by its address.
    init: atlasMapInit(c.settings, new URL(c.dataUrl, window.location.href).href),
    camera: camera ? { center: [camera.lng, camera.lat], zoom: camera.zoom } : { bounds: step.bounds },
    view: { ...EMPTY_VIEW, ...step.view },
    keyPadding: KEY_PADDING[c.keyPadding],
    describedBy: c.describedBy,
    // A click on the map does not leave the tour: the step's text links to its sources.
    pointer: { hover: () => {}, select: () => {} },
    startedBy: 'boot',
    onDataError,
  });
  // In a tour the arrow keys step; the map still pans by dragging and zooms with its buttons.
  controller.map.keyboard.disable();
  controller.map.once('load', () => root.querySelector<HTMLElement>('[data-map-status]')?.setAttribute('hidden', ''));
  controller.map.once('idle', () => controller.syncCamera(parseCameraHash, () => c.steps[current() - 1].bounds));
  return controller;
}

main();
