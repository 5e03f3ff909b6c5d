// For the tests of what a publisher copies or builds (assets, publish, site, vite): the browser
// tests of a folder outside the repository, in every engine (forEachEngine with the folder as the
// test server's root). Not a test file itself (node --test only runs *.test.js).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { forEachEngine } from './harness.js';

/** `root` as a site root: an empty favicon.ico in it (browsers ask every origin for one, and its
 *  404 would be a problem not of the page's making). */
export function siteRoot(root) {
  writeFileSync(join(root, 'favicon.ico'), '');
  return root;
}

/** body(env) in every engine, the test server serving `root`; env.serveFolder(dir) serves
 *  another folder (another origin) the same way. */
export function forEachEngineOn(root, body) {
  forEachEngine((env) => {
    env.serveFolder = (dir) => env.serve(siteRoot(dir));
    body(env);
  }, { root: siteRoot(root) });
}
