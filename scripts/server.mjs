#!/usr/bin/env node
// @ts-check
// The production server that `npm start` runs (scripts/start.mjs prepares the database and the
// build first). Next.js serves the app exactly as `next start` would, on a Unix socket of its own;
// in front of it, on PORT, a small caching reverse proxy (scripts/http-cache.mjs) asks it over
// that socket with ordinary HTTP requests and keeps what the app's own Cache-Control says a
// shared cache may keep (the read-only API, files named by their version). It is a convenience
// for one machine: every header, page and answer is Next.js's own, so `next start`, the
// standalone server (`NEXT_OUTPUT=standalone npm run build`) or nginx in front of several
// instances (deploy/) serve the same app.
//
// Listens on every interface, like `next start` (HOSTNAME to choose one). Environment: PORT
// (default 3000), NEXT_DIST_DIR (the build folder, read by next.config.ts), SHARED_CACHE_MS (how
// long an API copy may be served, default 1000; 0 turns the cache off).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { DEFAULT_MAX_AGE_MS, createCachingProxy } from './http-cache.mjs';

/** lib/http/rate-limit.ts's PEER_ADDRESS_HEADER. */
const PEER_ADDRESS_HEADER = 'x-atlas-peer-address';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * A configuration the server cannot run with: exit code 78 (EX_CONFIG), which tells the
 * supervisor in scripts/start.mjs that starting it again would not help.
 * @param {string} message @returns {never}
 */
function fail(message) {
  console.error(`server: ${message}`);
  process.exit(78);
}

const port = Number(process.env.PORT || 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT must be a port number, not "${process.env.PORT}".`);
const hostname = process.env.HOSTNAME || undefined;
const cacheMs =
  process.env.SHARED_CACHE_MS === undefined || process.env.SHARED_CACHE_MS === ''
    ? DEFAULT_MAX_AGE_MS
    : Number(process.env.SHARED_CACHE_MS);
if (!Number.isFinite(cacheMs) || cacheMs < 0)
  fail(`SHARED_CACHE_MS must be a number of milliseconds, not "${process.env.SHARED_CACHE_MS}".`);

// The client's TCP address reaches the app in a header only this process can write: its value
// starts with a secret made at start and known to the app through the environment (the same
// process), so a client sending the header itself is not believed (lib/http/rate-limit.ts).
const peerSecret = randomBytes(18).toString('base64url');
process.env.ATLAS_PEER_SECRET = peerSecret;

const app = next({ dev: false, dir: ROOT, port, hostname: 'localhost' });
const handle = app.getRequestHandler();
await app.prepare();

// Next.js on a Unix socket of its own. On Linux, in the abstract namespace: no file, so nothing
// is left behind when the process is killed (SIGKILL, a test runner's stop). Elsewhere, in a
// private folder removed on a normal stop.
const abstract = process.platform === 'linux';
const socketDir = abstract ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'escape-atlas-'));
const socketPath = socketDir ? path.join(socketDir, 'next.sock') : `\0escape-atlas-${process.pid}-${randomBytes(6).toString('hex')}`;
const removeSocketDir = () => socketDir && fs.rmSync(socketDir, { recursive: true, force: true });
const inner = http.createServer((req, res) => {
  Promise.resolve(handle(req, res)).catch((/** @type {unknown} */ e) => {
    console.error(e);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Internal server error');
  });
});
// Next.js's own keep-alive default (5 s) is shorter than the proxy's idle sockets may live; a
// longer one here means the front never reuses a socket the inner server is closing.
inner.keepAliveTimeout = 60_000;
await new Promise((resolve) => inner.listen(socketPath, () => resolve(undefined)));

const proxy = createCachingProxy({ upstream: { socketPath }, maxAgeMs: cacheMs });
const server = http.createServer((req, res) => {
  // Always overwritten: whatever a client sent under this name is replaced.
  req.headers[PEER_ADDRESS_HEADER] = `${peerSecret} ${req.socket.remoteAddress ?? ''}`;
  proxy.handle(req, res);
});
server.on('error', (/** @type {NodeJS.ErrnoException} */ e) => fail(e.code === 'EADDRINUSE' ? `port ${port} is in use.` : e.message));
server.listen(port, hostname, () => {
  console.log(
    `server: Escape Atlas on http://localhost:${port}${cacheMs > 0 ? ` (API answers shared for ${cacheMs} ms)` : ''}, pid ${process.pid}`,
  );
});

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  server.close(() => {
    proxy.close();
    inner.close(() => {
      removeSocketDir();
      process.exit(0);
    });
    inner.closeAllConnections();
  });
  server.closeIdleConnections();
  // Requests in flight get a moment to finish; then everything goes.
  setTimeout(() => {
    removeSocketDir();
    process.exit(0);
  }, 5000).unref();
}
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, stop);
