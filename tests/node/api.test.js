// The public Node API on the real wasm build: the contract of render/validate/renderMarkdown,
// every field of a diagnostic, options, object input, and the golden files shared with the
// native suite (tests/golden/*.html: the same bytes from C++ and from wasm).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { loadWidget } from '../../web/index.js';

const root = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
const seed = read('examples/la-la-land.json');
const w = await loadWidget();

test('render returns ok, html, errors, warnings and meta', () => {
  const r = w.render(seed);
  assert.equal(r.ok, true);
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.warnings, []);
  assert.match(r.html, /^<article class="aw-article" lang="en" dir="ltr" data-aw-article="la-la-land-ending-explained"/);
  assert.equal(r.meta.title, 'La La Land: the twist, final scene, and what the ending means.');
  assert.equal(r.meta.readingMinutes, 12);
  assert.equal(r.meta.lang, 'en');
  assert.equal(r.meta.dir, 'ltr');
  assert.equal(r.meta.spoilers, 'major');
  assert.equal(r.meta.idPrefix, 'aw-');
  assert.deepEqual(r.meta.toc[0], { id: 'plot-recap', anchor: 'aw-plot-recap', title: 'Plot recap leading into the ending', level: 1 });
  // Only the words the shim writes itself (the rest are in the HTML): no label sent unread.
  assert.deepEqual(r.meta.labels, { close: 'Close', hideAll: 'Hide spoilers', spoilersHidden: 'Spoilers hidden.', spoilersShown: 'All spoilers shown.' });
  assert.match(r.meta.description, /^A complete, scene-by-scene breakdown/);
});

test('meta.jsonLd is schema.org Article + FAQPage, safe inside a script element', () => {
  const article = JSON.parse(seed);
  article.title = 'Ends </script><script>alert(1)</script>';
  const r = w.render(article, { publisher: { name: 'Reel', url: 'https://reel.test/' } });
  assert.ok(!/[<>&]/.test(r.meta.jsonLd));
  const [doc, faq] = JSON.parse(r.meta.jsonLd);
  assert.equal(doc['@type'], 'Article');
  assert.equal(doc.headline, article.title);
  assert.deepEqual(doc.publisher, { '@type': 'Organization', name: 'Reel', url: 'https://reel.test/' });
  assert.equal(faq['@type'], 'FAQPage');
  assert.equal(faq.mainEntity.length, 2);
  assert.ok(!r.meta.jsonLd.includes('five-year-later'), 'the gated quick answer stays out');
});

test('every example renders exactly its golden file through wasm', () => {
  const examples = readdirSync(new URL('examples/', root)).filter((f) => f.endsWith('.json'));
  assert.ok(examples.length >= 4);
  for (const file of examples) {
    const r = w.render(read(`examples/${file}`));
    assert.equal(r.ok, true, `${file}: ${JSON.stringify(r.errors)}`);
    assert.equal(r.html, read(`tests/golden/${file.replace(/\.json$/, '.html')}`), `${file} differs from its golden file`);
  }
});

test('a diagnostic carries code, severity, path, line, column, offset and message', () => {
  const text = '{\n  "id": "x",\n  "lang": "en",\n  "title": 7\n}';
  const r = w.validate(text);
  assert.equal(r.ok, false);
  const wrong = r.errors.find((e) => e.code === 'wrong-type');
  assert.deepEqual(Object.keys(wrong).sort(), ['code', 'column', 'line', 'message', 'offset', 'path', 'severity']);
  assert.equal(wrong.severity, 'error');
  assert.equal(wrong.path, '/title');
  assert.equal(wrong.line, 4);
  assert.equal(wrong.column, 12);
  assert.equal(wrong.offset, text.indexOf('7'));
  assert.match(wrong.message, /"title" must be a string, not a number/);
  for (const code of ['missing-field']) assert.ok(r.errors.some((e) => e.code === code && e.path === '/authors'));
});

test('columns and offsets are right for non-ASCII text (offset in UTF-8 bytes, column in code points)', () => {
  const text = '{"kicker": "ñandú 😀", "title": 1}';
  const e = w.validate(text).errors.find((x) => x.path === '/title');
  assert.equal(e.offset, Buffer.byteLength(text.slice(0, text.indexOf('1}'))));
  assert.equal(e.column, [...text.slice(0, text.indexOf('1}'))].length + 1);
});

