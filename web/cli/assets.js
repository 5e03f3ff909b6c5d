// The browser files as one folder a publisher copies anywhere: the script, the wasm and the
// stylesheets (the shadow root's, and light mode's generated from it), the script finding the
// others beside it. `article-widget assets` prints their
// Subresource Integrity (the build runs it); with --out DIR it writes a copy whose script is pinned
// to its siblings: their names (content-hashed with --hash) in its `new URL('./…')` literals and
// their sha384 in its AW_INTEGRITY string, so a changed wasm or stylesheet is refused by the
// browser (the widget's error state). Only bytes are moved here: hashing, copying, strings replaced.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const SCRIPT = 'article-widget.js';
export const WASM = 'article-widget-core.wasm';
export const CSS = 'article-widget.css';
export const LIGHT_CSS = 'article-widget.light.css';
export const BROWSER_FILES = [SCRIPT, WASM, CSS, LIGHT_CSS];
/** The folder the package ships them in (web/dist/, built by `make build`). */
export const DIST = new URL('../dist/', import.meta.url);

// What CMakeLists.txt defines AW_INTEGRITY as (web/widget/core.js reads it): the bundle holds
// this text exactly once, inside a string literal.
const NO_INTEGRITY = JSON.stringify({ wasm: '', css: '', lightCss: '' });

export const integrity = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const contentHash = (bytes) => createHash('sha384').update(bytes).digest('hex').slice(0, 16);
export const hashedName = (name, bytes) => name.replace(/\.(\w+)$/, `.${contentHash(bytes)}.$1`);

/** The files of a folder: [{ name, bytes, integrity }] (script, wasm, stylesheet, light stylesheet). */
export async function readBrowserFiles(from = DIST) {
  return Promise.all(
    BROWSER_FILES.map(async (name) => {
      const bytes = await readFile(from instanceof URL ? new URL(name, from) : join(from, name));
      return { name, bytes, integrity: integrity(bytes) };
    }),
  );
}

/**
 * The folder's files with the script pinned to its siblings: { script, wasm, css, lightCss }, each
 * { name, file, bytes, integrity } (`file`: the name to write, content-hashed when `hash`).
 */
export function pinAssets([script, wasm, css, lightCss], { hash = false } = {}) {
  const named = (f) => ({ ...f, file: hash ? hashedName(f.name, f.bytes) : f.name });
  const w = named(wasm);
  const c = named(css);
  const l = named(lightCss);
  let text = script.bytes.toString('utf8');
  const replace = (from, to, exactlyOnce) => {
    const parts = text.split(from);
    if (parts.length < 2 || (exactlyOnce && parts.length > 2)) {
      throw new Error(`${SCRIPT} does not hold ${from}${exactlyOnce ? ' exactly once' : ''}: is it the bundle \`make build\` wrote?`);
    }
    text = parts.join(to);
  };
  replace(`"./${WASM}"`, `"./${w.file}"`);
  replace(`"./${CSS}"`, `"./${c.file}"`);
  replace(`"./${LIGHT_CSS}"`, `"./${l.file}"`);
  // The new text has no quote or backslash of the literal's kind: base64 only.
  replace(NO_INTEGRITY, JSON.stringify({ wasm: w.integrity, css: c.integrity, lightCss: l.integrity }), true);
  const bytes = Buffer.from(text);
  return { script: named({ name: SCRIPT, bytes, integrity: integrity(bytes) }), wasm: w, css: c, lightCss: l };
}

/** Writes pinned assets into a folder (created). */
export async function writeAssets(assets, outDir) {
  await mkdir(outDir, { recursive: true });
  await Promise.all(Object.values(assets).map((a) => writeFile(join(outDir, a.file), a.bytes)));
}

/** The tags a page puts in its <head>, with URLs below `base` (e.g. "/static/aw/"). */
export function headTags(assets, base = '') {
  const url = (a) => attr(base + a.file);
  return [
    `<link rel="modulepreload" href="${url(assets.script)}" integrity="${assets.script.integrity}">`,
    `<link rel="preload" href="${url(assets.wasm)}" as="fetch" type="application/wasm" crossorigin integrity="${assets.wasm.integrity}">`,
    `<link rel="preload" href="${url(assets.css)}" as="style" crossorigin integrity="${assets.css.integrity}">`,
    `<script type="module" src="${url(assets.script)}" integrity="${assets.script.integrity}"></script>`,
  ];
}
// A URL the developer typed, in a double-quoted attribute.
const attr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export const ASSETS_USAGE = 'article-widget assets [--from DIR] [--out DIR [--hash] [--base URL]] [--json]';

/** The `assets` command. */
export async function assetsCommand(args, usageError) {
  const opts = { from: DIST, out: null, hash: false, base: '', json: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--hash') opts.hash = true;
    else if (arg === '--json') opts.json = true;
    else if (arg === '--from' || arg === '--out' || arg === '--base') {
      if (i + 1 >= args.length) return usageError(`${arg} needs a value`);
      opts[arg.slice(2)] = args[++i];
    } else return usageError(arg.startsWith('-') ? `unknown option ${arg}` : `assets takes no FILE (${arg})`);
  }
  if ((opts.hash || opts.base) && !opts.out) return usageError('--hash and --base describe a copy: give --out DIR');
  let files;
  try {
    files = await readBrowserFiles(opts.from);
  } catch (e) {
    console.error(`article-widget: cannot read the browser files: ${e.code ?? e.message} (${e.path ?? opts.from})${opts.from === DIST ? '; run make build' : ''}`);
    return 1;
  }
  if (!opts.out) {
    if (opts.json) console.log(JSON.stringify(files.map(({ name, integrity: i }) => ({ file: name, integrity: i }))));
    else for (const f of files) console.log(`${f.name.padEnd(26)} ${f.integrity}`);
    return 0;
  }
  let assets;
  try {
    assets = pinAssets(files, { hash: opts.hash });
  } catch (e) {
    console.error(`article-widget: ${e.message}`);
    return 1;
  }
  await writeAssets(assets, opts.out);
  const list = Object.values(assets);
  if (opts.json) {
    console.log(JSON.stringify({ files: list.map(({ file, integrity: i }) => ({ file, integrity: i })), head: headTags(assets, opts.base) }));
    return 0;
  }
  for (const a of list) console.log(`${join(opts.out, a.file).padEnd(40)} ${a.integrity}`);
  console.log(`\nIn the page's <head> (URLs below ${opts.base ? JSON.stringify(opts.base) : 'the page: --base URL to change'}):`);
  for (const tag of headTags(assets, opts.base)) console.log(tag);
  return 0;
}
