// `article-widget build SRC --out OUT` (issue 15): a whole site in one command, run as a
// developer would (a child process on the real wasm build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadWidget } from '../../web/index.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(repo, 'web/bin/article-widget.js');
const cli = (...args) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
const examples = readdirSync(join(repo, 'examples')).filter((f) => f.endsWith('.json'));
const work = mkdtempSync(join(tmpdir(), 'aw-build-'));
const src = join(work, 'src');
const out = join(work, 'site');
// The examples, one of them one folder down (pages mirror the sources).
mkdirSync(join(src, 'films'), { recursive: true });
for (const f of examples) cpSync(join(repo, 'examples', f), join(src, f === 'la-la-land.json' ? 'films/la-la-land.json' : f));
const pages = examples.map((f) => (f === 'la-la-land.json' ? 'films/la-la-land.html' : f.replace('.json', '.html')));
const sri = (file) => `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;
const inode = (p) => statSync(join(out, p)).ino;
const build = (...extra) => cli('build', src, '--out', out, '--base-url', 'https://reviews.test/site', '--publisher', 'Reviews & Co', ...extra);

test('build: one standalone page per article (the core\'s page shell), hashed assets with integrity, an index', async () => {
  const r = build();
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`: ${examples.length} articles \\(${examples.length} rendered, 0 unchanged\\)`));
  const assets = readdirSync(join(out, 'assets')).sort();
  assert.equal(assets.length, 6);
  for (const a of assets) assert.match(a, /^article-widget(-core|-index|-render|\.light)?\.[0-9a-f]{16}\.(js|wasm|css)$/);
  const script = assets.find((a) => /^article-widget\.[0-9a-f]+\.js$/.test(a));
  const css = assets.find((a) => /^article-widget\.[0-9a-f]+\.css$/.test(a));
  const indexCss = assets.find((a) => a.startsWith('article-widget-index.'));
  const w = await loadWidget();
  for (const page of pages) {
    const html = readFileSync(join(out, page), 'utf8');
    const up = page.includes('/') ? '../' : '';
    const source = readFileSync(join(src, page.replace('.html', '.json')), 'utf8');
    // Exactly what the core renders for this page: nothing is assembled in JavaScript.
    const expected = w.render(source, {
      shell: 'page',
      canonicalUrl: `https://reviews.test/site/${page}`,
      publisher: { name: 'Reviews & Co', url: 'https://reviews.test/site/' },
      scriptSrc: `${up}assets/${script}`,
      scriptIntegrity: sri(join(out, 'assets', script)),
      stylesheetHref: `${up}assets/${css}`,
      stylesheetIntegrity: sri(join(out, 'assets', css)),
    });
    assert.equal(html, expected.html, page);
    assert.match(html, new RegExp(`<link rel="canonical" href="https://reviews.test/site/${page}">`));
    assert.match(html, /<meta property="og:title" content="[^"]+">/);
    // A page with a hero image gets the large card (the image is og:image's).
    assert.match(html, html.includes('property="og:image"') ? /<meta name="twitter:card" content="summary_large_image">/ : /<meta name="twitter:card" content="summary">/);
    assert.match(html, /<meta property="og:site_name" content="Reviews &amp; Co">/);
    assert.match(html, /<script type="application\/ld\+json">/);
    assert.match(html, new RegExp(`<script type="module" src="${up}assets/${script.replace(/\./g, '\\.')}" integrity="sha384-`));
    assert.match(html, /<template shadowrootmode="open">\n<link rel="stylesheet" href="[^"]+" integrity="sha384-[^"]+" crossorigin="anonymous">/);
  }
  const index = readFileSync(join(out, 'index.html'), 'utf8');
  for (const page of pages) assert.ok(index.includes(`<a href="${page}">`), `index lacks ${page}`);
  assert.match(index, /<article lang="he" dir="rtl">/);
  assert.match(index, /<link rel="canonical" href="https:\/\/reviews.test\/site\/">/);
  // Styled: its own small stylesheet, pinned like the other assets.
  assert.ok(index.includes(`<link rel="stylesheet" href="assets/${indexCss}" integrity="${sri(join(out, 'assets', indexCss))}" crossorigin="anonymous">`));
  // Newest first.
  const dates = [...index.matchAll(/<time datetime="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(dates, [...dates].sort().reverse());
  assert.deepEqual(readdirSync(work).sort(), ['site', 'src'], 'a temporary folder was left beside OUT');
});

