// Hostile input and limits through the real wasm module (docs/SECURITY.md): malformed JSON of
// every kind, wrong/missing/unknown fields, a 10 MB string, huge arrays, 100 000-deep nesting and
// cmark's pathological Markdown. Each gives a located diagnostic — never a trap, an abort or a
// dead module — and the next article renders exactly as before. Then the leak check: wasm memory
// after 20 000 renders of mixed good and bad input equals what it was after 200.
// Timings are not asserted (noisy machines): bench/pathological.js measures them.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadWidget } from '../../web/index.js';
import { checkHtml } from '../security/html-check.js';

const w = await loadWidget();
const seed = readFileSync(new URL('../../examples/la-la-land.json', import.meta.url), 'utf8');
const seedHtml = w.render(seed).html;
const minimal = () => ({
  id: 'test-article',
  lang: 'en',
  title: 'A title',
  authors: [{ name: 'Ada' }],
  published: '2026-05-18',
  sections: [{ id: 'intro', heading: 'Intro', body: 'Hello *world*.' }],
});
const rep = (s, n) => s.repeat(n);
const count = (s, needle) => s.split(needle).length - 1;

/** Renders `text`; asserts exactly one error with this code (and path), located inside the text. */
function onlyError(text, code, path, options) {
  const r = w.render(text, options);
  assert.equal(r.ok, false, `rendered: ${String(text).slice(0, 80)}`);
  assert.equal(r.html, '');
  assert.equal(r.errors.length, 1, JSON.stringify(r.errors));
  const [e] = r.errors;
  assert.equal(e.code, code, JSON.stringify(e));
  if (path !== undefined) assert.equal(e.path, path, JSON.stringify(e));
  assert.ok(e.line >= 1 && e.column >= 1 && e.offset >= 0 && e.offset <= Buffer.byteLength(text), JSON.stringify(e));
  // The module is alive and unchanged.
  assert.equal(w.render(seed).html, seedHtml, 'the next article renders differently');
  return e;
}

describe('malformed JSON', () => {
  test('every truncation of an article is json-syntax where the text stops', () => {
    const text = JSON.stringify(minimal());
    for (let n = 0; n < text.length; n++) {
      const r = w.validate(text.slice(0, n));
      assert.equal(r.errors.length, 1, text.slice(0, n));
      assert.equal(r.errors[0].code, 'json-syntax');
      assert.ok(r.errors[0].offset <= n && r.errors[0].offset + 8 >= n, `${n}: ${JSON.stringify(r.errors[0])}`);
    }
    assert.equal(w.render(seed).html, seedHtml);
  });

  test('trailing commas, comments, single quotes, garbage after the value', () => {
    // At the comma, in its array or object, named.
    const e = onlyError('{"title": "a", "authors": [1, 2,]}', 'json-syntax', '/authors');
    assert.equal(e.column, 32);
    assert.match(e.message, /a trailing comma before '\]'/);
    onlyError('{"title": "a",}', 'json-syntax', '');
    for (const t of ["{'a': 1}", '{"a": 1} x', '/* c */ {}', '{"a": 01}', '{"a": NaN}', '', '   ', '{"a": "x\ny"}'])
      onlyError(t, 'json-syntax');
  });

  test('lone surrogates: escaped ones are json-syntax; raw ones cannot leave JavaScript as UTF-16', () => {
    for (const s of ['\\ud800', '\\udc00', '\\ud800x', '\\ud800\\ud800']) onlyError(`{"title": "${s}"}`, 'json-syntax', '/title');
    // An object is serialised with JSON.stringify, which escapes a lone surrogate: json-syntax.
    const a = minimal();
    a.title = 'broken \ud800 pair';
    assert.equal(w.render(a).errors[0].code, 'json-syntax');
    // JSON text with a raw lone surrogate is UTF-8 encoded (TextEncoder) with U+FFFD in its
    // place: no invalid UTF-8 can reach the module through this API.
    const r = w.render(JSON.stringify(minimal()).replace('A title', 'broken \ud800 pair'));
    assert.equal(r.ok, true);
    assert.match(r.html, /broken \uFFFD pair/);
  });

  test('a byte order mark is accepted at the start only', () => {
    assert.equal(w.render(`\uFEFF${seed}`).html, seedHtml);
    onlyError('\uFEFF\uFEFF{}', 'json-syntax', '');
    onlyError('{\uFEFF}', 'json-syntax', '');
  });

  test('NUL: raw is json-syntax (in a string, and after the value); escaped is text', () => {
    onlyError('{"title": "a\u0000b"}', 'json-syntax', '/title');
    const after = onlyError(`${seed}\u0000{"title": "<script>"}`, 'json-syntax', '');
    assert.equal(after.offset, Buffer.byteLength(seed));
    const a = JSON.stringify(minimal()).replace('A title', 'A\\u0000B');
    const r = w.render(a);
    assert.equal(r.ok, true);
    assert.match(r.html, />A\uFFFDB<\/h1>/);
  });

  test('duplicate keys are rejected at the second key', () => {
    const text = '{"id": "a", "title": "one", "title": "two"}';
    const r = w.validate(text);
    const dup = r.errors.find((e) => e.code === 'duplicate-key');
    assert.equal(dup.path, '/title');
    assert.equal(dup.offset, text.lastIndexOf('"title"'));
  });
});

