'use client';
// The explorer's React tree hydrates after the map has first drawn: the map is what a visitor
// came for, and the map module (lib/map/explorer-map.ts) starts it before React anyway. Until
// then the server's HTML stands (its links are plain links that work) and the map answers hover
// and click on its own. Measured on this project's bench machine (2 cores, software WebGL),
// hydrating alongside the map's start delayed its first drawing by about 40%: both compete for
// the same cores and the same GPU process.
//
// How, with what React supports: AfterFirstMap is a <Suspense> boundary whose content suspends
// while hydrating, so React keeps the server's HTML there and hydrates it when the promise
// settles (selective hydration). On the server, and once settled, the content renders at once:
// a later client render never suspends here, and the fallback is never shown.
//
// Where: ExplorerShell puts the map's host and key in one, and each explorer page puts its own
// content in one. Not a single boundary around the whole explorer: a page's content inside a
// boundary streams, and a notFound() there could no longer set the 404 status. What is above
// the boundaries (ExplorerProvider) must give them nothing new before they hydrate: React renders
// a boundary that is updated while still dehydrated again from scratch (a new map container).
import { Suspense, createContext, use, useContext, type ReactNode } from 'react';
import { OWNER_ATTRIBUTE } from '@/lib/map/settings';

/** Hydrate anyway after this long: a map that never settles must not keep the page inert. */
const LONGEST_WAIT_MS = 10_000;
/** A visitor reaching for the page hydrates it at once (React then hydrates the target first). */
const REACHING_EVENTS = ['pointerdown', 'keydown', 'focusin', 'touchstart'] as const;

type ExplorerMapModule = typeof import('@/lib/map/explorer-map');

let settled = false;
let gate: Promise<void> | undefined;

function openGate(moduleUrl: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const open = () => {
      if (settled) return;
      // Flipped before React sees the event that opened it: React's synchronous hydration of
      // the event's target then renders the children instead of suspending again.
      settled = true;
      clearTimeout(timer);
      for (const type of REACHING_EVENTS) window.removeEventListener(type, open, true);
      resolve();
    };
    const timer = setTimeout(open, LONGEST_WAIT_MS);
    for (const type of REACHING_EVENTS) window.addEventListener(type, open, { capture: true, passive: true });
    const container = document.querySelector<HTMLElement>(`[${OWNER_ATTRIBUTE}]`);
    if (!container) return open();
    // The very module instance the page's script started the map with (same URL).
    (import(/* webpackIgnore: true */ /* turbopackIgnore: true */ moduleUrl) as Promise<ExplorerMapModule>)
      .then((m) => m.whenFirstDrawn(container))
      .then(open, open);
  });
}

/** The map module's URL (lib/map/assets/bundles.ts), provided by ExplorerShell. */
export const MapModuleContext = createContext<string | null>(null);

function Gate({ children }: { children: ReactNode }) {
  const moduleUrl = useContext(MapModuleContext);
  if (moduleUrl !== null && typeof window !== 'undefined' && !settled) use((gate ??= openGate(moduleUrl)));
  return children;
}

/** Content hydrated once the map has first drawn (or the visitor reaches for the page). */
export function AfterFirstMap({ children }: { children: ReactNode }) {
  return (
    <Suspense>
      <Gate>{children}</Gate>
    </Suspense>
  );
}
