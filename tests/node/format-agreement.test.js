// The JSON Schema and the C++ validator must agree on every article, not only on the examples.
// Both come from the format's tables (src/format.cpp), but the schema states each value kind as a
// pattern and the validator as code: this test mutates every example at every path (remove a
// field, add an unknown one, the wrong type, too long, blank, out of range, a malformed value of
// each kind) and requires ajv and the real wasm validator to accept or reject each mutant alike.
//
// What a schema cannot say is left out of the comparison, and only that: cross references
// (duplicate-id, unknown-source) and the Markdown content (markdown-too-nested). The schema
// rejects unknown fields where the validator warns (unknown-field), so that warning counts as a
// rejection; the other warnings do not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { loadWidget } from '../../web/index.js';

const root = new URL('../../', import.meta.url);
const read = (rel) => readFileSync(new URL(rel, root), 'utf8');
const schema = JSON.parse(read('schema/article.schema.json'));
const examples = readdirSync(new URL('examples/', root)).filter((f) => f.endsWith('.json')).sort();
const BEYOND_THE_SCHEMA = new Set(['duplicate-id', 'unknown-source', 'markdown-too-nested']);

const ajv = new Ajv2020({ allErrors: false, strict: true });
addFormats(ajv);
const schemaAccepts = ajv.compile(schema);
const w = await loadWidget();

function validatorAccepts(doc) {
  const r = w.validate(JSON.stringify(doc));
  const rejecting = [...r.errors.filter((e) => !BEYOND_THE_SCHEMA.has(e.code)), ...r.warnings.filter((e) => e.code === 'unknown-field')];
  return { accepts: rejecting.length === 0, codes: rejecting.map((e) => `${e.code}@${e.path}`) };
}

// Malformed strings, one or more per value kind: each is tried in every string field.
const BAD_STRINGS = [
  '', ' \n\t', 'Not A Slug', 'x'.repeat(101), 'x'.repeat(2001), 'é'.repeat(2001), '2026-02-30', '2026-13', '20261', 'en_US',
  'e', 'javascript:alert(1)', 'data:text/html,x', '/path\\to', 'a\u0001b', 'http://', 'https://a b.example/', '/a%zz', 'a:b',
  'www.example.com/page', 'minor ', 'MAJOR', '#frag', '?q=1', 'mailto:ada@example.com', 'pt-BR', '2016', '2016-12',
  'http://a@:80', 'http://::x', 'https://u@host:8080/p?q#f', 'HTTPS://Example.COM', '//host/x', '//', ':x', 'foo):bar',
  'mailto:', 'http:x', 'https://[::1]:80/', '/a%2Fb', 'a"b', 'a`b', 'a|b', ' /lead',
];

/** Every mutant of `doc`: [description, mutated copy]. */
function* mutants(doc) {
  const copy = () => structuredClone(doc);
  const at = (d, path) => path.reduce((v, k) => v[k], d);
  function* walk(value, path) {
    const set = (v) => {
      const d = copy();
      if (path.length === 0) return v;
      at(d, path.slice(0, -1))[path.at(-1)] = v;
      return d;
    };
    const where = `/${path.join('/')}`;
    if (Array.isArray(value)) {
      yield [`${where}: an object instead of the array`, set({})];
      yield [`${where}: empty`, set([])];
      yield [`${where}: 2001 entries`, set(Array.from({ length: 2001 }, () => value[0] ?? 'x'))];
      yield [`${where}: a number as an entry`, set([...value, 7])];
      for (let i = 0; i < value.length; i++) yield* walk(value[i], [...path, i]);
    } else if (value && typeof value === 'object') {
      yield [`${where}: an array instead of the object`, set([])];
      yield [`${where}: + an unknown field`, set({ ...value, notAField: 1 })];
      yield [`${where}: + x-tool (reserved)`, set({ ...value, 'x-tool': 1 })];
      for (const key of Object.keys(value)) {
        const d = copy();
        delete at(d, path)[key];
        yield [`${where}/${key}: removed`, d];
        yield* walk(value[key], [...path, key]);
      }
    } else if (typeof value === 'string') {
      yield [`${where}: a number`, set(42)];
      for (const bad of BAD_STRINGS) yield [`${where}: ${JSON.stringify(bad.length > 20 ? `${bad.slice(0, 8)}…(${bad.length})` : bad)}`, set(bad)];
    } else if (typeof value === 'number') {
      for (const n of [value + 0.5, -1, 0, 599, 600, 601, 999, 1000, 9999, 10000, 1e6]) yield [`${where}: ${n}`, set(n)];
      yield [`${where}: a string`, set(String(value))];
    } else if (typeof value === 'boolean') {
      yield [`${where}: a string`, set(String(value))];
      yield [`${where}: null`, set(null)];
    }
  }
  yield* walk(doc, []);
}

for (const file of examples) {
  test(`schema and validator agree on every mutant of examples/${file}`, () => {
    const doc = JSON.parse(read(`examples/${file}`));
    const disagreements = [];
    const tally = { bothAccept: 0, bothReject: 0 };
    for (const [what, mutant] of mutants(doc)) {
      const bySchema = schemaAccepts(mutant);
      const byValidator = validatorAccepts(mutant);
      if (bySchema !== byValidator.accepts) {
        const schemaSays = bySchema ? 'accepts' : `rejects (${ajv.errorsText(schemaAccepts.errors)})`;
        disagreements.push(`${what}: schema ${schemaSays}, validator ${byValidator.accepts ? 'accepts' : `rejects (${byValidator.codes.join(', ')})`}`);
      } else tally[bySchema ? 'bothAccept' : 'bothReject']++;
    }
    assert.deepEqual(disagreements.slice(0, 30), [], `${disagreements.length} disagreements`);
    // Not vacuous: many mutants are rejected, and many (an optional field removed, a reserved
    // x- field, another valid value) are accepted.
    assert.ok(tally.bothReject > 500 && tally.bothAccept > 100, JSON.stringify(tally));
  });
}
