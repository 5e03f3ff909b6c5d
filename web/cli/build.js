// `article-widget build SRC_DIR --out OUT_DIR`: a whole site in one command.
//
// Every *.json under SRC_DIR is an article (dot-files and node_modules/ skipped). Each is rendered by the core (validation and HTML in
// one pass: the core reports every problem of an article while rendering it) into a standalone
// page: the core's page shell (server-rendered element, JSON-LD, Open Graph and Twitter card
// tags, the canonical link under --base-url), the script and the stylesheet linked by
// content-hashed names with their integrity (web/cli/assets.js), and an index page of the
// articles (the core's renderIndex). Pages mirror the sources: SRC/a/b.json → OUT/a/b.html.
//
// Nothing half-written: the site is built in a folder beside OUT and renamed onto it only when
// every article is valid; any error (all of them printed, located, per file) exits 1 and leaves
// OUT as it was. Work is spread over worker threads (web/cli/build-worker.js, one wasm instance
// each). Incremental: OUT/.article-widget-build.json records the tool version, the options, the
// assets and each input's SHA-256; an unchanged input's page is carried over (hard-linked), not
// rendered again; with nothing changed, nothing is written.
import { createHash, randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, posix, resolve, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { loadWidget } from '../index.js';
import { hashedName, integrity, pinAssets, readBrowserFiles, writeAssets } from './assets.js';
import { formatProblem } from './problems.js';

export const BUILD_USAGE =
  'article-widget build SRC_DIR --out OUT_DIR [--base-url URL] [--title TEXT] [--lang TAG] [--publisher NAME] [--dom shadow|light] [--jobs N] [--force]';
const MANIFEST = '.article-widget-build.json';
const ASSET_DIR = 'assets';
const INDEX_CSS = 'article-widget-index.css';
const TOOL = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

function parseArgs(args, usageError) {
  const o = { src: null, out: null, baseUrl: '', title: 'Articles', lang: 'en', publisher: '', dom: 'shadow', jobs: availableParallelism(), force: false };
  const valued = { '--out': 'out', '--base-url': 'baseUrl', '--title': 'title', '--lang': 'lang', '--publisher': 'publisher', '--dom': 'dom', '--jobs': 'jobs' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--force') o.force = true;
    else if (arg in valued) {
      if (i + 1 >= args.length) return usageError(`${arg} needs a value`);
      o[valued[arg]] = args[++i];
    } else if (arg.startsWith('-')) return usageError(`unknown option ${arg}`);
    else if (o.src) return usageError('build takes one SRC_DIR');
    else o.src = arg;
  }
  if (!o.src) return usageError('build needs a SRC_DIR');
  if (!o.out) return usageError('build needs --out OUT_DIR');
  if (o.dom !== 'shadow' && o.dom !== 'light') return usageError(`--dom is shadow or light (${o.dom})`);
  o.jobs = Number(o.jobs);
  if (!Number.isInteger(o.jobs) || o.jobs < 1) return usageError('--jobs must be a whole number ≥ 1');
  if (o.baseUrl) {
    let url;
    try {
      url = new URL(o.baseUrl);
    } catch {
      // not a URL: reported just below
    }
    if (!url || !/^https?:$/.test(url.protocol)) return usageError(`--base-url must be an absolute http(s) URL (${o.baseUrl})`);
    o.baseUrl = url.href.endsWith('/') ? url.href : `${url.href}/`;
  }
  o.src = resolve(o.src);
  o.out = resolve(o.out);
  if (o.out === o.src || o.out.startsWith(o.src + sep)) return usageError('--out must not be inside SRC_DIR');
  return o;
}

async function articleFiles(dir, rel = '') {
  const found = [];
  for (const entry of (await readdir(join(dir, rel), { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const r = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    if (entry.isDirectory()) found.push(...(await articleFiles(dir, r)));
    else if (entry.isFile() && entry.name.endsWith('.json')) found.push(r);
  }
  return found;
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

async function readManifest(out) {
  try {
    return JSON.parse(await readFile(join(out, MANIFEST), 'utf8'));
  } catch {
    return null;
  }
}

/** Progress on a terminal: one line redrawn; elsewhere a plain line every tenth. */
function progress(total) {
  const tty = process.stderr.isTTY;
  const started = Date.now();
  let shown = 0;
  let lastDraw = 0;
  return {
    tick(done) {
      const now = Date.now();
      if (tty) {
        if (done < total && now - lastDraw < 100) return;
        lastDraw = now;
        const width = 30;
        const filled = Math.round((done / total) * width);
        const rate = done / Math.max((now - started) / 1000, 0.001);
        process.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} articles, ${rate.toFixed(0)}/s `);
        if (done === total) process.stderr.write('\n');
      } else if (done === total || done * 10 >= (shown + 1) * total) {
        shown = Math.floor((done * 10) / total);
        process.stderr.write(`rendered ${done}/${total} articles\n`);
      }
    },
  };
}

/** Renders the jobs on `workers` threads (each kept in `live` while it runs); calls
 *  onResult(result) as each article finishes. */
async function renderAll(jobs, workers, live, onResult) {
  if (!jobs.length) return;
  const count = Math.min(workers, jobs.length);
  let next = 0;
  let failed = false; // after an error, the rest is validated only: no page will be kept
  const pool = Array.from({ length: count }, () => {
    const worker = new Worker(new URL('./build-worker.js', import.meta.url));
    live.add(worker);
    worker.once('exit', () => live.delete(worker));
    let inFlight = 0;
    const send = () => {
      if (next >= jobs.length) return false;
      worker.postMessage({ ...jobs[next++], write: !failed });
      inFlight++;
      return true;
    };
    const finished = new Promise((done, reject) => {
      const stop = () => worker.terminate().then(done, done);
      worker.on('message', (result) => {
        inFlight--;
        failed ||= !result.ok;
        onResult(result);
        if (!send() && !inFlight) stop();
      });
      worker.on('error', reject);
    });
    return { send, finished };
  });
  // Two in flight per worker, dealt round by round (so each of the `count` workers gets one): it
  // never waits for the main thread between articles.
  for (let round = 0; round < 2; round++) for (const w of pool) w.send();
  await Promise.all(pool.map((w) => w.finished));
}

export async function buildCommand(args, usageError) {
  const o = parseArgs(args, usageError);
  if (typeof o === 'number') return o;
  const started = Date.now();
  let files;
  try {
    files = await articleFiles(o.src);
  } catch (e) {
    console.error(`article-widget: cannot read ${o.src}: ${e.code ?? e.message}`);
    return 1;
  }
  if (!files.length) {
    console.error(`article-widget: no .json articles in ${o.src}`);
    return 1;
  }
  if (files.includes('index.json')) {
    console.error(`${join(o.src, 'index.json')}: its page would be the site's index page (index.html): rename it`);
    return 1;
  }

  const assets = pinAssets(await readBrowserFiles(), { hash: true });
  // The index page's own small stylesheet, an asset like the others (hashed, linked with integrity).
  const indexCss = await readFile(new URL(`./${INDEX_CSS}`, import.meta.url));
  assets.index = { name: INDEX_CSS, bytes: indexCss, integrity: integrity(indexCss), file: hashedName(INDEX_CSS, indexCss) };
  const settings = { tool: `${TOOL.name}@${TOOL.version}`, baseUrl: o.baseUrl, title: o.title, lang: o.lang, publisher: o.publisher, dom: o.dom, assets: Object.values(assets).map((a) => a.integrity) };
  const key = sha256(JSON.stringify(settings));
  // OUT is replaced whole: only a folder this command wrote (its manifest) or an empty one.
  const manifest = await readManifest(o.out);
  if (!manifest && (await readdir(o.out).catch(() => [])).length) {
    console.error(`article-widget: ${o.out} is not empty and was not written by article-widget build (no ${MANIFEST}): it would be replaced; choose another --out`);
    return 1;
  }
  const old = o.force ? null : manifest;
  const previous = old?.key === key ? old.pages : {};

  const pages = {};
  const changed = [];
  await eachLimit(files, async (rel) => {
    const bytes = await readFile(join(o.src, rel));
    const input = sha256(bytes);
    const page = rel.replace(/\.json$/, '.html');
    const before = previous[rel];
    if (before?.input === input && before.page === page && (await exists(join(o.out, page)))) pages[rel] = before;
    else changed.push({ rel, bytes, input, page });
  });
  const jobs = changed.sort((a, b) => (a.rel < b.rel ? -1 : 1));
  const unchanged = files.length - jobs.length;
  if (!jobs.length && old && Object.keys(old.pages).length === files.length) {
    console.log(`${o.out}: up to date (${files.length} articles unchanged)`);
    return 0;
  }

  const temp = join(dirname(o.out), `.${basename(o.out)}.building-${process.pid}-${randomBytes(4).toString('hex')}`);
  const cleanUp = () => rm(temp, { recursive: true, force: true });
  const live = new Set(); // worker threads: stopped before the temporary folder goes (they write into it)
  const interrupted = () => {
    Promise.all([...live].map((w) => w.terminate()))
      .then(cleanUp)
      .finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    await mkdir(temp, { recursive: true });
    await writeAssets(assets, join(temp, ASSET_DIR));
    // The pages carried over, linked (no bytes copied) into the new site.
    const made = new Map();
    const folder = (dir) => made.get(dir) ?? made.set(dir, mkdir(dir, { recursive: true })).get(dir);
    await eachLimit(Object.values(pages), async ({ page }) => {
      await folder(dirname(join(temp, page)));
      await link(join(o.out, page), join(temp, page)).catch(() => copyFile(join(o.out, page), join(temp, page)));
    });

    const byRel = new Map(jobs.map((j) => [j.rel, j]));
    const bar = progress(jobs.length);
    let done = 0;
    let errorFiles = 0;
    let warnings = 0;
    const display = (rel) => join(o.src, rel);
    await renderAll(
      jobs.map((j) => ({
        rel: j.rel,
        bytes: j.bytes,
        out: join(temp, j.page),
        options: renderOptions(o, assets, j.page),
      })),
      o.jobs,
      live,
      (r) => {
        bar.tick(++done);
        const problems = [...r.errors, ...r.warnings];
        if (problems.length && process.stderr.isTTY) process.stderr.write('\r\x1b[K');
        for (const p of problems) console.error(formatProblem(display(r.rel), p));
        warnings += r.warnings.length;
        if (!r.ok) errorFiles++;
        else {
          const job = byRel.get(r.rel);
          pages[r.rel] = { input: job.input, page: job.page, meta: r.meta };
        }
      },
    );
    if (errorFiles) {
      console.error(`article-widget: ${errorFiles} of ${files.length} articles have errors; nothing was written (${o.out} is as it was)`);
      await cleanUp();
      return 1;
    }

    const index = await renderIndex(o, assets.index, files.map((rel) => pages[rel]));
    if (!index.ok) {
      for (const p of index.errors) console.error(formatProblem('index', p));
      await cleanUp();
      return 1;
    }
    await writeFile(join(temp, 'index.html'), index.html);
    await writeFile(join(temp, MANIFEST), `${JSON.stringify({ key, settings, pages }, null, 1)}\n`);

    // The switch: the old site is moved aside, the new one takes its name, the old one goes.
    const aside = `${temp}.old`;
    const hadOut = await exists(o.out);
    if (hadOut) await rename(o.out, aside);
    await rename(temp, o.out);
    if (hadOut) await rm(aside, { recursive: true, force: true });

    const seconds = (Date.now() - started) / 1000;
    console.log(
      `${o.out}: ${files.length} articles (${jobs.length} rendered, ${unchanged} unchanged${warnings ? `, ${warnings} warnings` : ''}), ` +
        `index.html, ${ASSET_DIR}/ — ${seconds.toFixed(1)} s, ${(jobs.length / seconds).toFixed(0)} articles/s on ${Math.min(o.jobs, jobs.length)} threads`,
    );
    return 0;
  } catch (e) {
    await cleanUp();
    throw e;
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
}

/** The core's page options for one page: links relative to it, so the site works under any path. */
function renderOptions(o, assets, page) {
  const up = (file) => posix.relative(posix.dirname(page), `${ASSET_DIR}/${file}`);
  return {
    shell: 'page',
    ...(o.baseUrl && { canonicalUrl: new URL(page, o.baseUrl).href }),
    ...(o.publisher && { publisher: { name: o.publisher, ...(o.baseUrl && { url: o.baseUrl }) } }),
    scriptSrc: up(assets.script.file),
    scriptIntegrity: assets.script.integrity,
    dom: o.dom,
    // Light mode's markup is in the page's DOM: its stylesheet is the scoped one.
    stylesheetHref: up((o.dom === 'light' ? assets.lightCss : assets.css).file),
    stylesheetIntegrity: (o.dom === 'light' ? assets.lightCss : assets.css).integrity,
  };
}

async function renderIndex(o, stylesheet, pages) {
  const w = await loadWidget();
  const articles = pages
    .map(({ page, meta: { title, description, kicker, published, readingMinutes, lang, dir } }) => ({ href: page, title, description, kicker, published, readingMinutes, lang, dir }))
    .map((a) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== '')))
    .sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || a.title.localeCompare(b.title));
  const options = { stylesheetHref: `${ASSET_DIR}/${stylesheet.file}`, stylesheetIntegrity: stylesheet.integrity };
  return w.renderIndex({ lang: o.lang, title: o.title, articles }, o.baseUrl ? { ...options, canonicalUrl: o.baseUrl } : options);
}

/** fn over every item, at most `limit` at a time (file system work: the thread pool has 4). */
async function eachLimit(items, fn, limit = 16) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}

async function exists(path) {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