test('a citation to an unknown source is an error located inside the Markdown', () => {
  const article = JSON.parse(seed);
  article.sections[1].sections[0].body += ' Also [^nobody].';
  const text = JSON.stringify(article, null, 2);
  const r = w.render(text);
  assert.equal(r.ok, false);
  assert.equal(r.html, '');
  assert.equal(r.errors.length, 1);
  const [e] = r.errors;
  assert.equal(e.code, 'unknown-source');
  assert.equal(e.path, '/sections/1/sections/0/body');
  assert.equal(Buffer.from(text).subarray(e.offset, e.offset + 9).toString(), '[^nobody]');
  const lines = text.split('\n');
  assert.equal(lines[e.line - 1].indexOf('[^nobody]') + 1, e.column);
});

test('warnings do not stop rendering', () => {
  const article = JSON.parse(seed);
  article.titel = 'typo';
  article.faq[1].answer = 'See [Where to Watch](#where-to-watch-now).';
  const r = w.render(article);
  assert.equal(r.ok, true);
  assert.deepEqual(r.warnings.map((x) => [x.code, x.path]), [
    ['unknown-field', '/titel'],
    ['missing-anchor', '/faq/1/answer'],
  ]);
  assert.ok(r.html.length > 1000);
});

test('syntax errors give line and column; the module keeps working afterwards', () => {
  const r = w.render('{\n  "id": "x",\n  "title": "unterminated\n}');
  assert.equal(r.ok, false);
  assert.equal(r.errors[0].code, 'json-syntax');
  assert.equal(r.errors[0].line, 3);
  assert.equal(w.render(seed).ok, true);
});

test('objects are accepted as well as JSON text', () => {
  assert.equal(w.render(JSON.parse(seed)).html, w.render(seed).html);
});

test('options: idPrefix, revealSpoilers; bad options are errors, never exceptions', () => {
  const r = w.render(seed, { idPrefix: 'w2-', revealSpoilers: true });
  assert.equal(r.ok, true);
  assert.ok(!r.html.includes('id="aw-'));
  assert.ok(r.html.includes('id="w2-symbolism"'));
  assert.ok(!r.html.includes('class="aw-gated"'));
  const bad = w.render(seed, { idPrefix: '"><img src=x>' });
  assert.equal(bad.ok, false);
  assert.equal(bad.html, '');
  assert.deepEqual(bad.errors.map((e) => [e.code, e.path]), [['invalid-option', '/idPrefix']]);
  const limits = w.validate(seed, { limits: { maxInputBytes: 100 } });
  assert.deepEqual(limits.errors.map((e) => e.code), ['input-too-large']);
});

test('renderMarkdown returns safe CommonMark HTML', () => {
  assert.equal(w.renderMarkdown('# Hi *you*'), '<h1 id="aw-hi-you">Hi <em>you</em></h1>\n');
  assert.equal(w.renderMarkdown('<script>x</script>\n\n[a](javascript:alert(1))'), '<p>a</p>\n');
  assert.equal(w.renderMarkdown('# T', { idPrefix: 'p-' }), '<h1 id="p-t">T</h1>\n');
  assert.equal(w.renderMarkdown(''), '');
  assert.equal(w.renderMarkdown('a\u0000b'), '<p>a\uFFFDb</p>\n');
});

test('large input crosses the boundary intact', () => {
  const md = 'word '.repeat(200000) + '\u00e9\u{1F600}';
  const html = w.renderMarkdown(md, { limits: { maxMarkdownBytes: 2 << 20 } });
  assert.ok(html.endsWith('\u00e9\u{1F600}</p>\n'));
  assert.equal(html, `<p>${md}</p>\n`);
});

test('two modules are independent', async () => {
  const other = await loadWidget();
  assert.equal(other.render(seed, { idPrefix: 'b-' }).ok, true);
  assert.equal(w.render(seed).html, read('tests/golden/la-la-land.html'));
});

test('loadWidget takes the wasm compiled by the caller (wasmModule: what the browser widget passes), or its bytes', async () => {
  const bytes = readFileSync(new URL('web/dist/article-widget-core.wasm', root));
  for (const options of [{ wasmModule: WebAssembly.compile(bytes) }, { wasmModule: await WebAssembly.compile(bytes) }, { wasmBinary: bytes }]) {
    const other = await loadWidget(options);
    assert.equal(other.render(seed).html, w.render(seed).html);
    other.release();
  }
});
