// The bench's baseline must load maplibre-gl exactly as the app serves it: the app's copy opens
// with V8's compile hint (lib/map/assets/maplibre-assets.ts), and a baseline reading the file
// from node_modules instead would compare the app with another library load. appServedFiles
// fetches each file from the running app; here a small server stands in for the app.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { appServedFiles } from '../../bench/lib/baseline.mjs';

const CACHE = { immutable: 'public, max-age=31536000, immutable', worker: 'public, max-age=60', public: 'public, max-age=0' };

let server: http.Server | undefined;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-baseline-'));
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function fakeApp(answer: (path: string) => { status: number; body: string }): Promise<string> {
  server = http.createServer((req, res) => {
    const { status, body } = answer(new URL(req.url ?? '/', 'http://x').pathname);
    res.writeHead(status, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the bench baseline’s files from the app', () => {
  it('serves the app’s own bytes of maplibre-gl, its worker and the sprite, under the app’s headers', async () => {
    const origin = await fakeApp((path) => ({ status: 200, body: `bytes of ${path}` }));
    const files = await appServedFiles(origin, CACHE, dir);
    expect(Object.keys(files).sort()).toEqual(
      [
        '/maplibre-gl-worker.mjs',
        '/maplibre/maplibre-gl.mjs',
        '/map-sprite/markers.json',
        '/map-sprite/markers.png',
        '/map-sprite/markers@2x.json',
        '/map-sprite/markers@2x.png',
      ].sort(),
    );
    // The baseline page imports the library from /maplibre/: the app's /maplibre-gl.mjs is what it gets.
    expect(fs.readFileSync(files['/maplibre/maplibre-gl.mjs']!.file, 'utf8')).toBe('bytes of /maplibre-gl.mjs');
    expect(fs.readFileSync(files['/maplibre-gl-worker.mjs']!.file, 'utf8')).toBe('bytes of /maplibre-gl-worker.mjs');
    expect(fs.readFileSync(files['/map-sprite/markers.png']!.file, 'utf8')).toBe('bytes of /map-sprite/markers.png');
    expect(files['/maplibre/maplibre-gl.mjs']!.cache).toBe(CACHE.immutable);
    expect(files['/maplibre-gl-worker.mjs']!.cache).toBe(CACHE.worker);
    expect(files['/maplibre/maplibre-gl.mjs']!.type).toBe('text/javascript; charset=utf-8');
  });

  it('stops the bench when the app cannot give one of them', async () => {
    const origin = await fakeApp((path) => (path === '/maplibre-gl.mjs' ? { status: 503, body: 'no' } : { status: 200, body: 'ok' }));
    await expect(appServedFiles(origin, CACHE, dir)).rejects.toThrow(/503 for \/maplibre-gl\.mjs/);
  });
});
