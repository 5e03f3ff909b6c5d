// `make bench`: every speed and memory number in docs/PERFORMANCE.md, in one run.
//   node bench/run.js [--write-inputs] [--quick] [--no-doc] [--only node|native|wasm|memory|browser]
//   node bench/run.js --from-results    (the report again from build/bench/results.json, no timing)
// 1. writes the inputs (bench/lib/inputs.js) to build/bench/inputs/ for the native and wasm loops;
// 2. times every Node subject on every input in this one process (bench/lib/timing.js);
// 3. runs the native floor (build/bench/aw_bench, Google Benchmark) and the in-wasm loop
//    (build/bench-wasm/aw_wasm_loop.js) on the same bytes;
// 4. memory: linear memory after 100 and after 10 000 renders through the public API;
// 5. the browsers (BENCH_BROWSER=0 skips them): warm render in Chromium against the JS stack
//    (bench/browser-warm.js), time to first rendered article in Chromium, Firefox ESR and WebKitGTK
//    (bench/browser-ttfr.js), and on a CPU slowed ×4 in Chromium, time to first render and input
//    latency (bench/browser-throttled.js);
// 6. reads the growth checks make bench ran just before (build/bench/pathological.json,
//    build/bench/hostile-articles.json, when present);
// 7. prints the report, ending with the Targets table (issue 16), and rewrites the generated block
//    of docs/PERFORMANCE.md with the Targets table first (prose outside the block is kept).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadInputs } from './lib/inputs.js';
import { runInterleaved, stats } from './lib/timing.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const log = (...a) => console.error('[bench]', ...a);
const INPUT_DIR = `${ROOT}build/bench/inputs`;
const fileName = (name) => name.replace('×', 'x');
const LATENCY = [['reveal', 'reveal (click on a gate\'s Reveal)'], ['popover', 'popover open (click on a citation)'], ['faqClick', 'FAQ toggle (click on a question, open and close)'], ['faqKey', 'FAQ toggle (Enter on a focused question)']];

const inputs = loadInputs();
mkdirSync(INPUT_DIR, { recursive: true });
for (const i of inputs) {
  writeFileSync(`${INPUT_DIR}/${fileName(i.name)}.json`, i.json);
  writeFileSync(`${INPUT_DIR}/${fileName(i.name)}.md`, i.markdown);
  writeFileSync(`${INPUT_DIR}/${fileName(i.name)}.options.json`, JSON.stringify(i.options));
}
writeFileSync(`${INPUT_DIR}/names.txt`, inputs.map((i) => fileName(i.name)).join('\n') + '\n');
if (args.includes('--write-inputs')) process.exit(0);

const fromResults = args.includes('--from-results'); // re-render the report of the last run
const results = fromResults ? JSON.parse(readFileSync(`${ROOT}build/bench/results.json`, 'utf8'))
  : { machine: machine(), node: {}, native: null, wasmLoop: null, memory: null, browser: null };
const want = (part) => !fromResults && (!only || only === part);

// ---- Node subjects -------------------------------------------------------------------------------
if (want('node')) {
  const { loadWidget } = await import('../web/index.js');
  const w = await loadWidget();
  const mdwasm = (await import('markdown-wasm')).default;
  await mdwasm.ready;
  const md4w = await import('md4w');
  await md4w.init('fast');
  const MarkdownIt = (await import('markdown-it')).default;
  const footnote = (await import('markdown-it-footnote')).default;
  const mdit = new MarkdownIt().use(footnote);
  const { marked } = await import('marked');
  const commonmark = await import('commonmark');
  const cmParser = new commonmark.Parser();
  const cmWriter = new commonmark.HtmlRenderer();
  const { articleTemplate } = await import('./js-stack/template.js');

  const subjectsFor = (i) => [
    { name: 'widget: full pipeline (w.render)', kind: 'json', fn: () => w.render(i.json, i.options) },
    { name: 'widget: Markdown only (w.renderMarkdown)', kind: 'md', fn: () => w.renderMarkdown(i.markdown, i.options) },
    // The same calls as the browser widget makes them (mount: true: the HTML as ASCII, no page-building meta).
    { name: 'widget, mount: full pipeline (w.render)', kind: 'json', fn: () => w.render(i.json, { ...i.options, mount: true }) },
    { name: 'widget, mount: Markdown only (w.renderMarkdown)', kind: 'md', fn: () => w.renderMarkdown(i.markdown, { ...i.options, mount: true }) },
    { name: 'markdown-wasm 1.2.0 (md4c)', kind: 'md', fn: () => mdwasm.parse(i.markdown) },
    { name: 'md4w 0.2.7 (md4c, "fast" build)', kind: 'md', fn: () => md4w.mdToHtml(i.markdown) },
    { name: 'markdown-it 15.0.3 + footnote', kind: 'md', fn: () => mdit.render(i.markdown) },
    { name: 'marked 18.2.1', kind: 'md', fn: () => marked.parse(i.markdown) },
    { name: 'commonmark.js 0.31.2', kind: 'md', fn: () => cmWriter.render(cmParser.parse(i.markdown)) },
    { name: 'JS stack without DOMPurify (JSON.parse, markdown-it + footnote, the article template)', kind: 'json', fn: () => articleTemplate(JSON.parse(i.json)) },
  ];
  // Sanity: the widget accepts every article (an error report would time the wrong path).
  for (const i of inputs) {
    const r = w.render(i.json, i.options);
    if (!r.ok) throw new Error(`${i.name}: the article does not render: ${JSON.stringify(r.errors.slice(0, 3))}`);
  }
  for (const i of inputs) {
    if (quick && i.name.startsWith('seed×100')) continue;
    const big = i.jsonBytes > 100000;
    log(`node subjects on ${i.name} (${i.jsonBytes} B JSON, ${i.markdownBytes} B Markdown)`);
    const subjects = subjectsFor(i);
    const res = runInterleaved(subjects, {
      rounds: quick ? 5 : big ? 11 : 21,
      roundMs: big ? 150 : 60,
      warmupMs: quick ? 100 : big ? 600 : 400,
    });
    results.node[i.name] = subjects.map((s) => ({ name: s.name, kind: s.kind, bytes: s.kind === 'json' ? i.jsonBytes : i.markdownBytes, ...res.get(s.name) }));
  }
}