test('build is incremental: unchanged inputs are not rendered again; with nothing changed nothing is written', () => {
  const before = Object.fromEntries(pages.map((p) => [p, inode(p)]));
  let r = build();
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /up to date \(\d+ articles unchanged\)/);
  for (const p of pages) assert.equal(inode(p), before[p]);
  // One article edited: only its page is rendered; the others are the same files, carried over.
  const edited = join(src, 'films/la-la-land.json');
  const json = JSON.parse(readFileSync(edited, 'utf8'));
  json.title = 'La La Land, edited';
  writeFileSync(edited, JSON.stringify(json));
  r = build();
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`\\(1 rendered, ${pages.length - 1} unchanged\\)`));
  for (const p of pages) {
    if (p === 'films/la-la-land.html') assert.notEqual(inode(p), before[p]);
    else assert.equal(inode(p), before[p], `${p} was rendered again`);
  }
  assert.match(readFileSync(join(out, 'films/la-la-land.html'), 'utf8'), /<title>La La Land, edited<\/title>/);
  assert.match(readFileSync(join(out, 'index.html'), 'utf8'), />La La Land, edited<\/a>/);
  // Other options are another site: everything is rendered again (so is --force).
  r = cli('build', src, '--out', out, '--base-url', 'https://other.test/');
  assert.match(r.stdout, new RegExp(`\\(${pages.length} rendered, 0 unchanged\\)`));
  assert.match(readFileSync(join(out, 'index.html'), 'utf8'), /https:\/\/other.test\//);
  r = cli('build', src, '--out', out, '--base-url', 'https://other.test/', '--force');
  assert.match(r.stdout, new RegExp(`\\(${pages.length} rendered, 0 unchanged\\)`));
});

