// Types for lib/http/etag.mjs.
export declare function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean;
