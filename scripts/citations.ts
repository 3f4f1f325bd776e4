// Prints every citation in geo/ as a JSON array, for ../shared/tools/check-citations.mjs:
//   npm run -s citations | node ../shared/tools/check-citations.mjs -
import { allCitations } from '../geo/atlas';
import { loadAtlas } from '../geo/load';

process.stdout.write(JSON.stringify(allCitations(loadAtlas()), null, 2) + '\n');
