#!/usr/bin/env node
// Growth of Markdown rendering time on hostile input, through the real wasm module (web/index.js).
//
//   node bench/pathological.js            # every case at 1×, 2×, 4×, 10×
//   node bench/pathological.js --check    # exit 1 if a case grows faster than 10.5× at 10× input
//   node bench/pathological.js nested     # only the cases whose name contains "nested"
//   node bench/pathological.js --scale 4  # 1× = 4× the default base (all sizes past the CPU caches)
//   node bench/pathological.js --json F   # also write the results to F (make bench's Targets table)
//
// Cases: every case of cmark 0.30.2's test/pathological_tests.py (10× = the size that file uses,
// so 1× is a tenth of it), the quadratic nested list of shared/TOOLCHAIN.md, the cases cmark fixed
// after 0.30.2 ("![[]()" repeated, CVE-2023-22486; unclosed "<!--" and friends), the worst input the
// image-bracket guard still lets through, and the same hostile fields inside a whole article
// (render(): validation, rendering, JSON-LD). Each time is the best of several runs, each run
// repeated until it lasts 25 ms, so small inputs are measured too. The machine is noisy: read the
// ratios, not the absolute numbers. Linear growth gives a 10× ratio near 10 (less when a fixed cost
// dominates); quadratic gives ~100. cmark's emphasis cases grow a little faster than linear between
// 1× and 10× (exponent 1.1–1.25) because their working set leaves the CPU caches; the last column,
// 20×/10×, shows whether growth stays linear once out of cache (≈2; quadratic would be 4).
// --check fails a case when 10×/1× > 10.5 and 20×/10× > 3 (still super-linear out of cache).
import { writeFileSync } from 'node:fs';
import { loadWidget } from '../web/index.js';
import { bestOf as time } from './lib/timing.js';

const w = await loadWidget();
const rep = (s, n) => s.repeat(Math.max(1, Math.round(n)));
const big = { limits: { maxInputBytes: 256 * 1024 * 1024, maxMarkdownBytes: 256 * 1024 * 1024, maxMarkdownElements: 256 * 1024 * 1024, maxHtmlBytes: 1024 * 1024 * 1024 } };

function hashCollisions(count) {
  const badhash = (ref) => {
    let h = 0;
    for (const c of ref) h = (c.charCodeAt(0) + ((h << 6) >>> 0) + ((h << 16) >>> 0) - h) >>> 0;
    return h % 16 === 0;
  };
  const keys = [];
  for (let i = 0; keys.length < count; i++) if (badhash(`x${i}`)) keys.push(`x${i}`);
  return keys.slice(1).map((k) => `[${k}]: /url\n\n[${keys[0]}]\n\n`).join('');
}

const article = (fields) =>
  JSON.stringify({
    id: 'bench', lang: 'en', title: 'Bench', authors: [{ name: 'A' }], published: '2026-01-01',
    sections: [{ id: 's', heading: 'S', body: fields.body ?? 'x' }],
    faq: [{ question: 'Q?', answer: fields.answer ?? 'x' }],
  });

