// The browser files as one folder a publisher copies anywhere: the script, its render chunk (the
// JS API and the wasm glue, imported only when a widget must render), the wasm and the stylesheets
// (the shadow root's, and light mode's generated from it), the script finding the others beside
// it. `article-widget assets` prints their Subresource Integrity (the build runs it); with --out
// DIR it writes a copy whose script is pinned to its siblings: their names (content-hashed with
// --hash) in its `new URL('./…')` and `import('./…')` literals and their sha384 in its
// AW_INTEGRITY string, so a changed chunk, wasm or stylesheet is refused by the browser (the
// widget's error state). Only bytes are moved here: hashing, copying, strings replaced.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const SCRIPT = 'article-widget.js';
export const RENDER = 'article-widget-render.js';
export const WASM = 'article-widget-core.wasm';
export const CSS = 'article-widget.css';
export const LIGHT_CSS = 'article-widget.light.css';
export const BROWSER_FILES = [SCRIPT, RENDER, WASM, CSS, LIGHT_CSS];
/** The folder the package ships them in (web/dist/, built by `make build`). */
export const DIST = new URL('../dist/', import.meta.url);

// What CMakeLists.txt defines AW_INTEGRITY as (web/widget/core.js reads it): the bundle holds
// this text exactly once, inside a string literal.
const NO_INTEGRITY = JSON.stringify({ wasm: '', css: '', lightCss: '', render: '' });

export const integrity = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const contentHash = (bytes) => createHash('sha384').update(bytes).digest('hex').slice(0, 16);
export const hashedName = (name, bytes) => name.replace(/\.(\w+)$/, `.${contentHash(bytes)}.$1`);

/** The files of a folder: [{ name, bytes, integrity }] in BROWSER_FILES' order. */
export async function readBrowserFiles(from = DIST) {
  const files = await Promise.all(
    BROWSER_FILES.map(async (name) => {
      const bytes = await readFile(from instanceof URL ? new URL(name, from) : join(from, name));
      return { name, bytes, integrity: integrity(bytes) };
    }),
  );
  checkImports(files);
  return files;
}

// The script imports the render chunk and nothing else; the chunk imports nothing. Anything more
// (code esbuild moved into a shared chunk, CMakeLists.txt) would be a file no one copies or pins.
const IMPORTS = { [SCRIPT]: [`./${RENDER}`], [RENDER]: [] };
function checkImports(files) {
  for (const { name, bytes } of files.filter((f) => f.name in IMPORTS)) {
    // esbuild's output: import"./x.js", import{a as b}from"./x.js", import("./x.js"), export … from"./x.js".
    const found = [...bytes.toString('utf8').matchAll(/\b(?:import|from)\s*\(?\s*["'](\.\.?\/[^"']+)["']/g)].map((m) => m[1]);
    const extra = found.filter((spec) => !IMPORTS[name].includes(spec));
    if (extra.length) throw new Error(`${name} imports ${extra.join(', ')}: the bundle must be the script and ${RENDER} only (CMakeLists.txt)`);
  }
}

/**
 * The folder's files with the script pinned to its siblings: { script, render, wasm, css, lightCss },
 * each { name, file, bytes, integrity } (`file`: the name to write, content-hashed when `hash`).
 */
export function pinAssets(files, { hash = false } = {}) {
  const byName = (name) => files.find((f) => f.name === name);
  const named = (f) => ({ ...f, file: hash ? hashedName(f.name, f.bytes) : f.name });
  const [r, w, c, l] = [RENDER, WASM, CSS, LIGHT_CSS].map((name) => named(byName(name)));
  let text = byName(SCRIPT).bytes.toString('utf8');
  const replace = (from, to, exactlyOnce) => {
    const parts = text.split(from);
    if (parts.length < 2 || (exactlyOnce && parts.length > 2)) {
      throw new Error(`${SCRIPT} does not hold ${from}${exactlyOnce ? ' exactly once' : ''}: is it the bundle \`make build\` wrote?`);
    }
    text = parts.join(to);
  };
  // Every "./name" literal: the `new URL` ones and the chunk's import() specifier.
  for (const f of [r, w, c, l]) replace(`"./${f.name}"`, `"./${f.file}"`);
  // The new text has no quote or backslash of the literal's kind: base64 only.
  replace(NO_INTEGRITY, JSON.stringify({ wasm: w.integrity, css: c.integrity, lightCss: l.integrity, render: r.integrity }), true);
  const bytes = Buffer.from(text);
  return { script: named({ name: SCRIPT, bytes, integrity: integrity(bytes) }), render: r, wasm: w, css: c, lightCss: l };
}

/** Writes pinned assets into a folder (created). */
export async function writeAssets(assets, outDir) {
  await mkdir(outDir, { recursive: true });
  await Promise.all(Object.values(assets).map((a) => writeFile(join(outDir, a.file), a.bytes)));
}

/**
 * The tags a page puts in its <head>, with URLs below `base` (e.g. "/static/aw/"). `render: false`
 * for a page whose widgets are all server-rendered: it hydrates them without the render chunk or
 * the wasm, so preloading them would only waste the reader's bytes.
 */
export function headTags(assets, base = '', { render = true } = {}) {
  const url = (a) => attr(base + a.file);
  return [
    `<link rel="modulepreload" href="${url(assets.script)}" integrity="${assets.script.integrity}">`,
    ...(render
      ? [
          `<link rel="modulepreload" href="${url(assets.render)}" integrity="${assets.render.integrity}">`,
          `<link rel="preload" href="${url(assets.wasm)}" as="fetch" type="application/wasm" crossorigin integrity="${assets.wasm.integrity}">`,
        ]
      : []),
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
    const written = list.map(({ file, integrity: i }) => ({ file, integrity: i }));
    console.log(JSON.stringify({ files: written, head: headTags(assets, opts.base), headServerRendered: headTags(assets, opts.base, { render: false }) }));
    return 0;
  }
  for (const a of list) console.log(`${join(opts.out, a.file).padEnd(40)} ${a.integrity}`);
  console.log(`\nIn the page's <head> (URLs below ${opts.base ? JSON.stringify(opts.base) : 'the page: --base URL to change'}):`);
  for (const tag of headTags(assets, opts.base)) console.log(tag);
  console.log(`\nOn a page whose articles are all server-rendered, leave out the ${RENDER} and wasm preloads: it never fetches them.`);
  return 0;
}
