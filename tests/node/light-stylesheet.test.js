// Light mode's stylesheet (web/tools/light-stylesheet.js): generated from the one stylesheet, all
// of it kept to the widget's element. What it does in browsers is tests/browser/light.test.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { lightStylesheet, LIGHT_HOST } from '../../web/tools/light-stylesheet.js';

const source = readFileSync(new URL('../../web/article-widget.css', import.meta.url), 'utf8');
const light = lightStylesheet(source);

test('every rule but @keyframes is inside the one @scope; no :host is left', () => {
  const outside = light.split(`@scope (${LIGHT_HOST}) {`)[0];
  assert.deepEqual(outside.match(/^[^\s/}][^{]*\{/gm).map((h) => h.trim().split(' ')[0]), Array(5).fill('@keyframes'));
  assert.equal(light.includes(':host'), false);
  assert.match(light, /:where\(:scope\) \{\n {2}all: initial;/);
  assert.match(light, /:where\(:scope:is\(\[theme="dark"\]\)\)/);
  // Declarations keep their `*` (calc), only selectors change.
  assert.match(light, /calc\(var\(--aw-space\) \* 2\)/);
});

test('the reset comes before the stylesheet\'s rules, and its universal rules are raised to win over it', () => {
  const reset = light.indexOf('{ all: revert; }');
  assert.ok(reset > 0 && reset < light.indexOf(':where(:scope) {'));
  assert.match(light, /:not\(aw-none\), :not\(aw-none\)::before, :not\(aw-none\)::after \{\n {2}box-sizing: border-box;/);
  assert.match(light, /@layer article-widget-guard \{\n {2}@scope \([^)]+\) \{\n {4}\[hidden\] \{ display: none !important; \}/);
});

// The build ships both minified (CMakeLists.txt, AW_MINIFY_CSS: esbuild, the same as this).
const minified = (css) => transformSync(css, { loader: 'css', minify: true }).code;

test('the built files are the generator\'s output and the source, minified (make build regenerates them)', { skip: !safeRead('article-widget.light.css') && 'no web/dist/article-widget.light.css: run make build' }, () => {
  assert.equal(safeRead('article-widget.light.css'), minified(light));
  assert.equal(safeRead('article-widget.css'), minified(source));
  // Minifying keeps what light mode depends on.
  assert.match(safeRead('article-widget.light.css'), /@layer article-widget-guard\{@scope\([^)]+\)\{\[hidden\]\{display:none!important\}\}\}/);
});

function safeRead(name) {
  try {
    return readFileSync(new URL(`../../web/dist/${name}`, import.meta.url), 'utf8');
  } catch {
    return null;
  }
}
