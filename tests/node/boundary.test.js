// The wasm boundary under hostile sizes (issue: "a module that survives anything"): an input over
// its limit is refused before it is copied into wasm, so it costs no memory; a failed allocation
// is an error, never a write through a null pointer; a trap (out of memory inside the core) is
// answered as out-of-memory by a fresh instance, and every later call returns exactly what a
// fresh module would. Sizes are real: a 500 M-character string, a 4 MiB Markdown string.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadWidget } from '../../web/index.js';

const w = await loadWidget();
const seed = readFileSync(new URL('../../examples/la-la-land.json', import.meta.url), 'utf8');
const golden = readFileSync(new URL('../golden/la-la-land.html', import.meta.url), 'utf8');
const only = (r, code) => {
  assert.equal(r.ok, false);
  assert.deepEqual(r.errors.map((e) => e.code), [code], JSON.stringify(r.errors));
  const [e] = r.errors;
  assert.deepEqual([e.path, e.line, e.column, e.offset], ['', 1, 1, 0]);
  return e;
};

test('500 M characters, then a 4 MiB Markdown string, then the seed: errors as data, the seed exact, memory flat', () => {
  assert.equal(w.render(seed).html, golden);
  const level = w.memoryBytes();
  const huge = 'x'.repeat(500_000_000);
  const e = only(w.render(huge), 'input-too-large');
  assert.match(e.message, /at least 500000000 bytes; the limit is 4194304 \(maxInputBytes\)/);
  only(w.validate(huge), 'input-too-large');
  only(w.renderMarkdownResult(huge), 'input-too-large');
  assert.equal(w.memoryBytes(), level, 'a refused input grew wasm memory');
  const md = 'Some *Markdown* text.\n\n'.repeat(Math.ceil((4 << 20) / 23)).slice(0, 4 << 20);
  const m = only(w.renderMarkdownResult(md), 'input-too-large');
  assert.match(m.message, /the limit is 100000 \(maxMarkdownBytes\)/);
  assert.equal(w.renderMarkdown(md), '');
  assert.equal(w.memoryBytes(), level);
  assert.equal(w.render(seed).html, golden);
});

test('an input under the limit whose parse runs out of memory: out-of-memory as data, then a fresh module', async () => {
  // A 450 M-character JSON string with the input limit raised to its ceiling: the 1.35 GB
  // argument buffer fits the 2 GB wasm memory, the parsed copy does not, and the core aborts.
  const big = { limits: { maxInputBytes: 1 << 30, maxTextChars: 1 << 30 } };
  const text = `"${'x'.repeat(450_000_000)}"`;
  const r = w.render(text, big);
  assert.equal(r.ok, false);
  assert.deepEqual(r.errors.map((e) => e.code), ['out-of-memory'], JSON.stringify(r.errors));
  const fresh = await loadWidget();
  assert.equal(w.memoryBytes(), fresh.memoryBytes(), 'memory is not back at a fresh module\'s level');
  assert.equal(w.render(seed).html, golden);
  assert.deepEqual(w.render('{"id": 1}'), fresh.render('{"id": 1}'));
});

test('bytes in: invalid UTF-8 is json-syntax at its byte; valid bytes render as the text does', () => {
  const bytes = Buffer.from(seed, 'utf8');
  assert.equal(w.render(bytes).html, golden);
  assert.equal(w.render(new Uint8Array(bytes).buffer).html, golden);
  const at = seed.indexOf('"title"') + 10;
  const broken = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at)]);
  const r = w.render(broken);
  assert.equal(r.ok, false);
  assert.equal(r.errors[0].code, 'json-syntax');
  assert.equal(r.errors[0].offset, at);
});

test('renderMarkdown has a Markdown field\'s limits, and reports its problems located in the Markdown', () => {
  const r = w.renderMarkdownResult('ok\n\n[x](javascript:alert(1))', { idPrefx: 'w-' });
  assert.equal(r.ok, true);
  assert.equal(r.html, '<p>ok</p>\n<p>x</p>\n');
  assert.deepEqual(r.warnings.map((x) => [x.code, x.path, x.line]), [['unknown-option', '/idPrefx', 1], ['unsafe-markdown-url', '', 3]]);
  assert.match(r.warnings[0].message, /Did you mean "idPrefix"\?/);
  const bad = w.renderMarkdownResult('# x', { idPrefix: '1 bad' });
  assert.deepEqual([bad.ok, bad.html, bad.errors[0].code], [false, '', 'invalid-option']);
  assert.equal(w.renderMarkdown('a'.repeat(100_000)), `<p>${'a'.repeat(100_000)}</p>\n`);
  only(w.renderMarkdownResult('a'.repeat(100_001)), 'input-too-large');
});

test('limits: a value past its ceiling names the range; a misspelled limit is named', () => {
  const r = w.render(seed, { limits: { maxInputBytes: 2 ** 32, maxItms: 5 } });
  assert.equal(r.ok, false);
  assert.deepEqual(r.errors.map((e) => [e.code, e.path]), [['invalid-option', '/limits/maxInputBytes']]);
  assert.match(r.errors[0].message, /must be a whole number from 1 to 1073741824/);
  assert.deepEqual(r.warnings.map((e) => [e.code, e.path]), [['unknown-option', '/limits/maxItms']]);
  assert.match(r.warnings[0].message, /Did you mean "maxItems"\?/);
});

test('a misspelled render option is a located warning with a suggestion, and the article still renders', () => {
  const r = w.render(seed, { revealSpoiler: true });
  assert.equal(r.ok, true);
  assert.equal(r.html, golden);
  assert.deepEqual(r.warnings.map((e) => [e.code, e.path]), [['unknown-option', '/revealSpoiler']]);
  assert.match(r.warnings[0].message, /"revealSpoiler" is not a render option; it is ignored\. Did you mean "revealSpoilers"\?/);
});

test('text starting with U+FFFD or NUL: json-syntax with a message that says so', () => {
  const fffd = w.render('\uFFFD{}');
  assert.equal(fffd.errors[0].code, 'json-syntax');
  assert.match(fffd.errors[0].message, /U\+FFFD/);
  assert.doesNotMatch(fffd.errors[0].message, /BOM/);
  const nul = w.render('\u0000{}');
  assert.equal(nul.errors[0].code, 'json-syntax');
  assert.match(nul.errors[0].message, /NUL/);
  assert.doesNotMatch(nul.errors[0].message, /end of input/);
});
