// The zod checks of the embed's script (lib/embed-client.ts), a chunk of their own that it loads
// off the path to the map's first drawing: the camera in the hash and the route data's schema.
import './zod-jitless'; // first: before any schema is made
export { parseCameraHash } from './view-state';
export { MapFeatureCollection } from './api-schema';
