// GET /map-boot.mjs?v={version} – the module that starts the map before React hydrates (lib/map/boot-module.ts).
import { serveMapBootModule } from '@/lib/map/boot-module';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Response {
  return serveMapBootModule(request);
}