// name → [size → Markdown] (or { article: size → JSON text }), sized so that k = 10 is the test's size.
const cases = {
  'nested strong emph': (k) => rep('*a **a ', 6500 * k) + 'b' + rep(' a** a*', 6500 * k),
  'many emph closers with no openers': (k) => rep('a_ ', 6500 * k),
  'many emph openers with no closers': (k) => rep('_a ', 6500 * k),
  'many link closers with no openers': (k) => rep('a]', 6500 * k),
  'many link openers with no closers': (k) => rep('[a', 6500 * k),
  'mismatched openers and closers': (k) => rep('*a_ ', 5000 * k),
  'issue #389': (k) => rep('*a ', 2000 * k) + rep('_a*_ ', 2000 * k),
  'openers and closers multiple of 3': (k) => 'a**b' + rep('c* ', 5000 * k),
  'link openers and emph closers': (k) => rep('[ a_', 5000 * k),
  'pattern [ (]( repeated': (k) => rep('[ (](', 8000 * k),
  'nested brackets': (k) => rep('[', 5000 * k) + 'a' + rep(']', 5000 * k),
  'nested block quotes (refused)': (k) => rep('> ', 5000 * k) + 'a',
  // Line x is indented 2x: the size grows with lines², so the line count grows with √k.
  'deeply nested lists (refused)': (k) => Array.from({ length: Math.round(316 * Math.sqrt(k)) }, (_, x) => '  '.repeat(x) + '* a\n').join(''),
  'U+0000 in input': (k) => rep('abc\u0000de\u0000', 10000 * k),
  backticks: (k) => Array.from({ length: Math.round(1581 * Math.sqrt(k)) }, (_, x) => 'e' + '`'.repeat(x + 1)).join(''),
  'unclosed links A': (k) => rep('[a](<b', 3000 * k),
  'unclosed links B': (k) => rep('[a](b', 3000 * k),
  'reference collisions': (k) => hashCollisions(5000 * k),
  'many references': (k) => Array.from({ length: 5000 * k }, (_, x) => `[${x + 1}]: u\n`).join('') + rep('[0] ', 500 * k),
  'quadratic nested list, TOOLCHAIN.md (refused)': (k) => rep('- ', 2400 * k) + 'x' + rep('\n', 2400 * k),
  'pattern ![[]() repeated (refused)': (k) => rep('![[]()', 16000 * k),
  'unclosed <!--': (k) => '</' + rep('<!--', 30000 * k),
  'unclosed <? / <!X / <![CDATA[': (k) => rep('<?', 10000 * k) + rep('<!X', 10000 * k) + rep('<![CDATA[', 10000 * k),
  'image brackets just under the guard': (k) => rep(rep('![', 316) + rep('[]()', 316) + '\n\n', 3 * k),
  'lists within the nesting limit': (k) => rep(rep('- ', 32) + 'x\n' + rep('\n', 32), 100 * k),
  'article: nested-list FAQ answer (refused)': { article: (k) => article({ answer: rep('- ', 1600 * k) + 'x' + rep('\n', 1600 * k) }) },
  'article: long ordinary body': { article: (k) => article({ body: rep('Some *text* with a [link](/x) and `code`.\n\n', 200 * k) }) },
};


const args = process.argv.slice(2);
const scaleAt = args.indexOf('--scale');
const scale = scaleAt >= 0 ? Number(args[scaleAt + 1]) : 1;
const jsonAt = args.indexOf('--json');
const filter = args.find((a, i) => !a.startsWith('--') && (scaleAt < 0 || i !== scaleAt + 1) && (jsonAt < 0 || i !== jsonAt + 1));
const check = args.includes('--check');
const sizes = [1, 2, 4, 10, 20].map((k) => k * scale);
const fmt = (ms) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(1)} ms`).padStart(9);
console.log(`${'case'.padEnd(46)} ${'1× bytes'.padStart(9)} ${[1, 2, 4, 10, 20].map((k) => `${k}×`.padStart(9)).join(' ')}   10×/1×  exponent  20×/10×`);
let worst = 0;
const failed = [];
const results = [];
for (const [name, def] of Object.entries(cases)) {
  if (filter && !name.includes(filter)) continue;
  const isArticle = typeof def === 'object';
  const make = isArticle ? def.article : def;
  const times = [];
  let bytes = 0;
  for (const k of sizes) {
    const input = make(k);
    if (k === sizes[0]) bytes = Buffer.byteLength(input);
    const run = isArticle ? () => w.render(input, big) : () => w.renderMarkdown(input, big);
    run();
    times.push(time(run));
  }
  const ratio = times[3] / times[0];
  const tail = times[4] / times[3];
  worst = Math.max(worst, ratio);
  const superLinear = ratio > 10.5 && tail > 3;
  if (superLinear) failed.push(name);
  // exponent: time ∝ size^e between 1× and 10× (1 = linear, 2 = quadratic)
  const exponent = Math.log(ratio) / Math.log(10);
  results.push({ name, bytes, ms: times, ratio, tail, superLinear });
  console.log(`${name.padEnd(46)} ${String(bytes).padStart(9)} ${times.map(fmt).join(' ')}   ${ratio.toFixed(2).padStart(6)}  ${exponent.toFixed(2).padStart(6)}  ${tail.toFixed(2).padStart(7)}${superLinear ? '  SUPER-LINEAR' : ratio > 10.5 ? '  (cache)' : ''}`);
}
console.log(`\nworst 10×/1× growth: ${worst.toFixed(2)} (target ≤ 10.5)`);
if (failed.length) console.log(`super-linear at every size: ${failed.join(', ')}`);
if (jsonAt >= 0) writeFileSync(args[jsonAt + 1], JSON.stringify({ worst, failed, results }, null, 2));
if (check && failed.length) process.exit(1);
