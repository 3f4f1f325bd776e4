// Types for scripts/shared-cache.mjs (plain JavaScript so the server needs no compiler), for the
// TypeScript that imports it (tests).
import type { IncomingMessage, ServerResponse } from 'node:http';

export declare const DEFAULT_MAX_AGE_MS: number;
export declare function sharedFreshness(cacheControl: unknown): { seconds: number; immutable: boolean } | null;
export declare function codingFor(acceptEncoding: string | undefined): 'gzip' | 'identity' | null;
export interface SharedCache {
  stats: { hits: number; stale: number; misses: number; stored: number; bypassed: number };
  size(): number;
  handle(req: IncomingMessage, res: ServerResponse, next: () => unknown): unknown;
}
export declare function createSharedCache(options?: {
  maxAgeMs?: number;
  maxEntries?: number;
  maxBodyBytes?: number;
  maxTotalBytes?: number;
  now?: () => number;
}): SharedCache;
