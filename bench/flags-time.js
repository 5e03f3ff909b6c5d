// Times several builds of the module in one Node process, rounds interleaved across builds (so
// machine noise hits all alike): µs per seed render, per seed Markdown render, per 1 MB render,
// all through the public API. Used by bench/flags.sh.
//   node bench/flags-time.js name=web-dir […]   → JSON { name: { render, renderMarkdown, render1mb } }
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadInputs } from './lib/inputs.js';
import { runInterleaved } from './lib/timing.js';

const [seed, , gen] = loadInputs({ withScaled: false });
const builds = [];
for (const arg of process.argv.slice(2)) {
  const [name, dir] = arg.split('=');
  const { loadWidget } = await import(pathToFileURL(`${resolve(dir)}/index.js`).href);
  builds.push({ name, w: await loadWidget() });
}
const subjects = builds.flatMap(({ name, w }) => [
  { name: `${name}\trender`, fn: () => w.render(seed.json) },
  { name: `${name}\trenderMarkdown`, fn: () => w.renderMarkdown(seed.markdown) },
]);
const small = runInterleaved(subjects, { rounds: Number(process.env.ROUNDS ?? 21), roundMs: 50, warmupMs: 300 });
const big = runInterleaved(builds.map(({ name, w }) => ({ name: `${name}\trender1mb`, fn: () => w.render(gen.json, gen.options) })),
  { rounds: Number(process.env.ROUNDS ?? 21) > 11 ? 11 : 5, roundMs: 150, warmupMs: 400 });
const out = {};
for (const [key, st] of [...small, ...big]) {
  const [name, what] = key.split('\t');
  (out[name] ??= {})[what] = Math.round(st.median * 10) / 10;
  out[name][`${what}Iqr`] = [Math.round(st.q1), Math.round(st.q3)];
}
console.log(JSON.stringify(out));
