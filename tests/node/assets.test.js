// The browser files as the build writes them (CMakeLists.txt: esbuild with code splitting) and as
// `article-widget assets` pins them (web/cli/assets.js): the script and exactly one chunk, the
// render chunk, which the script imports by a "./…" literal that the pinned copy rewrites, its
// integrity in the script's AW_INTEGRITY; the <head> tags of a page that only hydrates name
// neither the chunk nor the wasm. (What browsers do with them: tests/browser/assets.test.js.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSER_FILES, RENDER, SCRIPT, headTags, integrity, pinAssets, readBrowserFiles } from '../../web/cli/assets.js';

const dist = fileURLToPath(new URL('../../web/dist/', import.meta.url));
const built = existsSync(join(dist, SCRIPT)) || 'no web/dist/article-widget.js: run make build';

test('dist holds the browser files and the glue the Node API imports, and no other chunk', { skip: built !== true && built }, () => {
  assert.deepEqual(readdirSync(dist).sort(), [...BROWSER_FILES, 'article-widget-core.mjs'].sort());
});

test('the script imports the render chunk by a literal; the chunk imports nothing', { skip: built !== true && built }, async () => {
  const [script, render] = await readBrowserFiles();
  assert.equal(script.name, SCRIPT);
  assert.equal(render.name, RENDER);
  assert.match(script.bytes.toString(), new RegExp(`import\\("\\./${RENDER.replace(/\./g, '\\.')}"\\)`));
  // The glue and the JS API are in the chunk, not in the script a server-rendered page loads.
  assert.doesNotMatch(script.bytes.toString(), /instantiateWasm|renderMarkdown/);
  assert.match(render.bytes.toString(), /instantiateWasm/);
});

test('pinned with --hash: the chunk\'s hashed name replaces every literal, its integrity is in AW_INTEGRITY', { skip: built !== true && built }, async () => {
  const assets = pinAssets(await readBrowserFiles(), { hash: true });
  const text = assets.script.bytes.toString();
  assert.match(assets.render.file, /^article-widget-render\.[0-9a-f]{16}\.js$/);
  assert.ok(text.includes(`import("./${assets.render.file}")`));
  assert.ok(!text.includes(`"./${RENDER}"`), 'an unhashed name is left');
  assert.equal(assets.render.integrity, integrity(assets.render.bytes));
  const pinned = JSON.parse(text.match(/JSON\.parse\('(\{"wasm"[^']*\})'\)/)[1]);
  assert.deepEqual(pinned, { wasm: assets.wasm.integrity, css: assets.css.integrity, lightCss: assets.lightCss.integrity, render: assets.render.integrity });
});

test('head tags: a client-rendered page preloads the chunk and the wasm; a page that only hydrates neither', { skip: built !== true && built }, async () => {
  const assets = pinAssets(await readBrowserFiles(), { hash: true });
  const all = headTags(assets, '/s/').join('\n');
  const hydrating = headTags(assets, '/s/', { render: false }).join('\n');
  for (const name of [assets.render.file, assets.wasm.file]) {
    assert.ok(all.includes(`href="/s/${name}"`), `${name} not preloaded`);
    assert.ok(!hydrating.includes(name), `${name} preloaded by a page that only hydrates`);
  }
  assert.ok(hydrating.includes(`<script type="module" src="/s/${assets.script.file}" integrity="${assets.script.integrity}"></script>`));
});

test('a script that imports another chunk (code esbuild shared between the two) is refused', { skip: built !== true && built }, async () => {
  const folder = mkdtempSync(join(tmpdir(), 'aw-assets-'));
  for (const f of BROWSER_FILES) cpSync(join(dist, f), join(folder, f));
  writeFileSync(join(folder, RENDER), 'import{a as b}from"./article-widget-shared-ABC.js";export{b as loadWidget};');
  await assert.rejects(readBrowserFiles(folder), /article-widget-render\.js imports \.\/article-widget-shared-ABC\.js/);
});