describe('wrong, missing and unknown fields', () => {
  test('wrong types are located at the value', () => {
    for (const [pointer, value] of [['/title', 42], ['/authors', {}], ['/sections/0', 'x'], ['/sections/0/body', []], ['/published', null]]) {
      const a = minimal();
      const keys = pointer.split('/').slice(1);
      let node = a;
      for (const k of keys.slice(0, -1)) node = node[k];
      node[keys.at(-1)] = value;
      const r = w.render(a);
      assert.equal(r.ok, false);
      assert.ok(r.errors.some((e) => e.path === pointer && (e.code === 'wrong-type' || e.code === 'empty-value')), `${pointer}: ${JSON.stringify(r.errors)}`);
    }
    assert.equal(w.render(seed).html, seedHtml);
  });

  test('every missing required field is reported at once', () => {
    const r = w.validate('{}');
    assert.deepEqual(r.errors.map((e) => e.path).sort(), ['/authors', '/id', '/lang', '/published', '/sections', '/title']);
    assert.ok(r.errors.every((e) => e.code === 'missing-field'));
  });

  test('unknown fields warn at the key; x- and $ fields are ignored', () => {
    const a = { ...minimal(), titel: 'typo', 'x-cms': { deep: [1, 2] }, $schema: 'https://example.test/s.json' };
    const r = w.render(a);
    assert.equal(r.ok, true);
    assert.deepEqual(r.warnings.map((x) => [x.code, x.path]), [['unknown-field', '/titel']]);
  });
});