// ---- Native floor (Google Benchmark) -----------------------------------------------------------
const nativeBin = `${ROOT}build/bench/aw_bench`;
if (want('native') && existsSync(nativeBin)) {
  log('native floor (Google Benchmark)');
  const reps = quick ? 3 : 9;
  const out = execFileSync(nativeBin, ['--inputs', INPUT_DIR, '--benchmark_format=json', `--benchmark_repetitions=${reps}`,
    '--benchmark_min_time=0.2', ...(quick ? ['--benchmark_filter=seed'] : [])], { maxBuffer: 1 << 26 }).toString();
  const runs = JSON.parse(out).benchmarks.filter((b) => b.run_type === 'iteration');
  const byName = new Map();
  for (const b of runs) {
    const us = b.time_unit === 'us' ? b.real_time : b.time_unit === 'ms' ? b.real_time * 1000 : b.real_time / 1000;
    if (!byName.has(b.run_name)) byName.set(b.run_name, []);
    byName.get(b.run_name).push(us);
  }
  results.native = Object.fromEntries([...byName].map(([k, v]) => [k, stats(v)]));
} else if (want('native')) {
  log(`skipped the native floor: ${nativeBin} is missing (make bench builds it)`);
}

// ---- The same work looped inside wasm (no boundary) ---------------------------------------------
const loopJs = `${ROOT}build/bench-wasm/aw_wasm_loop.js`;
if (want('wasm') && existsSync(loopJs)) {
  log('in-wasm loop');
  const out = execFileSync('node', ['--no-experimental-fetch', loopJs, INPUT_DIR, quick ? '30' : '60', quick ? '5' : '15'], { maxBuffer: 1 << 26 }).toString();
  const parsed = JSON.parse(out);
  results.wasmLoop = Object.fromEntries(parsed.inputs.map((i) => [i.name, { article: stats(i.article), markdown: stats(i.markdown), cmark: stats(i.cmark) }]));
  // Peak heap per article: a fresh process per input (bench/wasm_loop.cpp --peak).
  results.peaks = inputs.map((i) => JSON.parse(execFileSync('node', ['--no-experimental-fetch', loopJs, INPUT_DIR, '--peak', fileName(i.name)]).toString()));
} else if (want('wasm')) {
  log(`skipped the in-wasm loop: ${loopJs} is missing (make bench builds it)`);
}

// ---- Memory through the public API ---------------------------------------------------------------
if (want('memory')) {
  log('memory: 100 and 10 000 renders');
  results.memory = JSON.parse(execFileSync('node', [`${ROOT}bench/memory.js`, ...(quick ? ['--quick'] : [])], { maxBuffer: 1 << 24 }).toString());
}

// ---- Browser --------------------------------------------------------------------------------------
const browserPart = (script, extra) => {
  try {
    return JSON.parse(execFileSync('node', [`${ROOT}bench/${script}`, '--json', ...extra],
      { maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] }).toString());
  } catch (e) {
    log(`${script} failed: ${e.message.split('\n')[0]}`);
    return null;
  }
};
if (want('browser') && process.env.BENCH_BROWSER !== '0') {
  results.browser = {};
  log('browser: warm render in Chromium, widget vs the JS stack');
  results.browser.warm = browserPart('browser-warm.js', quick ? ['--rounds', '5'] : []);
  log('browser: time to first rendered article, cold, Chromium, Firefox ESR, WebKitGTK');
  results.browser.ttfr = browserPart('browser-ttfr.js', quick ? ['--loads', '5', '--loads-other', '2'] : []);
  log('browser: CPU slowed ×4 (Chromium): time to first render, input latency');
  results.browser.throttled = browserPart('browser-throttled.js', quick ? ['--loads', '3', '--latency-loads', '1'] : []);
}

