// Serves dist/ from its own process (for measurements: a server inside the measuring process
// would compete with it for the event loop). Prints the URL on its first line of output.
//   node tests/browser/serve.mjs
import { serveDist } from './helpers.mjs';

const site = await serveDist();
console.log(site.url);
