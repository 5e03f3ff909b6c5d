// `make size`: the bytes a reader downloads for the widget, raw / gzip -9 / brotli -q 11, side by
// side with the JS stack that does the same job (markdown-it + markdown-it-footnote + DOMPurify +
// littlefoot, bundled and minified by esbuild into build/size/), and where the wasm's bytes go
// (bench/wasm-profile.js). Issue 16's targets are printed first, each with the JS stack's number
// from the same run; the server-rendered page is loaded in headless Chromium to see what it fetches.
//   node bench/size.js [--markdown] [--names names.wasm] [--reader reader.wasm] [--doc]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { profileWasm, originOf } from './wasm-profile.js';
import { measureSsrPage } from './lib/ssr-page.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = `${ROOT}build/size`;
const ESBUILD = `${ROOT}node_modules/.bin/esbuild`;
const asMarkdown = process.argv.includes('--markdown');

const gzip = (file) => execFileSync('gzip', ['-9', '-n', '-c', file], { maxBuffer: 1 << 26 }).length;
const brotli = (file) => execFileSync('brotli', ['-q', '11', '-c', file], { maxBuffer: 1 << 26 }).length;
const measure = (file, label = file.replace(ROOT, '')) => {
  const raw = readFileSync(file).length;
  return { label, raw, gzip: gzip(file), brotli: brotli(file) };
};
const total = (rows, label) => rows.reduce((t, r) => ({ label, raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { label, raw: 0, gzip: 0, brotli: 0 });
const brotliOf = (buf) => brotliCompressSync(buf, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const esbuild = (...args) => execFileSync(ESBUILD, [...args, '--log-level=warning'], { cwd: ROOT });

mkdirSync(OUT, { recursive: true });
// What a client-rendered page loads: the shim and its render chunk (the JS API + glue; bundled by
// CMake), the wasm, the stylesheet.
const widgetFiles = ['web/dist/article-widget-core.wasm', 'web/dist/article-widget.js', 'web/dist/article-widget-render.js', 'web/dist/article-widget.css'];
for (const f of widgetFiles) if (!existsSync(ROOT + f)) throw new Error(`${f} is missing: run make build`);
const widget = widgetFiles.map((f) => measure(ROOT + f, f));
const summary = [
  { ...widget[0], label: 'wasm' },
  { ...widget[1], label: 'web/dist/article-widget.js (the shim, minified: all a server-rendered page loads)' },
  { ...widget[2], label: 'web/dist/article-widget-render.js (JS API + glue, minified: imported to render)' },
  { ...widget[3], label: 'web/dist/article-widget.css (minified)' },
];
const widgetTotal = total(widget, '**widget, total as shipped**');
// For scale: the same JavaScript as the separate, unminified modules it is built from.
const sourceFiles = ['web/dist/article-widget-core.mjs', 'web/index.js', 'web/widget.js',
  ...readdirSync(`${ROOT}web/widget`).filter((f) => f.endsWith('.js')).sort().map((f) => `web/widget/${f}`)];
const sources = total(sourceFiles.map((f) => measure(ROOT + f, f)), `its ${sourceFiles.length} source modules, unbundled (each compressed on its own)`);

// The JS stack.
esbuild(`${ROOT}bench/js-stack/entry.js`, '--bundle', '--minify', '--format=esm', '--target=es2020', `--outfile=${OUT}/js-stack.min.js`);
esbuild(`${ROOT}node_modules/littlefoot/dist/littlefoot.css`, '--minify', `--outfile=${OUT}/littlefoot.min.css`);
const stackJs = measure(`${OUT}/js-stack.min.js`, 'JS stack: markdown-it + footnote + DOMPurify + littlefoot (esbuild --bundle --minify)');
const stackCss = measure(`${OUT}/littlefoot.min.css`, "littlefoot's CSS (minified)");
const stackTotal = total([stackJs, stackCss], '**JS stack, total**');

// The server-rendered page: the seed article through the Node API with the page shell, in a
// folder beside a copy of web/dist (bench/lib/ssr-page.js), loaded in headless Chromium.
const ssr = await measureSsrPage({ root: ROOT, out: `${OUT}/ssr`, measure });
// What a server-rendered JS-stack page would still load besides its HTML: littlefoot and its CSS.
esbuild('littlefoot', '--bundle', '--minify', '--format=esm', '--target=es2020', `--outfile=${OUT}/littlefoot.min.js`);
const stackSsr = total([measure(`${OUT}/littlefoot.min.js`, 'littlefoot'), stackCss], 'JS stack, server-rendered: littlefoot + its CSS (besides the HTML)');

const kb = (n) => (n / 1024).toFixed(1);
const table = (rows) => [
  '| file | raw KB | gzip -9 KB | brotli -q 11 KB |',
  '| --- | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.label} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`),
].join('\n');

// Where the wasm's bytes go. The product build keeps no names; the per-function view needs a
// build with names (bench/flags.sh keeps one per flag set; make size links one when asked).
const prof = profileWasm(readFileSync(ROOT + widgetFiles[0]));
const sectionRows = prof.sections.map((s) => `| ${s.name} | ${s.size} |`);

const KB = 1024;
const verdict = (value, limit) => (value <= limit ? `met (${kb(limit - value)} KB under)` : `missed by ${kb(value - limit)} KB`);
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const lines = [];
lines.push('### Targets (issue 16)');
lines.push('');
lines.push('| target | measured, brotli -q 11 | JS stack, same run | verdict |');
lines.push('| --- | ---: | --- | --- |');
lines.push(`| client-rendered article ≤ 90 KB (wasm + JS + CSS) | ${kb(widgetTotal.brotli)} KB | ${kb(stackTotal.brotli)} KB: widget ${ratio(widgetTotal.brotli, stackTotal.brotli)} | ${verdict(widgetTotal.brotli, 90 * KB)} |`);
lines.push(`| moonshot ≤ 60 KB | ${kb(widgetTotal.brotli)} KB | | ${verdict(widgetTotal.brotli, 60 * KB)} |`);
if (ssr.ok) {
  lines.push(`| server-rendered page ≤ 20 KB (what the page loads: ${ssr.files.map((f) => f.label).join(', ')}) | ${kb(ssr.total.brotli)} KB | ${kb(stackSsr.brotli)} KB besides its HTML (littlefoot + CSS) | ${verdict(ssr.total.brotli, 20 * KB)} |`);
  const fetched = ssr.wasmFetched || ssr.renderFetched;
  lines.push(`| server-rendered page: the wasm and the render chunk never fetched | ${fetched ? `**fetched**: ${[ssr.wasmFetched && 'the wasm', ssr.renderFetched && 'the render chunk'].filter(Boolean).join(', ')}` : 'not fetched'}: ${ssr.requests.length} requests in headless Chromium until hydrated (${ssr.requests.join(', ')}) | | ${fetched ? 'missed' : 'met'} |`);
} else {
  lines.push(`| server-rendered page ≤ 20 KB | not measured: ${ssr.error} | | |`);
}
lines.push('');
lines.push('### Bytes a reader downloads');
lines.push('');
lines.push(table([...summary, widgetTotal, sources, stackJs, stackCss, stackTotal]));
lines.push('');
if (ssr.ok) {
  lines.push('Server-rendered page (the seed article, `shell: "page"`):');
  lines.push('');
  lines.push(table([...ssr.files, { ...ssr.total, label: '**server-rendered page, total**' }]));
  lines.push('');
}
const readerArg = process.argv.indexOf('--reader');
const readerFile = readerArg > 0 ? process.argv[readerArg + 1] : null;
if (readerFile && existsSync(readerFile)) {
  const reader = measure(readerFile, `reader module (${readerFile.replace(ROOT, '')}: only what the shim calls, no page shell or index page; not shipped)`);
  lines.push(table([{ ...widget[0], label: 'wasm as shipped (the full module)' }, reader]));
  lines.push('');
}
lines.push('<details><summary>Every file</summary>');
lines.push('');
lines.push(table(widget));
lines.push('');
lines.push('</details>');
lines.push('');
lines.push('### The wasm, by section');
lines.push('');
lines.push('| section | bytes |');
lines.push('| --- | ---: |');
lines.push(...sectionRows);
const namesArg = process.argv.indexOf('--names');
const namesFile = namesArg > 0 ? process.argv[namesArg + 1] : null;
if (namesFile && existsSync(namesFile)) {
  // The same objects and flags linked with --profiling-funcs (names kept): code by origin.
  const wasm = readFileSync(namesFile);
  const np = profileWasm(wasm);
  const br = (parts) => brotliOf(Buffer.concat(parts.map((x) => wasm.subarray(x.start, x.end))));
  const groups = new Map();
  for (const f of np.functions) {
    const o = originOf(f.name);
    if (!groups.has(o)) groups.set(o, []);
    groups.get(o).push(f);
  }
  const code = np.functions.reduce((a, f) => a + f.size, 0);
  lines.push('');
  lines.push(`### The wasm's code and data, by origin (${namesFile.replace(ROOT, '')}: same build, names kept)`);
  lines.push('');
  lines.push('Brotli of each group compressed on its own (so the column does not add up exactly to the whole).');
  lines.push('');
  lines.push('| origin | functions | code bytes | share | brotli KB |');
  lines.push('| --- | ---: | ---: | ---: | ---: |');
  for (const [o, fs] of [...groups].sort((a, b) => b[1].reduce((t, f) => t + f.size, 0) - a[1].reduce((t, f) => t + f.size, 0))) {
    const bytes = fs.reduce((t, f) => t + f.size, 0);
    lines.push(`| ${o} | ${fs.length} | ${bytes} | ${(100 * bytes / code).toFixed(1)} % | ${kb(br(fs))} |`);
  }
  lines.push(`| data segments (string literals, cmark's entity table, labels) | ${np.dataSegments.length} | ${np.dataSegments.reduce((t, d) => t + d.size, 0)} | | ${kb(br(np.dataSegments))} |`);
  lines.push('');
  lines.push('Largest functions:');
  lines.push('');
  lines.push('| code bytes | brotli bytes | function |');
  lines.push('| ---: | ---: | --- |');
  for (const f of [...np.functions].sort((a, b) => b.size - a.size).slice(0, 15)) {
    const name = f.name.replace(/nlohmann::json_abi_v3_11_2::/g, 'nlohmann::').replace(/std::__2::basic_string<char, std::__2::char_traits<char>, std::__2::allocator<char> >/g, 'std::string').replace(/std::__2::/g, 'std::');
    lines.push(`| ${f.size} | ${br([f])} | \`${name.length > 110 ? name.slice(0, 110) + '…' : name}\` |`);
  }
}
const text = lines.join('\n');
console.log(asMarkdown ? text : text.replace(/\*\*/g, ''));
writeFileSync(`${OUT}/size.md`, text + '\n');
if (process.argv.includes('--doc')) {
  const path = `${ROOT}docs/PERFORMANCE.md`;
  const BEGIN = '<!-- BEGIN GENERATED BY make size: do not edit by hand -->';
  const END = '<!-- END GENERATED BY make size -->';
  let doc = existsSync(path) ? readFileSync(path, 'utf8') : '# Performance\n';
  if (!doc.includes(BEGIN)) doc += `\n## Size\n\n${BEGIN}\n${END}\n`;
  const head = `Command: \`make size\` (= \`node bench/size.js --names build/wasm/names/article-widget-core-names.wasm --reader build/wasm/reader/article-widget-reader.wasm --doc\` after \`make build\`; ~1 min when the build is current). ${new Date().toISOString().slice(0, 10)}.\n\n`;
  doc = doc.slice(0, doc.indexOf(BEGIN) + BEGIN.length) + '\n' + head + text + '\n' + doc.slice(doc.indexOf(END));
  writeFileSync(path, doc);
  console.error('[size] docs/PERFORMANCE.md updated');
}