// ---- Growth checks (run by make bench before this script) ----------------------------------------
if (!fromResults) {
  for (const [key, file] of [['pathological', 'pathological.json'], ['hostile', 'hostile-articles.json']]) {
    const path = `${ROOT}build/bench/${file}`;
    // Only this make bench's (written in the last hour): make bench deletes them before it runs the checks.
    if (existsSync(path) && Date.now() - statSync(path).mtimeMs < 3600e3) results[key] = JSON.parse(readFileSync(path, 'utf8'));
  }
}

mkdirSync(`${ROOT}build/bench`, { recursive: true });
if (!fromResults) writeFileSync(`${ROOT}build/bench/results.json`, JSON.stringify(results, null, 1));
const body = report(results);
const targetTable = targets(results);
console.log(body);
console.log(targetTable);
if (!args.includes('--no-doc') && !only && !quick) writeDoc(`${targetTable}\n${body}`);

// ---- Report --------------------------------------------------------------------------------------
function machine() {
  const sh = (cmd, a) => { try { return execFileSync(cmd, a).toString().trim(); } catch { return '?'; } };
  const model = (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) ?? [])[1] ?? cpus()[0]?.model ?? '?';
  return {
    nproc: sh('nproc', []), cpu: model, node: process.version, emcc: sh('emcc', ['--version']).split('\n')[0],
    load: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    commit: sh('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']) + (sh('git', ['-C', ROOT, 'status', '--porcelain', '--untracked-files=no']) ? ' + uncommitted changes' : ''),
  };
}

function fmt(us) {
  return us >= 10000 ? Math.round(us).toLocaleString('en-US') : us >= 100 ? Math.round(us).toString() : us.toFixed(1);
}
function mbs(bytes, us) {
  return (bytes / us).toFixed(1); // bytes per µs = MB/s (10^6)
}

