// Memory through the public API: wasm linear memory (what the page pays) after 100 and after
// 10 000 renders must be equal (no leak, no creeping fragmentation), for the seed article, the
// error path and a mix with the 1 MB article. Prints JSON (bench/run.js puts it in the report).
//   node bench/memory.js [--quick]
import { loadInputs } from './lib/inputs.js';

// The glue instantiates with WebAssembly.instantiate; keep a handle on the instance's memory.
let memory = null;
const instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = async function (...args) {
  const result = await instantiate.apply(this, args);
  const instance = result.instance ?? result;
  memory = Object.values(instance.exports).find((e) => e instanceof WebAssembly.Memory) ?? memory;
  return result;
};

const quick = process.argv.includes('--quick');
const { loadWidget } = await import('../web/index.js');
const [seed, , gen] = loadInputs({ withScaled: false });
const bad = seed.json.replace('"title"', '"title": 3, "x"'); // invalid: errors, no HTML
const size = () => memory.buffer.byteLength;

const w = await loadWidget();
const initial = size();
const rows = [];
const run = (what, total, fn) => {
  let done = 0;
  const marks = total > 1000 ? [100, 1000, total] : [100, total];
  for (const mark of marks) {
    for (; done < mark; done++) fn(done);
    rows.push({ what, renders: mark, bytes: size() });
  }
};
w.render(seed.json);
const afterFirstSeed = size();
run('seed article, w.render', quick ? 1000 : 10000, () => w.render(seed.json));
run('invalid article (error path)', quick ? 1000 : 10000, () => w.render(bad));
run('w.renderMarkdown on the seed Markdown', quick ? 1000 : 10000, () => w.renderMarkdown(seed.markdown));
// The large article grows the heap once; after that it must stay put.
run('mix: every 100th render is the 1 MB article', quick ? 1000 : 10000, (i) => (i % 100 === 0 ? w.render(gen.json, gen.options) : w.render(seed.json)));
// Growth from 100 to the last mark, per scenario (the mix also from 1 000 on: the allocator's
// free lists settle after the second large render).
const groups = rows.reduce((m, r) => ((m[r.what] ??= []).push(r), m), {});
const growthOf = Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, { from100: v.at(-1).bytes - v[0].bytes, from1000: v.at(-1).bytes - v[v.length > 2 ? 1 : 0].bytes }]));
const growth = Object.entries(growthOf).filter(([k]) => !k.startsWith('mix')).reduce((g, [, v]) => g + v.from100, 0);
console.log(JSON.stringify({ initial, afterFirstSeed, rows, growthOf, growth }));