describe('sizes and depth', () => {
  test('a 10 MB string is input-too-large with the defaults, too-long when the input limit allows it', () => {
    const a = minimal();
    a.title = rep('x', 10 * 1024 * 1024);
    const text = JSON.stringify(a);
    const e = onlyError(text, 'input-too-large', '');
    assert.equal(e.offset, 0);
    onlyError(text, 'too-long', '/title', { limits: { maxInputBytes: 32 * 1024 * 1024 } });
  });

  test('huge arrays and objects are too-many, and reading stops there', () => {
    const text = JSON.stringify(minimal()).replace('{', `{"faq": [${rep('1,', 1_000_000)}1], `);
    const e = onlyError(text, 'too-many', '/faq');
    assert.equal(e.offset, '{"faq": ['.length + 2 * 2000); // at the 2001st entry
    const keys = Array.from({ length: 3000 }, (_, i) => `"k${i}": 1`).join(', ');
    onlyError(`{${keys}}`, 'too-many', '');
  });

  test('thousands of problems on one line: at most 1000 errors and 1000 warnings, and a note that the list is cut', () => {
    const item = `{${Array.from({ length: 150 }, (_, i) => `"k${i}": 1`).join(', ')}}`;
    const r = w.validate(`{"faq": [${Array(20).fill(item).join(', ')}]}`);
    assert.equal(r.ok, false);
    // 3 000 unknown fields: the first 1000 and one warning that says the list is cut.
    assert.equal(r.warnings.length, 1001);
    const cut = r.warnings.filter((d) => d.code === 'too-many-problems');
    assert.equal(cut.length, 1);
    assert.match(cut[0].message, /^More than 1000 warnings: only the first 1000 are listed/);
    assert.ok(r.errors.length <= 1000);
    assert.equal(w.render(seed).html, seedHtml);
  });

  test('100 000-deep nesting stops at the depth limit, whatever the limit is set to', () => {
    const n = 100_000;
    const e = onlyError(rep('[', n) + rep(']', n), 'json-too-deep', rep('/0', 64));
    assert.equal(e.offset, 64);
    onlyError(rep('{"a":', n) + '1' + rep('}', n), 'json-too-deep', rep('/a', 64));
    // maxDepth is at most 1000 (memory per level); deeper input still stops there.
    onlyError(JSON.stringify(minimal()), 'invalid-option', '/limits/maxDepth', { limits: { maxDepth: 1001 } });
    onlyError(rep('[', n) + rep(']', n), 'json-too-deep', rep('/0', 1000), { limits: { maxDepth: 1000 } });
    // 999 levels inside a valid article, with the limit at its ceiling: renders, in wasm too.
    const deep = JSON.stringify(minimal()).replace('{', `{"x-deep": ${rep('[', 998)}${rep(']', 998)}, `);
    assert.equal(w.render(deep, { limits: { maxDepth: 1000 } }).ok, true);
    assert.equal(w.render(seed).html, seedHtml);
  });
});

