// Issue #6: the inline boot script holds the app's start until the map has drawn
// (lib/map/app-start-gate.ts). Here, against a stand-in for Turbopack's runtime that follows its
// protocol (the runtime script reads `globalThis.TURBOPACK`, installs its own `{ push }`, then
// runs through what was pushed before it); the real one is driven in tests/e2e/explorer.spec.ts.
import { describe, expect, it } from 'vitest';
import { holdAppStart } from '@/lib/map/app-start-gate';

type Scope = { TURBOPACK?: unknown };

/** What a page's scripts push: chunks (module factories) and one runtime entry. */
const factory = () => undefined;
const chunk = (name: string) => ['script', name, factory];
const entry = { otherChunks: ['static/chunks/a.js'], runtimeModuleIds: [1] };
const entryWithScript = ['script', { otherChunks: [], runtimeModuleIds: [2] }];

/** A chunk script: `(globalThis.TURBOPACK || (globalThis.TURBOPACK = [])).push(item)`. */
function push(scope: Scope, item: unknown): void {
  ((scope.TURBOPACK ??= []) as { push(item: unknown): unknown }).push(item);
}

/** Turbopack's runtime script, as far as the page sees it: it records what it was given, in order. */
function runRuntime(scope: Scope): unknown[] {
  const seen: unknown[] = [];
  let pending = scope.TURBOPACK;
  if (pending === undefined) pending = [];
  else if (!Array.isArray(pending)) throw new Error('a second runtime');
  scope.TURBOPACK = { push: (item: unknown) => seen.push(item) };
  (pending as unknown[]).forEach((item) => seen.push(item));
  return seen;
}

describe('holdAppStart', () => {
  it('keeps the entry pushed before the runtime back until released, and lets chunks through', () => {
    const scope: Scope = {};
    const release = holdAppStart(scope);
    push(scope, chunk('a'));
    push(scope, entry);
    push(scope, chunk('b'));
    const seen = runRuntime(scope);
    expect(seen).toEqual([chunk('a'), chunk('b')]);
    push(scope, chunk('c'));
    expect(seen).toEqual([chunk('a'), chunk('b'), chunk('c')]);
    release();
    expect(seen).toEqual([chunk('a'), chunk('b'), chunk('c'), entry]);
    // Released once: the entry runs once, and the global is plain data again.
    release();
    expect(seen.filter((s) => s === entry)).toHaveLength(1);
    expect(Object.getOwnPropertyDescriptor(scope, 'TURBOPACK')).toMatchObject({ writable: true });
  });

  it('keeps an entry pushed after the runtime, in either of its shapes', () => {
    const scope: Scope = {};
    push(scope, chunk('a'));
    const release = holdAppStart(scope);
    const seen = runRuntime(scope);
    push(scope, entryWithScript);
    push(scope, entry);
    expect(seen).toEqual([chunk('a')]);
    release();
    expect(seen).toEqual([chunk('a'), entryWithScript, entry]);
  });

  it('stands in front of a runtime that was already running', () => {
    const scope: Scope = {};
    const seen = runRuntime(scope);
    const runtime = scope.TURBOPACK;
    const release = holdAppStart(scope);
    push(scope, chunk('a'));
    push(scope, entry);
    expect(seen).toEqual([chunk('a')]);
    release();
    expect(seen).toEqual([chunk('a'), entry]);
    expect(scope.TURBOPACK).toBe(runtime);
  });

  it('holds nothing once released before the runtime arrives', () => {
    const scope: Scope = {};
    const release = holdAppStart(scope);
    push(scope, chunk('a'));
    release();
    push(scope, entry);
    expect(Array.isArray(scope.TURBOPACK)).toBe(true);
    expect(runRuntime(scope)).toEqual([chunk('a'), entry]);
  });

  it('holds nothing it does not recognise as an entry', () => {
    const scope: Scope = {};
    holdAppStart(scope);
    const seen = runRuntime(scope);
    const other = { otherChunks: [] };
    push(scope, other);
    push(scope, ['script', 'x']);
    expect(seen).toEqual([other, ['script', 'x']]);
  });
});
