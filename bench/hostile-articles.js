#!/usr/bin/env node
// Whole hostile articles at the default limits, through the real wasm module (web/index.js): one
// generator per construct and field kind the format has, in the spirit of cmark's
// test/pathological_tests.py but for articles. Each case is built at 1×, 2×, 4× and 10× its base
// size (10× ≈ the 4 MiB input limit) and rendered with the default options, so the work budget
// (limits.maxMarkdownElements, maxHtmlBytes) is what stops the worst of them.
//
//   node bench/hostile-articles.js            # the table
//   node bench/hostile-articles.js --check    # exit 1 if a case at 10× takes > 10× plain prose of
//                                             # the same size, or grows super-linearly
//   node bench/hostile-articles.js heading    # only the cases whose name contains "heading"
//   node bench/hostile-articles.js --json F   # also write the results to F (docs/SECURITY.md's table)
//
// Growth: 10×/1× ≤ 10.5 passes; above it, the case is re-run at 20× with every limit doubled, and
// fails only if 20×/10× > 3 too (still super-linear once out of the CPU caches, as in
// bench/pathological.js). Times are the best of 5 runs, each repeated until it lasts 25 ms.
import { writeFileSync } from 'node:fs';
import { loadWidget } from '../web/index.js';
import { bestOf as time } from './lib/timing.js';

const w = await loadWidget();
const rep = (s, n) => s.repeat(Math.max(1, Math.floor(n)));
const BASE = 390_000; // JSON bytes at 1×: 10× stays under the 4 MiB input limit
const FIELD = 95_000; // a Markdown field's bytes, under the 100 000-byte field limit
const head = { id: 'hostile', lang: 'en', title: 'Hostile article', authors: [{ name: 'A' }], published: '2026-01-01' };
const json = (article) => JSON.stringify({ ...head, ...article });

// Sections whose bodies are `unit` repeated to `fieldBytes`, as many as fit in `bytes` of JSON.
function bodies(bytes, unit, { fieldBytes = FIELD, extra = {}, heading = () => 'Heading', id = (i) => `s${i}`, body = rep(unit, fieldBytes / Buffer.byteLength(unit)) } = {}) {
  const one = JSON.stringify({ id: id(0), heading: heading(0), body }).length + 1;
  const n = Math.max(1, Math.min(2000, Math.floor((bytes - 300) / one)));
  return json({ ...extra, sections: Array.from({ length: n }, (_, i) => ({ id: id(i), heading: heading(i), body })) });
}
// Many small items of one array, to fill `bytes`.
function items(bytes, key, make, extra = {}) {
  const one = JSON.stringify(make(0)).length + 1;
  const n = Math.max(1, Math.min(2000, Math.floor((bytes - 300) / one)));
  return json({ sections: [{ id: 'only', heading: 'H', body: 'x' }], ...extra, [key]: Array.from({ length: n }, (_, i) => make(i)) });
}
const sources = (n) => Array.from({ length: n }, (_, i) => ({ id: `src-${i}`, label: `Source ${i}`, title: `Title ${i}` }));

const cases = {
  'plain prose (the baseline)': (b) => bodies(b, 'Plain prose of ordinary words, one sentence after another. '),
  'identical headings': (b) => bodies(b, '# a\n'),
  'near-identical headings': (b) => bodies(b, '# a-2\n# a\n'),
  'identical section ids (duplicate-id)': (b) => bodies(b, 'x ', { fieldBytes: 200, id: () => 'same' }),
  'identical FAQ questions (one slug)': (b) => items(b, 'faq', () => ({ question: 'The same question?', answer: 'Yes.' })),
  'anchor links to every section': (b) => bodies(b, '[see](#s1) ', { fieldBytes: 2000 }),
  'links to missing anchors': (b) => bodies(b, '[x](#nowhere) '),
  // Each a different misspelling of a section id, among up to 2 000 sections: "did you mean"
  // compares with every id, so only the first problems get a hint.
  'distinct near-miss anchors': (b) => bodies(b, Array.from({ length: 4000 }, (_, i) => `[x](#s${i}x) `).join(''), { fieldBytes: 0 }),
  'citations of one source': (b) => bodies(b, '[^src-0] ', { extra: { sources: sources(1) } }),
  'citations of many sources': (b) => bodies(b, Array.from({ length: 200 }, (_, i) => `[^src-${i}]`).join(' ') + ' ', { extra: { sources: sources(200) } }),
  'unknown citations': (b) => bodies(b, '[^ghost] '),
  'many sources, unused': (b) => json({ sections: [{ id: 'only', heading: 'H', body: 'x' }], sources: sources(Math.min(2000, Math.floor(b / 60))) }),
  'nested lists within the limit': (b) => bodies(b, rep('- ', 30) + 'x\n\n'),
  'nested block quotes within the limit': (b) => bodies(b, rep('> ', 30) + 'x\n\n'),
  'nested emphasis': (b) => bodies(b, '', { body: rep('*a **a ', 6700) + 'b' + rep(' a** a*', 6700) }),
  'open brackets': (b) => bodies(b, '[a'),
  'nested brackets': (b) => bodies(b, rep('[', 400) + 'a' + rep(']', 400) + '\n\n'),
  'links': (b) => bodies(b, '[a](/b) '),
  'unclosed links': (b) => bodies(b, '[a](<b'),
  'entities': (b) => bodies(b, '&amp;&#123;&copy; '),
  'backtick runs': (b) => bodies(b, 'e' + rep('`', 40) + ' '),
  'raw HTML (dropped)': (b) => bodies(b, '<div>\n'),
  'unsafe URLs': (b) => bodies(b, '[a](javascript:x) '),
  'very long lines (text fields at their limit)': (b) => items(b, 'related', (i) => ({ title: rep('Long title words ', 117), summary: rep('Long summary words ', 105), url: `/r/${i}` })),
  'many small fields': (b) => items(b, 'faq', (i) => ({ id: `q${i}`, question: `Q${i}?`, answer: `A *${i}*.` })),
  'unknown fields': (b) => json({ sections: [{ id: 'only', heading: 'H', body: 'x' }], ...Object.fromEntries(Array.from({ length: Math.min(1900, Math.floor(b / 200)) }, (_, i) => [`unknown${i}`, rep('v', 180)])) }),
};


