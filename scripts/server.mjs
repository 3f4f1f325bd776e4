#!/usr/bin/env node
// The production server that `npm start` runs (scripts/start.mjs prepares the database and the
// build first): Next.js's own request handler behind node:http, with the in-process shared cache
// of scripts/shared-cache.mjs in front, so the read-only API answers popular requests without
// routing them through Next.js each time. Everything else (pages, static files, POSTs) goes
// straight to Next.js, which serves it exactly as `next start` would.
//
// Listens on every interface, like `next start`. Environment: PORT (default 3000),
// NEXT_DIST_DIR (the build folder, read by next.config.ts), SHARED_CACHE_MS (how long a copy may
// be served, default 1000; 0 turns the cache off).
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { DEFAULT_MAX_AGE_MS, createSharedCache } from './shared-cache.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function fail(message) {
  console.error(`server: ${message}`);
  process.exit(1);
}

const port = Number(process.env.PORT || 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT must be a port number, not "${process.env.PORT}".`);
const cacheMs =
  process.env.SHARED_CACHE_MS === undefined || process.env.SHARED_CACHE_MS === ''
    ? DEFAULT_MAX_AGE_MS
    : Number(process.env.SHARED_CACHE_MS);
if (!Number.isFinite(cacheMs) || cacheMs < 0)
  fail(`SHARED_CACHE_MS must be a number of milliseconds, not "${process.env.SHARED_CACHE_MS}".`);
const app = next({ dev: false, dir: ROOT, port, hostname: 'localhost' });
const handle = app.getRequestHandler();
await app.prepare();

const cache = cacheMs > 0 ? createSharedCache({ maxAgeMs: cacheMs }) : null;
const toNext = (req, res) =>
  Promise.resolve(handle(req, res)).catch((e) => {
    console.error(e);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Internal server error');
  });

const server = http.createServer((req, res) => {
  // The TCP peer, for the rate limit's client key (lib/http/rate-limit.ts); always overwritten,
  // so a client cannot choose its own.
  req.headers['x-atlas-peer-address'] = req.socket.remoteAddress ?? '';
  if (cache) cache.handle(req, res, () => toNext(req, res));
  else toNext(req, res);
});
server.on('error', (e) => fail(e.code === 'EADDRINUSE' ? `port ${port} is in use.` : e.message));
server.listen(port, () => {
  console.log(`server: Escape Atlas on http://localhost:${port}${cache ? ` (API answers shared for ${cacheMs} ms)` : ''}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
