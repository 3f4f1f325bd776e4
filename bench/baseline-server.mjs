#!/usr/bin/env node
// The bare static server behind the benchmark's baseline: node:http and nothing else, serving
// the same bytes the app serves (maplibre-gl's library and worker taken from the app, the
// basemap, a snapshot of the route data) the way the app's server serves them: gzip through the
// same rules as Next's `compression` middleware (gzip when asked for, bodies of 1 KiB or more,
// zlib's default level), strong ETags with 304 revalidation, and the app's Cache-Control per
// kind of file. Like the app's shared cache (scripts/http-cache.mjs), a file the app marks
// `immutable` is compressed once and its bytes sent again; anything else is compressed for each
// response, as `next start` does. What is left between the app and this server is the app's
// own work: that is what the ratio measures.
//
//   node bench/baseline-server.mjs <port> <files.json>
//
// files.json maps URL paths to { file, type, cache } (written by bench/lib/baseline.mjs). Files are
// read once at start: the floor is a server that never waits for the disk.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import zlib from 'node:zlib';

const [portArg, manifestPath] = process.argv.slice(2);
const port = Number(portArg);
if (!Number.isInteger(port) || !manifestPath) {
  console.error('usage: node bench/baseline-server.mjs <port> <files.json>');
  process.exit(2);
}

/** @type {Record<string, { file: string, type: string, cache: string }>} */
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
/** @type {Map<string, { body: Buffer, type: string, cache: string, etag: string, gzipped?: Buffer }>} */
const files = new Map();
for (const [urlPath, { file, type, cache }] of Object.entries(manifest)) {
  const body = fs.readFileSync(file);
  files.set(urlPath, { body, type, cache, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` });
}

// Next's compression middleware (next/dist/compiled/compression) skips bodies under 1 KiB.
const GZIP_THRESHOLD = 1024;

function acceptsGzip(req) {
  return /\bgzip\b/i.test(req.headers['accept-encoding'] ?? '');
}

function etagMatches(header, etag) {
  if (!header) return false;
  const opaque = (tag) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

// BENCH_BASELINE_LOG=1 logs each request with its status, to check what a browser revalidates.
const logRequests = process.env.BENCH_BASELINE_LOG === '1';

const server = http.createServer((req, res) => {
  if (logRequests) res.on('finish', () => console.log(`${req.method} ${req.url} ${res.statusCode}`));
  const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
  const entry = files.get(urlPath);
  if (!entry || (req.method !== 'GET' && req.method !== 'HEAD')) {
    res.writeHead(entry ? 405 : 404, { 'Content-Type': 'text/plain' }).end(entry ? 'method not allowed' : 'not found');
    return;
  }
  const headers = { 'Content-Type': entry.type, 'Cache-Control': entry.cache, ETag: entry.etag, Vary: 'Accept-Encoding' };
  if (etagMatches(req.headers['if-none-match'], entry.etag)) {
    res.writeHead(304, headers).end();
    return;
  }
  if (req.method === 'HEAD') {
    res.writeHead(200, { ...headers, 'Content-Length': entry.body.length }).end();
    return;
  }
  if (entry.body.length >= GZIP_THRESHOLD && acceptsGzip(req)) {
    if (/\bimmutable\b/.test(entry.cache)) {
      // Compressed once, on first request, as the app's shared cache keeps it.
      entry.gzipped ??= zlib.gzipSync(entry.body);
      res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': entry.gzipped.length }).end(entry.gzipped);
      return;
    }
    // Compressed per request, as Next does, not once at start: the same CPU work per response.
    res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip' });
    const gzip = zlib.createGzip();
    gzip.pipe(res);
    gzip.end(entry.body);
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Length': entry.body.length }).end(entry.body);
});

server.keepAliveTimeout = 5000;
server.listen(port, '127.0.0.1', () => console.log(`baseline: listening on http://127.0.0.1:${port}`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
