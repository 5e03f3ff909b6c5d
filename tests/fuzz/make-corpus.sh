#!/usr/bin/env bash
# Writes the fuzzer's seed corpus into build/fuzz/corpus (or $1): nothing binary is committed,
# every seed is generated here from files in the repository. Each seed's first byte selects the
# fuzz target's mode (see tests/fuzz/fuzz_article.cpp):
#   0x00 article JSON        0x01 Markdown fragment      0x02 options JSON '\n' article JSON
#   0x03 Markdown pieces (split at 0x1E) injected into an article template
# Sources: examples/*.json, tests/fixtures/invalid/*.json, every Markdown field of the examples,
# the security vectors (tests/security/vectors.js), small versions of cmark's pathological cases
# and of the quadratic nested-list case, and hostile JSON shapes.
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-build/fuzz/corpus}"
rm -rf "$out"
mkdir -p "$out"
node --input-type=module - "$out" <<'EOF'
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';

const out = process.argv[2];
let count = 0;
function seed(mode, payload) {
  const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload, 'utf8');
  const data = Buffer.concat([Buffer.from([mode]), body]);
  const name = createHash('sha1').update(data).digest('hex');
  writeFileSync(`${out}/${name}`, data);
  count++;
}

const examples = readdirSync('examples').filter((f) => f.endsWith('.json')).map((f) => readFileSync(`examples/${f}`, 'utf8'));
const markdownOf = (article) => {
  const fields = [];
  const walk = (sections) => (sections ?? []).forEach((s) => { fields.push(s.body, s.conclusion); walk(s.sections); });
  walk(article.sections);
  fields.push(article.quickAnswer?.answer, ...(article.faq ?? []).map((f) => f.answer));
  return fields.filter((x) => typeof x === 'string' && x.length > 0);
};
for (const text of examples) {
  seed(0x00, text);
  seed(0x04 | 0x40, text);                                   // revealSpoilers, prefix w1_
  seed(0x20, text);                                          // small limits
  seed(0x02, `{"idPrefix":"w1-","revealSpoilers":true,"allowRemoteImages":true,"limits":{"maxDepth":8}}\n${text}`);
  seed(0x02, `{"publisher":{"name":"P","url":"https://p.test/","logo":"/l.png"},"canonicalUrl":"https://p.test/a","spoilersInMetadata":true}\n${text}`);
  // A few small mutations of each example: truncated, a trailing comma, a duplicated key.
  seed(0x00, text.slice(0, Math.floor(text.length / 2)));
  seed(0x00, text.replace(/\n}\s*$/, ',\n}'));
  seed(0x00, text.replace('"title":', '"title": "dup", "title":'));
  for (const md of markdownOf(JSON.parse(text))) {
    seed(0x01, md);
    seed(0x03, `${md}\x1e${md.slice(0, 200)}\x1e[^a] [x](#one)`);
  }
}
const fixtures = 'tests/fixtures/invalid';
for (const f of readdirSync(fixtures).filter((f) => f.endsWith('.json'))) seed(0x00, readFileSync(`${fixtures}/${f}`));

// The security vectors: whole articles, and each Markdown value on its own.
if (existsSync('tests/security/vectors.js')) {
  const { buildVectorArticles, loadVectors } = await import(pathToFileURL('tests/security/vectors.js'));
  for (const { articleJson } of buildVectorArticles()) seed(0x00, articleJson);
  for (const v of loadVectors()) {
    if (typeof v.value !== 'string') continue;
    seed(0x01, v.value);
    seed(0x03, `${v.value}\x1e${v.value}`);
  }
}

// cmark's pathological cases (test/pathological_tests.py), small, and the quadratic nested list.
const rep = (s, n) => s.repeat(n);
const patho = [
  rep('*a **a ', 300) + 'b' + rep(' a** a*', 300), rep('a_ ', 500), rep('_a ', 500), rep('a]', 500), rep('[a', 500),
  rep('*a_ ', 500), rep('*a ', 200) + rep('_a*_ ', 200), 'a**b' + rep('c* ', 500), rep('[ a_', 500), rep('[ (](', 500),
  '**x [a*b**c*](d)', rep('[', 500) + 'a' + rep(']', 500), rep('> ', 100) + 'a',
  Array.from({ length: 40 }, (_, x) => '  '.repeat(x) + '* a\n').join(''), 'abc\u0000de\u0000',
  Array.from({ length: 60 }, (_, x) => 'e' + '`'.repeat(x + 1)).join(''), rep('[a](<b', 300), rep('[a](b', 300),
  rep('- ', 40) + 'x' + rep('\n', 40), rep('![[]()', 300), rep('<!--', 300), rep('<?', 300), rep('<!X', 300),
  rep('<![CDATA[', 300), Array.from({ length: 300 }, (_, x) => `[${x}]: u\n`).join('') + rep('[0] ', 300),
];
for (const md of patho) { seed(0x01, md); seed(0x03, md); }

// Hostile JSON shapes.
const hostile = [
  '\uFEFF' + examples[0], rep('[', 200) + rep(']', 200), rep('{"a":', 100) + '1' + rep('}', 100), '{"a":1,"a":2}',
  '{"title":"\\ud800"}', '{"title":"\\udc00\\ud800"}', '{"title":"a\\u0000b"}', '{"title":"a\u0000b"}', '[1,]', '{"a":1,}',
  "{'a':1}", '{"a":1} x', '/* c */{}', '{"a":01}', '{"a":1e999}', '{"a":-0}', '"\\u2028"', 'null', '', ' ',
];
for (const h of hostile) seed(0x00, h);
seed(0x00, Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]));   // invalid UTF-8
seed(0x00, Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d])); // CESU surrogate
seed(0x02, '{"limits":{"maxDepth":0}}\n{}');
seed(0x02, '{"idPrefix":"1bad","limits":{"maxItems":-1,"maxTextChars":1.5}}\n' + examples[0]);
console.log(`make-corpus: ${count} seeds in ${out}`);
EOF