function report(r) {
  const L = [];
  const m = r.machine;
  L.push(`Machine: ${m.nproc} cores, ${m.cpu}; Node ${m.node}; ${m.emcc}. Load average at the start: ${m.load}. ${m.date}, commit ${m.commit}.`);
  L.push('');
  L.push('Command: `make bench` (= `node bench/run.js` after building `build/bench/aw_bench` and `build/bench-wasm/aw_wasm_loop.js`).');
  L.push('Times are µs per article: median over rounds (min–max, and IQR); each round is the mean of as many calls as fill 60–150 ms.');
  L.push('MB/s = input bytes (JSON for the full pipeline, Markdown otherwise) per µs.');
  L.push('');
  const nat = (kind, name) => r.native?.[`${kind}/${fileName(name)}`];
  const loop = (name) => r.wasmLoop?.[fileName(name)];
  for (const i of inputs) {
    const rows = r.node[i.name];
    if (!rows) continue;
    L.push(`#### ${i.name}: ${i.jsonBytes.toLocaleString('en-US')} B JSON, ${i.markdownBytes.toLocaleString('en-US')} B Markdown`);
    L.push('');
    L.push('| subject | µs per article (median) | min–max | IQR | MB/s |');
    L.push('| --- | ---: | ---: | ---: | ---: |');
    for (const s of rows) L.push(`| ${s.name} | ${fmt(s.median)} | ${fmt(s.min)}–${fmt(s.max)} | ${fmt(s.q1)}–${fmt(s.q3)} | ${mbs(s.bytes, s.median)} |`);
    const l = loop(i.name);
    if (l) {
      L.push(`| in-wasm loop: full pipeline (no JS boundary) | ${fmt(l.article.median)} | ${fmt(l.article.min)}–${fmt(l.article.max)} | ${fmt(l.article.q1)}–${fmt(l.article.q3)} | ${mbs(i.jsonBytes, l.article.median)} |`);
      L.push(`| in-wasm loop: Markdown only | ${fmt(l.markdown.median)} | ${fmt(l.markdown.min)}–${fmt(l.markdown.max)} | ${fmt(l.markdown.q1)}–${fmt(l.markdown.q3)} | ${mbs(i.markdownBytes, l.markdown.median)} |`);
      if (l.cmark) L.push(`| in-wasm loop: cmark 0.30.2's own renderer (html.c) | ${fmt(l.cmark.median)} | ${fmt(l.cmark.min)}–${fmt(l.cmark.max)} | ${fmt(l.cmark.q1)}–${fmt(l.cmark.q3)} | ${mbs(i.markdownBytes, l.cmark.median)} |`);
    }
    for (const [kind, label, bytes] of [['article', 'native core: full pipeline', i.jsonBytes], ['markdown', 'native core: Markdown only', i.markdownBytes], ['cmark', 'native cmark 0.30.2 (html.c), the floor', i.markdownBytes]]) {
      const n = nat(kind, i.name);
      if (n) L.push(`| ${label} | ${fmt(n.median)} | ${fmt(n.min)}–${fmt(n.max)} | ${fmt(n.q1)}–${fmt(n.q3)} | ${mbs(bytes, n.median)} |`);
    }
    L.push('');
  }
  // Ratios.
  const med = (input, prefix) => r.node[input]?.find((s) => s.name.startsWith(prefix))?.median;
  const ratio = (a, b) => (a && b ? (a / b).toFixed(2) : 'n/a');
  L.push('#### Ratios (same run)');
  L.push('');
  L.push('| ratio | seed | spec | gen1mb | target |');
  L.push('| --- | ---: | ---: | ---: | --- |');
  const per = (f) => ['seed', 'spec', 'gen1mb'].map(f).join(' | ');
  L.push(`| full pipeline ÷ markdown-wasm (Markdown only) | ${per((n) => ratio(med(n, 'widget: full'), med(n, 'markdown-wasm')))} | ≤ 2.5 on the seed (issue 16) |`);
  L.push(`| widget Markdown only ÷ markdown-wasm | ${per((n) => ratio(med(n, 'widget: Markdown'), med(n, 'markdown-wasm')))} | ≤ 1.0 on the seed (issue 16) |`);
  L.push(`| the same, as the widget calls them (mount: true): full pipeline · Markdown only | ${per((n) => `${ratio(med(n, 'widget, mount: full'), med(n, 'markdown-wasm'))} · ${ratio(med(n, 'widget, mount: Markdown'), med(n, 'markdown-wasm'))}`)} | |`);
  L.push(`| cmark's own renderer in wasm (loop) ÷ markdown-wasm: the Markdown floor | ${per((n) => ratio(loop(n)?.cmark?.median, med(n, 'markdown-wasm')))} | |`);
  L.push(`| full pipeline (w.render) ÷ native core | ${per((n) => ratio(med(n, 'widget: full'), nat('article', n)?.median))} | ≤ 2 |`);
  L.push(`| Markdown only (w.renderMarkdown) ÷ native core | ${per((n) => ratio(med(n, 'widget: Markdown'), nat('markdown', n)?.median))} | |`);
  L.push(`| in-wasm loop ÷ native core (full pipeline): the wasm cost | ${per((n) => ratio(loop(n)?.article.median, nat('article', n)?.median))} | |`);
  L.push(`| w.render ÷ in-wasm loop (full pipeline): the boundary cost | ${per((n) => ratio(med(n, 'widget: full'), loop(n)?.article.median))} | |`);
  L.push(`| w.renderMarkdown ÷ in-wasm loop (Markdown only) | ${per((n) => ratio(med(n, 'widget: Markdown'), loop(n)?.markdown.median))} | |`);
  L.push(`| full pipeline ÷ widget Markdown only | ${per((n) => ratio(med(n, 'widget: full'), med(n, 'widget: Markdown')))} | |`);
  L.push('');
  const bnd = (n) => { const a = med(n, 'widget: full'), b = loop(n)?.article.median; return a && b ? `${fmt(a - b)} µs` : 'n/a'; };
  L.push(`Boundary cost per w.render call (w.render − in-wasm loop): seed ${bnd('seed')}, spec ${bnd('spec')}, gen1mb ${bnd('gen1mb')}.`);
  L.push('');
  // Stages (native).
  if (r.native) {
    L.push('#### Where the full pipeline\'s time goes (native core, Google Benchmark `stage/*`)');
    L.push('');
    L.push('| stage | seed µs | share | gen1mb µs | share |');
    L.push('| --- | ---: | ---: | ---: | ---: |');
    const st = (stage, n) => r.native[`stage/${stage}/${fileName(n)}`]?.median;
    const total = (n) => nat('article', n)?.median;
    const stages = [['parse', 'JSON text → nlohmann DOM, JSON Pointer and offset of every value'], ['validate', 'validation → the article model'],
      ['render', 'article HTML (all Markdown fields through cmark and the writer)'], ['report', 'the report JSON (diagnostics, meta, labels, toc)']];
    const cell = (v, n) => (v && total(n) ? `${fmt(v)} | ${(100 * v / total(n)).toFixed(0)} %` : 'n/a | ');
    for (const [k, label] of stages) L.push(`| ${k}: ${label} | ${cell(st(k, 'seed'), 'seed')} | ${cell(st(k, 'gen1mb'), 'gen1mb')} |`);
    const rest = (n) => total(n) - stages.reduce((t, [k]) => t + (st(k, n) ?? 0), 0);
    L.push(`| the rest: options, JSON-LD and description (re-parse the Markdown), page shell, copies, freeing | ${cell(rest('seed'), 'seed')} | ${cell(rest('gen1mb'), 'gen1mb')} |`);
    L.push(`| **full pipeline (article/)** | ${fmt(total('seed') ?? 0)} | 100 % | ${fmt(total('gen1mb') ?? 0)} | 100 % |`);
    L.push(`| for scale: the Markdown alone (markdown/), and cmark's own renderer on it (cmark/) | ${fmt(nat('markdown', 'seed')?.median ?? 0)}, ${fmt(nat('cmark', 'seed')?.median ?? 0)} | | ${fmt(nat('markdown', 'gen1mb')?.median ?? 0)}, ${fmt(nat('cmark', 'gen1mb')?.median ?? 0)} | |`);
    L.push('');
  }
  // Growth.
  L.push('#### Linear growth: the seed repeated 10× and 100× (sections and FAQ, fresh ids)');
  L.push('');
  L.push('| subject | bytes ×10 | time ×10 | time ÷ bytes ×10 | bytes ×100 | time ×100 | time ÷ bytes ×100 |');
  L.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const seedIn = inputs.find((i) => i.name === 'seed');
  const growthRow = (label, get, bytesOf) => {
    const base = get('seed');
    if (!base) return;
    const cells = [10, 100].map((k) => {
      const t = get(`seed×${k}`);
      const inp = inputs.find((i) => i.name === `seed×${k}`);
      const br = bytesOf(inp) / bytesOf(seedIn);
      return t ? [br.toFixed(2), (t / base).toFixed(2), (t / base / br).toFixed(2)] : [br.toFixed(2), 'n/a', 'n/a'];
    });
    L.push(`| ${label} | ${cells[0].join(' | ')} | ${cells[1].join(' | ')} |`);
  };
  const jsonB = (i) => i.jsonBytes, mdB = (i) => i.markdownBytes;
  growthRow('widget: full pipeline (w.render)', (n) => med(n, 'widget: full'), jsonB);
  growthRow('widget: Markdown only', (n) => med(n, 'widget: Markdown'), mdB);
  growthRow('in-wasm loop: full pipeline', (n) => loop(n)?.article.median, jsonB);
  growthRow('native core: full pipeline', (n) => nat('article', n)?.median, jsonB);
  growthRow('native cmark', (n) => nat('cmark', n)?.median, mdB);
  growthRow('markdown-wasm', (n) => med(n, 'markdown-wasm'), mdB);
  growthRow('markdown-it + footnote', (n) => med(n, 'markdown-it'), mdB);
  L.push('');
  L.push('Target: 10× the input ≤ 10.5× the time, i.e. "time ÷ bytes" ≤ 1.05 (the repeated article is not exactly 10× the bytes: the header, sources and related links are not repeated).');
  L.push('');
  // Memory.
  if (r.memory) {
    const mm = r.memory;
    L.push('#### Memory');
    L.push('');
    L.push('| measurement | bytes |');
    L.push('| --- | ---: |');
    L.push(`| wasm linear memory at start (INITIAL_MEMORY) | ${mm.initial.toLocaleString('en-US')} |`);
    for (const row of mm.rows) L.push(`| linear memory after ${row.renders.toLocaleString('en-US')} renders (${row.what}) | ${row.bytes.toLocaleString('en-US')} |`);
    for (const [what, g] of Object.entries(mm.growthOf)) L.push(`| growth from 100 to 10 000 renders, ${what} | ${g.from100.toLocaleString('en-US')} (from 1 000: ${g.from1000.toLocaleString('en-US')}) |`);
    if (r.peaks) {
      L.push('');
      L.push('Peak per article (bench/wasm_loop.cpp `--peak`, a fresh module per article, the product\'s flags and allocator; "heap end" is where the heap ends in linear memory: static data, the 1 MB stack, the heap with the input and the output):');
      L.push('');
      L.push('| article | JSON in | HTML out | heap end after one render | one render\'s peak above the loaded input | after 2 renders (the previous result is held while the next renders) | after 3 / 10 / 100 / 300 renders |');
      L.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
      const n = (x) => x.toLocaleString('en-US');
      for (const p of r.peaks) L.push(`| ${p.name} | ${n(p.inputBytes)} | ${n(p.htmlBytes)} | ${n(p.brkAfterFirst)} | ${n(p.peakAboveInput)} | ${n(p.steady)} | ${p.after3_10_100_300.map(n).join(' / ')} |`);
    }
    L.push('');
    L.push(`Linear memory after 10 000 renders of one article ${mm.growth === 0 ? 'equals' : 'does NOT equal'} that after 100 (seed, error path, Markdown only). ` +
      `After a first render of the 1 MB article the heap stays at the size that render needed (memory never shrinks); the mix row shows whether it keeps creeping after that.`);
    L.push('');
  }
  // Browser.
  const bw = r.browser?.warm;
  if (bw) {
    L.push(`#### Warm render in headless Chromium: the widget's public API vs the JS stack doing the same job (${bw.browser})`);
    L.push('');
    L.push(`One page (bench/pages/warm.html), the seed's JSON text, both subjects warmed up, then ${bw.rounds} interleaved rounds (order alternating); each round is the mean of as many calls as fill ${bw.roundMs} ms. ` +
      'JS stack = `JSON.parse`, markdown-it + markdown-it-footnote over every Markdown field with one shared env, the article template of bench/js-stack/template.js (the structure of docs/HTML.md), then `DOMPurify.sanitize` of the whole article (bench/js-stack/article.js, bundled by esbuild). Both produce a string of article HTML.');
    L.push('');
    L.push('| subject | µs per article (median) | min–max | IQR | HTML bytes | sections | FAQ items | citations | endnotes | gated parts |');
    L.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const [label, x] of [['widget: w.render as the widget calls it (web/index.js in the page, mount: true)', bw.widget], ['JS stack', bw.jsStack]]) {
      L.push(`| ${label} | ${fmt(x.median)} | ${fmt(x.min)}–${fmt(x.max)} | ${fmt(x.q1)}–${fmt(x.q3)} | ${x.bytes.toLocaleString('en-US')} | ${x.sections} | ${x.faq} | ${x.citations} | ${x.endnotes} | ${x.gated} |`);
    }
    const ns = bw.jsStackNoSanitize;
    if (ns) L.push(`| for scale: the JS stack without DOMPurify | ${fmt(ns.median)} | ${fmt(ns.min)}–${fmt(ns.max)} | ${fmt(ns.q1)}–${fmt(ns.q3)} | | | | | | |`);
    L.push('');
  }
  const tt = r.browser?.ttfr;
  if (tt) {
    L.push('#### Time to first rendered article, cold cache, localhost');
    L.push('');
    L.push('bench/browser-ttfr.js: the widget page (bench/pages/widget.html, `<article-widget src>`) and the JS stack page (bench/pages/js-stack.html: the same JSON fetched, bench/js-stack/article.js, littlefoot; styled by the widget\'s stylesheet in its light-DOM form, so it looks as the widget does), loads alternating, warm-up rounds dropped (2 in Chromium, 1 elsewhere). ' +
      'Time from navigation start to the article in the DOM (widget: its `article-widget:render` event; JS stack: the end of its render call); "next frame" is a requestAnimationFrame + setTimeout after it. Chromium and Firefox: a fresh browser context per load; WebKitGTK: a fresh MiniBrowser per load.');
    L.push('');
    L.push('| engine | loads per page | page | median ms | min–max | IQR | next frame (median) |');
    L.push('| --- | ---: | --- | ---: | ---: | ---: | ---: |');
    for (const [name, e] of Object.entries(tt)) {
      if (e.error) { L.push(`| ${name} | | failed: ${e.error} | | | | |`); continue; }
      for (const p of e.pages) L.push(`| ${e.engine} | ${e.loads} | ${p.name} | ${p.median.toFixed(1)} | ${p.min.toFixed(1)}–${p.max.toFixed(1)} | ${p.q1.toFixed(1)}–${p.q3.toFixed(1)} | ${p.painted.toFixed(1)} |`);
    }
    L.push('');
  }
  const th = r.browser?.throttled;
  if (th) {
    L.push(`#### CPU slowed ×${th.rate} (${th.browser}, CDP \`Emulation.setCPUThrottlingRate\`)`);
    L.push('');
    L.push(`Time to first rendered article, cold, ${th.ttfr.loads} loads per page, alternating (as above):`);
    L.push('');
    L.push('| page | median ms | min–max | IQR |');
    L.push('| --- | ---: | ---: | ---: |');
    for (const p of th.ttfr.pages) L.push(`| ${p.name} | ${p.median.toFixed(0)} | ${p.min.toFixed(0)}–${p.max.toFixed(0)} | ${p.q1.toFixed(0)}–${p.q3.toFixed(0)} |`);
    L.push('');
    L.push(`Input latency on the widget page, ${th.latencyLoads} cold loads, real Playwright input (bench/browser-throttled.js). "Next frame": from the input event's \`timeStamp\` to a setTimeout(0) queued by a requestAnimationFrame callback that a capture listener on window (before the widget's handlers) requests: the frame after the DOM change. ` +
      '"Event Timing": Chromium\'s PerformanceEventTiming `duration` of the same event (timeStamp → next paint, 8 ms granularity; only events ≥ 16 ms are reported).');
    L.push('');
    L.push('| input | samples | next frame median ms | min–max | IQR | Event Timing reported | Event Timing median / max ms |');
    L.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const [k, label] of LATENCY) {
      const x = th.latency[k];
      if (!x) continue;
      L.push(`| ${label} | ${x.n} | ${x.median.toFixed(1)} | ${x.min.toFixed(1)}–${x.max.toFixed(1)} | ${x.q1.toFixed(1)}–${x.q3.toFixed(1)} | ${x.eventTiming.reported} of ${x.eventTiming.of} | ${x.eventTiming.median ?? '–'} / ${x.eventTiming.max ?? '–'} |`);
    }
    L.push('');
  }
  return L.join('\n');
}

