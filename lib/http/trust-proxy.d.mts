// Types for lib/http/trust-proxy.mjs.
export type Trust =
  | { kind: 'none' }
  | { kind: 'hops'; hops: number }
  | { kind: 'list'; list: string[]; isTrusted: (address: string, hop: number) => boolean };
export declare const TRUST_PROXY_FORMS: string;
export declare function parseTrustProxy(value: string | undefined): { ok: true; trust: Trust } | { ok: false; message: string };
export declare function clientAddress(trust: Trust, peer: string | null, forwardedFor: string | null): string | null;
