// Types for lib/http/etag.mjs.
export declare function etagOf(body: string | Uint8Array): string;
export declare function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean;
export declare function conditionalResponse(
  request: Request,
  answer: { etag: string; body: BodyInit; headers?: Record<string, string>; contentHeaders?: Record<string, string> },
): Response;
