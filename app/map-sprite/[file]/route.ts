// GET /map-sprite/{markers,markers@2x}.{json,png}?v={version} – the map's sprite: the disc under
// each crossing's and event's level number (lib/map/marker-sprite.ts).
import { notFound } from '@/lib/http/api-errors';
import { conditionalResponse, etagOf } from '@/lib/http/etag.mjs';
import { apiHandler } from '@/lib/http/handler';
import { markerSpriteFile } from '@/lib/map/marker-sprite';
import { MARKER_SPRITE_VERSION } from '@/lib/map/style';

export const dynamic = 'force-dynamic';

export const GET = apiHandler(async (request: Request, context: { params: Promise<{ file: string }> }) => {
  const file = markerSpriteFile((await context.params).file);
  if (!file) throw notFound('The map sprite has markers.json, markers.png, markers@2x.json and markers@2x.png.');
  // Kept for good under the version the style names; revalidated under any other.
  const pinned = new URL(request.url).searchParams.get('v') === MARKER_SPRITE_VERSION;
  return conditionalResponse(request, {
    etag: etagOf(file.body),
    body: file.body,
    headers: { 'Cache-Control': pinned ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate' },
    contentHeaders: { 'Content-Type': file.contentType },
  });
});