describe('pathological Markdown (cmark 0.30.2 test/pathological_tests.py, at its sizes)', () => {
  const big = { limits: { maxInputBytes: 64 * 1024 * 1024, maxMarkdownBytes: 64 * 1024 * 1024, maxMarkdownElements: 64 * 1024 * 1024 } };
  const md = (text, options = big) => {
    const html = w.renderMarkdown(text, options);
    // The parser-level check on what a browser can parse quickly; 130 000 nested <em> (the first
    // case) defeat any DOM. For those, every tag must be one CommonMark's writer emits here.
    if (html.length < 200_000) assert.deepEqual(checkHtml(html), []);
    else assert.equal(html.replace(/<\/?(p|em|strong|a|code)\b[^>]*>/g, '').includes('<'), false);
    return html;
  };
  const cases = {
    'nested strong emph': [rep('*a **a ', 65000) + 'b' + rep(' a** a*', 65000), (h) => assert.equal(count(h, '<em>a <strong>a '), 65000)],
    'many emph closers with no openers': [rep('a_ ', 65000), (h) => assert.ok(!h.includes('<em>'))],
    'many emph openers with no closers': [rep('_a ', 65000), (h) => assert.ok(!h.includes('<em>'))],
    'many link closers with no openers': [rep('a]', 65000), (h) => assert.ok(!h.includes('<a '))],
    'many link openers with no closers': [rep('[a', 65000), (h) => assert.ok(!h.includes('<a '))],
    'mismatched openers and closers': [rep('*a_ ', 50000), (h) => assert.ok(!h.includes('<em>'))],
    'issue #389': [rep('*a ', 20000) + rep('_a*_ ', 20000), (h) => assert.equal(count(h, '<em>a '), 20000)],
    'openers and closers multiple of 3': ['a**b' + rep('c* ', 50000), (h) => assert.ok(!h.includes('<em>'))],
    'link openers and emph closers': [rep('[ a_', 50000), (h) => assert.ok(!h.includes('<a ') && !h.includes('<em>'))],
    'pattern [ (]( repeated': [rep('[ (](', 80000), (h) => assert.ok(!h.includes('<a '))],
    'hard link/emph case': ['**x [a*b**c*](d)', (h) => assert.equal(h, '<p>**x <a href="d">a<em>b**c</em></a></p>\n')],
    'nested brackets': [rep('[', 50000) + 'a' + rep(']', 50000), (h) => assert.equal(count(h, '['), 50000)],
    'nested block quotes (refused: deeper than maxMarkdownNesting)': [rep('> ', 50000) + 'a', (h) => assert.ok(h.startsWith('<p>&gt; &gt; &gt; '))],
    'deeply nested lists (refused)': [Array.from({ length: 1000 }, (_, x) => '  '.repeat(x) + '* a\n').join(''), (h) => assert.ok(h.startsWith('<p>* a\n  * a'))],
    'U+0000 in input': ['abc\u0000de\u0000', (h) => assert.equal(h, '<p>abc\uFFFDde\uFFFD</p>\n')],
    backticks: [Array.from({ length: 4999 }, (_, x) => 'e' + '`'.repeat(x + 1)).join(''), (h) => assert.ok(h.startsWith('<p>e`e``') && !h.includes('<code>'))],
    'unclosed links A': [rep('[a](<b', 30000), (h) => assert.ok(!h.includes('<a '))],
    'unclosed links B': [rep('[a](b', 30000), (h) => assert.ok(!h.includes('<a '))],
    // What 0.30.2 still has (TOOLCHAIN.md, CVE-2023-22486): refused before cmark sees it.
    'quadratic nested list (refused)': [rep('- ', 30000) + 'x' + rep('\n', 30000), (h) => assert.ok(h.startsWith('<p>- - - '))],
    'pattern ![[]() repeated (refused)': [rep('![[]()', 160000), (h) => assert.ok(h.startsWith('<p>![[]()') && !h.includes('<a '))],
  };
  for (const [name, [input, check]] of Object.entries(cases)) {
    test(name, () => check(md(input)));
  }
  test('in an article the refused cases are located markdown-too-nested errors', () => {
    for (const body of [rep('- ', 30000) + 'x' + rep('\n', 30000), rep('![[]()', 15000), rep('> ', 30000) + 'x']) {
      const a = minimal();
      a.sections[0].body = body;
      onlyError(JSON.stringify(a), 'markdown-too-nested', '/sections/0/body');
    }
    onlyError(JSON.stringify(minimal()), 'invalid-option', '/limits/maxMarkdownNesting', { limits: { maxMarkdownNesting: 257 } });
  });
});

test('wasm memory after 20 000 mixed renders equals memory after 200 (no leak)', () => {
  const bad = JSON.stringify(minimal()).replace('"A title"', '42');
  const deep = rep('[', 100_000);
  const inputs = [
    () => w.render(seed),
    () => w.render(bad),
    () => w.validate(seed),
    () => w.render('{"title": "a",'),
    () => w.render(deep),
    () => w.render(`${seed}\u0000x`),
    () => w.renderMarkdown('# Hi\n\n[x](javascript:alert(1)) <script>alert(1)</script> ![i](/a.png) **b**'),
    () => w.render(seed, { idPrefix: 'w7-', revealSpoilers: true }),
    () => w.render(seed, { idPrefix: '1 bad' }),
    () => w.renderMarkdown(rep('- ', 200) + 'x'),
  ];
  const run = (n) => {
    for (let i = 0; i < n; i++) inputs[i % inputs.length]();
  };
  run(200);
  const after200 = w.memoryBytes();
  run(20_000);
  const after20000 = w.memoryBytes();
  assert.equal(after20000, after200, `wasm memory grew from ${after200} to ${after20000} bytes`);
  assert.equal(w.render(seed).html, seedHtml);
});
