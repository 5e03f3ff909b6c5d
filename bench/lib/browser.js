// What the browser benchmarks share: the JS stack bundles they load (esbuild, into build/bench/),
// the seed, and a check that the widget's build exists.
import { existsSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SEED_PATH = '/examples/la-la-land.json';

/** Bundles the JS stack (bench/js-stack/article.js) and littlefoot's CSS, minified, for the pages. */
export function buildJsStack() {
  if (!existsSync(`${ROOT}web/dist/article-widget-core.wasm`)) throw new Error('web/dist is missing: run make build');
  mkdirSync(`${ROOT}build/bench`, { recursive: true });
  const esbuild = `${ROOT}node_modules/.bin/esbuild`;
  execFileSync(esbuild, [`${ROOT}bench/js-stack/article.js`, '--bundle', '--minify', '--format=esm', '--target=es2020', `--outfile=${ROOT}build/bench/js-stack-article.min.js`, '--log-level=warning']);
  execFileSync(esbuild, [`${ROOT}node_modules/littlefoot/dist/littlefoot.css`, '--minify', `--outfile=${ROOT}build/bench/littlefoot.min.css`, '--log-level=warning']);
}

/** Command-line `--name value` as a number, or the default. */
export function numberArg(args, name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && Number(args[i + 1]) >= 0 ? Number(args[i + 1]) : fallback;
}