const args = process.argv.slice(2);
const check = args.includes('--check');
const jsonAt = args.indexOf('--json');
const filter = args.find((a, i) => !a.startsWith('--') && (jsonAt < 0 || i !== jsonAt + 1));
const doubled = { limits: { maxInputBytes: 8 << 20, maxMarkdownElements: 400_000, maxHtmlBytes: 32 << 20 } };
const fmt = (ms) => `${ms.toFixed(1)} ms`.padStart(10);
console.log(`${'case'.padEnd(46)} ${'10× bytes'.padStart(9)} ${[1, 2, 4, 10].map((k) => `${k}×`.padStart(10)).join('')}  10×/1×  ÷prose  outcome at 10×`);
const results = [];
let prose10 = 0;
const failed = [];
for (const [name, make] of Object.entries(cases)) {
  if (filter && !name.includes(filter) && !name.startsWith('plain prose')) continue;
  const times = [];
  let outcome = '';
  let bytes = 0;
  for (const k of [1, 2, 4, 10]) {
    const text = make(BASE * k);
    const r = w.render(text);
    if (k === 10) {
      bytes = Buffer.byteLength(text);
      const codes = [...new Set(r.errors.map((e) => e.code))];
      outcome = r.ok ? `ok, ${(r.html.length / 1e6).toFixed(1)} MB HTML` : codes.join(' ');
    }
    times.push(time(() => w.render(text)));
  }
  if (name.startsWith('plain prose')) prose10 = times[3];
  const ratio = times[3] / times[0];
  const vsProse = times[3] / prose10;
  let tail = 0;
  if (ratio > 10.5) {
    const text = make(BASE * 20);
    tail = time(() => w.render(text, doubled)) / times[3];
  }
  const bad = [];
  if (vsProse > 10) bad.push('> 10× prose');
  if (ratio > 10.5 && tail > 3) bad.push('SUPER-LINEAR');
  if (bad.length) failed.push(`${name} (${bad.join(', ')})`);
  results.push({ name, bytes, ms: times, ratio, vsProse, tail, outcome });
  console.log(`${name.padEnd(46)} ${String(bytes).padStart(9)} ${times.map(fmt).join('')}  ${ratio.toFixed(2).padStart(6)}  ${vsProse.toFixed(2).padStart(6)}  ${outcome}${tail ? `  (20×/10× ${tail.toFixed(2)})` : ''}${bad.length ? '  ' + bad.join(', ') : ''}`);
}
const worst = results.reduce((a, r) => (r.ms[3] > a.ms[3] ? r : a), results[0]);
console.log(`\nworst article at 10×: ${worst.name}, ${worst.ms[3].toFixed(0)} ms = ${worst.vsProse.toFixed(2)}× plain prose of the same size (target ≤ 10); worst growth 10×/1×: ${Math.max(...results.map((r) => r.ratio)).toFixed(2)} (target ≤ 10.5)`);
console.log(`wasm memory after every case: ${(w.memoryBytes() / 2 ** 20).toFixed(0)} MiB`);
if (jsonAt >= 0) writeFileSync(args[jsonAt + 1], JSON.stringify({ results, failed, memoryBytes: w.memoryBytes() }, null, 2));
if (failed.length) console.log(`failed: ${failed.join('; ')}`);
if (check && failed.length) process.exit(1);
