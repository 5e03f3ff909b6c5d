// Throughput of `article-widget build` (docs/PERFORMANCE.md, "A whole site"):
//   node bench/site-build.js [count=10000] [bytes=16000] [--jobs N]
// Generates `count` distinct valid articles of about `bytes` each (bench/gen-article.js, one seed
// per article) into build/bench-site/src (kept between runs: generated once), then times three
// builds of the CLI as a publisher runs it: cold (empty OUT), again with nothing changed, and
// after 1 % of the articles changed. Prints articles per second for each.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateArticle } from './gen-article.js';

const repo = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const jobsAt = args.indexOf('--jobs');
const jobs = jobsAt >= 0 ? args.splice(jobsAt, 2)[1] : String(availableParallelism());
const count = Number(args[0] ?? 10000);
const bytes = Number(args[1] ?? 16000);
const root = join(repo, 'build/bench-site');
const src = join(root, `src-${count}-${bytes}`);
const out = join(root, 'out');

const article = (i, edit = '') => {
  const a = JSON.parse(generateArticle(bytes, 1000 + i));
  a.id = `article-${i}`;
  a.title = `Article ${i}${edit}: ${a.title}`;
  a.published = `20${10 + (i % 16)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  delete a.updated;
  return JSON.stringify(a);
};
const fileOf = (i) => join(src, `section-${i % 100}`, `article-${i}.json`);

if (!existsSync(src) || readdirSync(src).length === 0) {
  const t = Date.now();
  for (let i = 0; i < count; i++) {
    mkdirSync(join(src, `section-${i % 100}`), { recursive: true });
    writeFileSync(fileOf(i), article(i));
  }
  console.log(`generated ${count} articles of ~${bytes} bytes in ${((Date.now() - t) / 1000).toFixed(1)} s (${src})`);
}
// The 1 % edited by the previous run are put back, so every run starts from the same inputs.
for (let i = 0; i < count; i += 100) writeFileSync(fileOf(i), article(i));

const run = (label) => {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(repo, 'web/bin/article-widget.js'), 'build', src, '--out', out, '--jobs', jobs, '--base-url', 'https://bench.test/'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) throw new Error(`${label}: exit ${r.status}\n${r.stderr.slice(-2000)}`);
  const rendered = Number(r.stdout.match(/\((\d+) rendered/)?.[1] ?? 0);
  console.log(`${label.padEnd(34)} ${s.toFixed(2).padStart(7)} s  ${rendered} rendered  ${(count / s).toFixed(0).padStart(6)} articles/s (of ${count})  ${r.stdout.trim().split('\n').at(-1).replace(/^.*? — /, '')}`);
};

console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, --jobs ${jobs}`);
rmSync(out, { recursive: true, force: true });
run('cold build (empty OUT)');
run('again, nothing changed');
for (let i = 0; i < count; i += 100) writeFileSync(fileOf(i), article(i, ' (edited)'));
run('1 % of the articles changed');