/** The Targets table of issue 16: each target, what this run measured, the peers' numbers from the
 *  same run, and PASS / MISS ("reported" where the issue asks for a number, not a bound). */
function targets(r) {
  const rows = [], verdicts = [];
  const add = (target, measured, peers, v) => {
    rows.push(`| ${target} | ${measured} | ${peers} | ${v} |`);
    verdicts.push(v.split(' ')[0]);
  };
  const verdict = (ok) => (ok === undefined ? 'n/a' : ok ? 'PASS' : 'MISS');
  const x = (v) => `${v.toFixed(2)}×`;
  const seed = r.node?.seed;
  const med = (prefix) => seed?.find((s) => s.name.startsWith(prefix))?.median;
  const notRun = (why) => `not measured (${why})`;
  // 1, 2: Node, one process.
  const full = med('widget: full'), mdOnly = med('widget: Markdown'), mdw = med('markdown-wasm'), md4w = med('md4w'), mdit = med('markdown-it'), jsNode = med('JS stack without');
  // The verdict is on the default call; the widget's own call (mount: true) is shown beside it.
  const fullMount = med('widget, mount: full'), mdMount = med('widget, mount: Markdown');
  const mounted = (v, limit) => (v && mdw ? `; as the widget calls it (mount: true) **${x(v / mdw)}**: ${fmt(v)} µs (${verdict(v / mdw <= limit)})` : '');
  if (full && mdw) {
    const q = full / mdw;
    add('Full pipeline on the seed through the public API (`w.render`, Node) ≤ 2.5× markdown-wasm (moonshot 1.5×)', `**${x(q)}**: ${fmt(full)} µs${mounted(fullMount, 2.5)}`,
      `markdown-wasm ${fmt(mdw)} µs on the seed's Markdown; md4w ${fmt(md4w)}; markdown-it + footnote ${fmt(mdit)}; JS stack without DOMPurify ${fmt(jsNode)} (JSON in)`,
      `${verdict(q <= 2.5)} (moonshot: ${verdict(q <= 1.5)})`);
  } else add('Full pipeline ≤ 2.5× markdown-wasm', notRun('Node subjects skipped'), '', 'n/a');
  if (mdOnly && mdw) {
    add('Markdown-only path (`w.renderMarkdown`, Node) ≤ 1.0× markdown-wasm', `**${x(mdOnly / mdw)}**: ${fmt(mdOnly)} µs${mounted(mdMount, 1.0)}`,
      `markdown-wasm ${fmt(mdw)} µs; md4w ${fmt(md4w)}; markdown-it + footnote ${fmt(mdit)}`, verdict(mdOnly / mdw <= 1.0));
  }
  // 3: warm, Chromium.
  const bw = r.browser?.warm;
  if (bw) {
    const q = bw.widget.median / bw.jsStack.median;
    add(`Full pipeline warm in ${bw.browser} (\`w.render\` in the page) ≤ 0.5× the JS stack (JSON.parse, markdown-it + footnote, template, DOMPurify)`, `**${x(q)}**: ${fmt(bw.widget.median)} µs`,
      `JS stack ${fmt(bw.jsStack.median)} µs (median of ${bw.rounds} interleaved rounds each)${bw.jsStackNoSanitize ? `; without DOMPurify ${fmt(bw.jsStackNoSanitize.median)} µs` : ''}`, verdict(q <= 0.5));
  } else add('Full pipeline warm in Chromium ≤ 0.5× the JS stack', notRun(r.browser ? 'the browser run failed' : 'BENCH_BROWSER=0'), '', 'n/a');
  // 4: cold, three engines.
  const tt = r.browser?.ttfr;
  for (const [name, bound] of [['chromium', 0.8], ['firefox', null], ['webkit', null]]) {
    const e = tt?.[name];
    const label = { chromium: 'Chromium', firefox: 'Firefox ESR', webkit: 'WebKitGTK' }[name];
    const target = bound ? `Time to first rendered article, cold, ${label} ≤ ${bound}× the JS stack (median of ≥ 25 interleaved loads each)` : `Time to first rendered article, cold, ${label}: reported`;
    if (!e || e.error) { add(target, notRun(e?.error ?? (r.browser ? 'the browser run failed' : 'BENCH_BROWSER=0')), '', 'n/a'); continue; }
    const [w, js] = e.pages;
    const q = w.median / js.median;
    add(target, `**${x(q)}**: ${w.median.toFixed(1)} ms (${e.engine}, ${e.loads} loads each)`, `JS stack ${js.median.toFixed(1)} ms`,
      bound ? `${verdict(q <= bound && e.loads >= 25)}${e.loads < 25 ? ' (too few loads to count)' : ''}` : 'reported');
  }
  // 5: throttled.
  const th = r.browser?.throttled;
  if (th) {
    const [w, js] = th.ttfr.pages;
    add(`CPU ×${th.rate} (Chromium): time to first rendered article, cold`, `${w.median.toFixed(0)} ms (${x(w.median / js.median)} the JS stack; ${th.ttfr.loads} loads each)`, `JS stack ${js.median.toFixed(0)} ms`, 'reported');
    for (const [k, label] of LATENCY) {
      const l = th.latency[k];
      if (!l) continue;
      add(`CPU ×${th.rate}: ${label}, input → next frame ≤ 50 ms (median)`, `**${l.median.toFixed(1)} ms** (max ${l.max.toFixed(1)}, ${l.n} inputs)`,
        `Event Timing: ${l.eventTiming.reported} of ${l.eventTiming.of} ≥ 16 ms${l.eventTiming.median !== null ? `, median ${l.eventTiming.median} ms` : ''}`, verdict(l.median <= 50));
    }
  } else add('CPU ×4: time to first render; reveal / popover / FAQ latency ≤ 50 ms', notRun(r.browser ? 'the browser run failed' : 'BENCH_BROWSER=0'), '', 'n/a');
  // 6: growth and memory.
  const grow = (prefix) => {
    const a = r.node?.seed?.find((s) => s.name.startsWith(prefix)), b = r.node?.['seed×10']?.find((s) => s.name.startsWith(prefix));
    return a && b ? (b.median / a.median) / (b.bytes / a.bytes) : undefined;
  };
  const g = grow('widget: full');
  if (g !== undefined) {
    add('Linear growth: the seed ×10 (sections and FAQ repeated), time ÷ bytes ≤ 1.05 (10× input ≤ 10.5× time)', `**${g.toFixed(2)}** (w.render); ${grow('widget: Markdown').toFixed(2)} (w.renderMarkdown)`,
      `markdown-wasm ${grow('markdown-wasm').toFixed(2)}; markdown-it + footnote ${grow('markdown-it').toFixed(2)}`, verdict(g <= 1.05 && grow('widget: Markdown') <= 1.05));
  }
  if (r.pathological) {
    const p = r.pathological;
    add('Linear growth on hostile Markdown (bench/pathological.js): no case super-linear at every size (10×/1× ≤ 10.5, or 20×/10× ≤ 3 out of cache)',
      `worst 10×/1×: ${p.worst.toFixed(2)}; super-linear: ${p.failed.length ? p.failed.join(', ') : 'none'}`, `${p.results.length} cases`, verdict(!p.failed.length));
  }
  if (r.hostile) {
    const h = r.hostile.results;
    const worst = h.reduce((a, c) => (c.vsProse > a.vsProse ? c : a), h[0]);
    add('Hostile whole articles (bench/hostile-articles.js): each ≤ 10× plain prose of its size, none super-linear',
      `worst ${worst.vsProse.toFixed(2)}× prose (${worst.name}); worst 10×/1× ${Math.max(...h.map((c) => c.ratio)).toFixed(2)}`, `${h.length} cases`, verdict(!(r.hostile.failed ?? []).length));
  }
  if (r.memory) {
    const grown = Object.entries(r.memory.growthOf).filter(([what]) => !what.startsWith('mix'));
    const ok = grown.every(([, v]) => v.from100 === 0);
    add('Memory flat: linear memory after 10 000 renders = after 100 (seed, error path, Markdown only)', `growth ${grown.map(([, v]) => v.from100.toLocaleString('en-US')).join(' / ')} bytes`,
      `mix with the 1 MB article: ${Object.entries(r.memory.growthOf).filter(([what]) => what.startsWith('mix')).map(([, v]) => `${v.from1000.toLocaleString('en-US')} bytes from 1 000 renders`).join('') || 'n/a'}`, verdict(ok));
  }
  const pass = verdicts.filter((v) => v === 'PASS').length, miss = verdicts.filter((v) => v === 'MISS').length;
  const m = r.machine;
  return ['#### Targets (issue 16)', '',
    `One run of \`make bench\`: ${m.date}, commit ${m.commit}, ${m.nproc} cores, load average ${m.load} at the start. Ratios are within this run; the machine's load moves absolute numbers.`, '',
    '| target | measured | peers, same run | verdict |', '| --- | --- | --- | --- |', ...rows, '',
    `${pass} PASS, ${miss} MISS.`, ''].join('\n');
}

function writeDoc(generated) {
  const path = `${ROOT}docs/PERFORMANCE.md`;
  const BEGIN = '<!-- BEGIN GENERATED BY make bench: do not edit by hand -->';
  const END = '<!-- END GENERATED BY make bench -->';
  let doc = existsSync(path) ? readFileSync(path, 'utf8') : `# Performance\n\n${BEGIN}\n${END}\n`;
  if (!doc.includes(BEGIN)) doc += `\n## Results\n\n${BEGIN}\n${END}\n`;
  doc = doc.slice(0, doc.indexOf(BEGIN) + BEGIN.length) + '\n' + generated + '\n' + doc.slice(doc.indexOf(END));
  writeFileSync(path, doc);
  log('docs/PERFORMANCE.md updated');
}
