// Writes the offline basemap the explorer loads: public/generated/basemap.json.
//   npm run basemap
// Reads only geo/places.json (not the whole atlas), so a corridor file being edited cannot
// stop the basemap from building.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildBasemap } from '../geo/basemap';
import { PlacesFile } from '../geo/schema';

const placesFile = path.join(process.cwd(), 'geo', 'places.json');
const out = path.join(process.cwd(), 'public', 'generated', 'basemap.json');

const { places } = PlacesFile.parse(JSON.parse(fs.readFileSync(placesFile, 'utf8')));
const json = JSON.stringify(buildBasemap(places));
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, json);

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`${path.relative(process.cwd(), out)}: ${kb(Buffer.byteLength(json))} raw, ${kb(gzipSync(json).length)} gzip`);
