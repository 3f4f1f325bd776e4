// Runs in the browser before any of the app's modules (Next.js instrumentation-client): zod
// without its eval probe, under our CSP (lib/security/zod-jitless.ts).
import './lib/security/zod-jitless';
