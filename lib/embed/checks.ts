// The zod checks of the embed's script (lib/embed/client.ts), a chunk of their own that it loads
// off the path to the map's first drawing: the camera in the hash and the route data's schema.
import '../security/zod-jitless'; // first: before any schema is made
export { parseCameraHash } from '../view/view-state';
export { MapFeatureCollection } from '../data/api-schema';
