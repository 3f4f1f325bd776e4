// zod 4 compiles fast object parsers with `new Function` when it may, and finds out whether it
// may by calling `Function("")` once. Our Content-Security-Policy forbids eval (proxy.ts), so
// that probe fails: zod copes, but the browser reports a CSP violation on every page. Telling
// zod up front not to compile skips the probe. The setting lives on globalThis, so it reaches
// every copy of zod in a bundle, and it must be set before any schema is created: import this
// module before any module that makes schemas (instrumentation-client.ts, lib/embed/checks.ts).
// From zod's tree-shakable build: the setting is its core's, which the full build shares.
import { config } from 'zod/mini';

config({ jitless: true });