test('build: any invalid article → every problem of every file, located; exit 1; OUT as it was', () => {
  const snapshot = () => Object.fromEntries(['index.html', ...pages].map((p) => [p, readFileSync(join(out, p), 'utf8')]));
  const before = snapshot();
  const bad = join(src, 'bad');
  mkdirSync(bad);
  writeFileSync(join(bad, 'one.json'), '{\n  "id": "one",\n  "title": 7,\n}\n');
  writeFileSync(join(bad, 'two.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(src, 'deep-guide.json'), 'utf8')), id: 'two', lang: 'xx-!!' }));
  try {
    const r = cli('build', src, '--out', out, '--base-url', 'https://other.test/');
    assert.equal(r.status, 1);
    assert.match(r.stderr, new RegExp(`${join(bad, 'one.json').replace(/[/.]/g, '\\$&')}:3:13: json-syntax: `));
    assert.match(r.stderr, new RegExp(`${join(bad, 'two.json').replace(/[/.]/g, '\\$&')}:1:\\d+: invalid-language: .*\\(at /lang\\)`));
    assert.match(r.stderr, /2 of \d+ articles have errors; nothing was written/);
    assert.deepEqual(snapshot(), before);
    assert.equal(existsSync(join(out, 'bad')), false);
    assert.deepEqual(readdirSync(work).sort(), ['site', 'src'], 'a temporary folder was left beside OUT');
  } finally {
    spawnSync('rm', ['-r', bad]);
  }
});

test('build: progress is a redrawn bar on a terminal and plain lines elsewhere', () => {
  const plain = cli('build', src, '--out', join(work, 'plain'), '--force');
  assert.equal(plain.status, 0, plain.stderr);
  assert.match(plain.stderr, new RegExp(`^(rendered \\d+/${pages.length} articles\\n)+$`));
  assert.doesNotMatch(plain.stderr, /\r/);
  // On a pseudo-terminal (util-linux `script`): carriage returns and a bar.
  const cmd = [process.execPath, bin, 'build', src, '--out', join(work, 'tty'), '--force'].map((a) => `'${a}'`).join(' ');
  const tty = spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8' });
  assert.equal(tty.status, 0, tty.stdout);
  assert.match(tty.stdout, new RegExp(`\\r\\[#{30}\\] ${pages.length}/${pages.length} articles, \\d+/s`));
  spawnSync('rm', ['-r', join(work, 'plain'), join(work, 'tty')]);
});

test('build interrupted (SIGINT) mid-way: exit 130, no temporary folder, OUT as it was', async () => {
  // 200 copies of each example under other names, so the build is far from done when its first
  // progress line (a tenth rendered) arrives and the signal is sent.
  const many = join(work, 'many');
  for (let i = 0; i < 200; i++) for (const f of examples) cpSync(join(repo, 'examples', f), join(many, `${i}-${f}`));
  const firstProgress = new RegExp(`^rendered \\d+/${200 * examples.length} articles$`, 'm');
  const before = readdirSync(out).sort();
  const child = spawn(process.execPath, [bin, 'build', many, '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const code = await new Promise((resolve) => {
    child.stderr.on('data', (d) => {
      stderr += d;
      if (firstProgress.test(stderr)) child.kill('SIGINT');
    });
    child.on('exit', (c) => resolve(c));
  });
  assert.equal(code, 130, stderr);
  assert.deepEqual(readdirSync(out).sort(), before);
  assert.deepEqual(readdirSync(work).sort(), ['many', 'site', 'src'], 'a temporary folder was left beside OUT');
  spawnSync('rm', ['-r', many]);
});

test('build never replaces a folder it did not write', () => {
  const mine = join(work, 'mine');
  mkdirSync(mine);
  writeFileSync(join(mine, 'notes.txt'), 'keep me');
  const r = cli('build', src, '--out', mine);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /is not empty and was not written by article-widget build/);
  assert.deepEqual(readdirSync(mine), ['notes.txt']);
  spawnSync('rm', ['-r', mine]);
});

test('build: usage errors are named, exit 2', () => {
  for (const [args, message] of [
    [['build', src], /build needs --out OUT_DIR/],
    [['build', '--out', out], /build needs a SRC_DIR/],
    [['build', src, '--out', out, '--base-url', 'reviews.test'], /--base-url must be an absolute http\(s\) URL/],
    [['build', src, '--out', out, '--jbos', '2'], /unknown option --jbos/],
    [['build', src, '--out', join(src, 'site')], /--out must not be inside SRC_DIR/],
  ]) {
    const r = cli(...args);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, message);
  }
});

test('build --dom light: each page holds the article in the element\'s light DOM, linking the light stylesheet', () => {
  const lightOut = join(work, 'light-site');
  try {
    const r = cli('build', src, '--out', lightOut, '--dom', 'light', '--jobs', '1');
    assert.equal(r.status, 0, r.stderr);
    const css = readdirSync(join(lightOut, 'assets')).find((a) => a.includes('.light.'));
    const html = readFileSync(join(lightOut, 'films/la-la-land.html'), 'utf8');
    assert.ok(html.includes(`<article-widget dom="light" data-aw-ssr>\n<link rel="stylesheet" href="../assets/${css}" integrity="${sri(join(lightOut, 'assets', css))}" crossorigin="anonymous">\n<article class="aw-article"`));
    assert.equal(html.includes('<template'), false);
    assert.equal(cli('build', src, '--out', lightOut, '--dom', 'iframe').status, 2);
  } finally {
    rmSync(lightOut, { recursive: true, force: true });
  }
});
