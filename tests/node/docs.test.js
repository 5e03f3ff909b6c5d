// Every fenced code block in README.md and docs/*.md is exercised by a test (issue 6). Blocks are
// read from the Markdown at test time and identified by file, language and the heading above
// them; a block no handler claims fails the suite, so a new snippet needs a test to land.
// Blocks that need a browser (embed, SSR hydration, theming, CSP) are claimed here and run by
// tests/browser/docs.test.js, which must name them (checked below).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { parseFragment } from 'parse5';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { loadWidget } from '../../web/index.js';
import { DOC_FILES, docBlocks, keyOf } from './lib/doc-blocks.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const read = (rel) => readFileSync(join(repo, rel), 'utf8');
const seedText = read('examples/la-la-land.json');
const seed = JSON.parse(seedText);
const w = await loadWidget();

const blocks = docBlocks();

/** A shell snippet's command lines (comments and blank lines dropped). */
const commandLines = (text) => text.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter((l) => l && !l.startsWith('#'));
const run = (cmd, args, options = {}) => spawnSync(cmd, args, { encoding: 'utf8', ...options });

// ---------------------------------------------------------------------------------------------
// Handlers, one per block key.

const handlers = {};

handlers['README.md sh § Quick start'] = ({ text }) => {
  // Both targets build and run the whole suite, so they cannot run from inside it: check that
  // they exist and do what the comments say, and that CI runs the same entry point.
  assert.deepEqual(commandLines(text), ['make demo', 'make test']);
  const makefile = read('Makefile');
  const recipe = (target) => makefile.match(new RegExp(`^${target}:(.*)\\n((?:\\t.*\\n)*)`, 'm'));
  assert.match(recipe('demo')?.[1] ?? '', /\bbuild\b/, 'make demo builds first');
  assert.match(recipe('demo')[2], /node tools\/serve\.js --port \$\(PORT\)/, 'make demo serves (PORT=… changes the port)');
  assert.match(makefile, /^PORT \?= 8080$/m);
  assert.match(text, /http:\/\/127\.0\.0\.1:8080/);
  assert.match(read('tools/serve.js'), /host = '127\.0\.0\.1'/);
  assert.match(recipe('test')?.[1] ?? '', /\bbuild\b.*\bnative\b/, 'make test builds native + wasm');
  assert.match(recipe('test')[2], /node --test tests\/node\/ tests\/browser\//, 'make test runs the node and browser suites');
  assert.match(recipe('build')?.[1] ?? '', /\bsetup\b/, '"installs what is missing": build depends on setup');
  assert.match(read('.ci/run'), /^make test$/m, 'CI runs make test');
};

handlers['README.md html § Embed it (publishers)'] = browserBlock;

// Run line by line, as a new user would, from the packed package outside the repository.
handlers['README.md sh § Publish from npm: validate, render, build a site, embed'] = exercisedBy('tests/browser/publish.test.js');

handlers['README.md js § Validate and render from Node (developers)'] = ({ text }) => {
  // The import names the package; in this repo that package is web/ (name + "." export).
  const pkg = JSON.parse(read('web/package.json'));
  const specifier = text.match(/from '([^']+)'/)[1];
  assert.equal(pkg.name, specifier);
  assert.equal(pkg.exports['.'].default, './index.js');
  assert.match(text, /in this repo: \.\/web\/index\.js/);

  const snippet = instrument(text.replace(`'${specifier}'`, `'${pathToFileURL(join(repo, 'web/index.js')).href}'`));
  const good = runSnippet(snippet.code, seedText);
  assert.equal(good.stdout, '', 'the seed has no errors: the loop prints nothing');
  assert.equal(good.values[snippet.resultName].ok, true);
  const broken = runSnippet(snippet.code, JSON.stringify({ ...seed, title: 7 }, null, 2));
  const { errors } = broken.values[snippet.resultName];
  assert.equal(errors.length, 1);
  assert.equal(broken.stdout, `${errors[0].line}:${errors[0].column} wrong-type /title: ${errors[0].message}\n`);

  for (const { values } of [good, broken]) {
    // `// r = { ok, html, …, meta: { title, … } }`: the result has these keys.
    assertShape(values[snippet.resultName], parseShape(snippet.resultComment), snippet.resultName);
    for (const [i, { expr, comment }] of snippet.checks.entries()) {
      const value = values.checks[i];
      if (comment.startsWith('{')) assertShape(value, parseShape(comment), expr);
      else if (/^['"]/.test(comment)) assert.equal(value, runInNewContext(comment), expr);
      else assert.fail(`no check for the comment of \`${expr}\`: ${comment}`);
    }
  }
  assert.equal(snippet.checks.length, 3, 'validate, renderMarkdown and renderMarkdownResult are all checked');
};

handlers['README.md js § Server-side rendering'] = (block) => {
  // It continues the snippet above (`w`, `jsonText`): run it with those bound, and check what the
  // comments promise. Hydration in a page is checked in Chromium.
  const [, name, literal] = block.text.match(/^\/\/ (\w+)\.html = ('.*')$/m);
  const runIt = (code) => new Function('w', 'jsonText', `${code}\nreturn ${name};`)(w, seedText);
  const ssr = runIt(block.text);
  assert.equal(ssr.ok, true);
  const promised = runInNewContext(literal);
  assert.ok(promised.endsWith('…') && ssr.html.startsWith(promised.slice(0, -1)), `${name}.html starts ${promised}`);
  // "or 'page': a whole HTML document with JSON-LD"
  const asPage = block.text.replace("shell: 'element'", "shell: 'page'");
  assert.notEqual(asPage, block.text);
  assert.match(runIt(asPage).html, /^<!doctype html>[^]*<script type="application\/ld\+json">/);
  browserBlock(block);
};

handlers['README.md sh § Command line'] = ({ text }) => {
  // A scratch directory that looks like the repo (web/ and examples/), so the lines run as written
  // and page.html lands there.
  const dir = mkdtempSync(join(tmpdir(), 'aw-docs-cli-'));
  symlinkSync(join(repo, 'web'), join(dir, 'web'));
  mkdirSync(join(dir, 'examples'));
  for (const f of readdirSync(join(repo, 'examples'))) symlinkSync(join(repo, 'examples', f), join(dir, 'examples', f));
  const sh = (line) => run('sh', ['-c', line], { cwd: dir });
  assert.ok(commandLines(text).length >= 3);
  for (const line of commandLines(text)) {
    const r = sh(line);
    if (/ validate /.test(line)) {
      // "FILE:LINE:COL: CODE: message (or FILE: ok); exit 1 on any error": the examples are valid
      // (exit 0, "FILE: ok" each); with one broken file among them the same line reports it and exits 1.
      const examples = readdirSync(join(repo, 'examples')).filter((f) => f.endsWith('.json'));
      assert.deepEqual([r.status, r.stdout, r.stderr], [0, examples.map((f) => `examples/${f}: ok\n`).join(''), '']);
      writeFileSync(join(dir, 'examples/zz-broken.json'), '{\n  "id": "x",\n  "title": 7\n}\n');
      const bad = sh(line);
      unlinkSync(join(dir, 'examples/zz-broken.json'));
      assert.equal(bad.status, 1);
      const out = bad.stdout.trim().split('\n').filter((l) => !l.endsWith(': ok'));
      assert.ok(out.length >= 2);
      for (const l of out) assert.match(l, /^examples\/zz-broken\.json:\d+:\d+: [a-z-]+: .+/);
      assert.ok(out.includes(`examples/zz-broken.json:3:12: wrong-type: "title" must be a string, not a number. (at /title)`));
    } else if (/ render --page /.test(line)) {
      // "> page.html   # standalone page + JSON-LD"
      assert.deepEqual([r.status, r.stdout, r.stderr], [0, '', '']);
      const page = readFileSync(join(dir, line.match(/> (\S+)$/)[1]), 'utf8');
      assert.match(page, /^<!doctype html>\n<html lang="en" dir="ltr">/);
      assert.match(page, /<link rel="stylesheet"|<style>/);
      const ld = JSON.parse(page.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)[1]);
      assert.equal(ld[0]['@type'], 'Article');
      assert.equal(ld[0].headline, seed.title);
      assert.match(page, new RegExp(`<script type="module" src="${line.match(/--script (\S+)/)[1]}"></script>`), 'the page has no script');
    } else if (/ render --ssr /.test(line)) {
      // "the element, server-rendered": the element shell with the given src.
      assert.equal(r.status, 0);
      const src = line.match(/--src (\S+)/)[1];
      assert.ok(r.stdout.startsWith(`<article-widget src="${src}" data-aw-ssr>\n<template shadowrootmode="open">`));
      // Styled: the stylesheet inlined, as --page does, unless --stylesheet links one.
      assert.equal(r.stdout, w.render(read(line.split(' ').at(-1)), { shell: 'element', src, stylesheetText: read('web/dist/article-widget.css') }).html);
    } else if (/ render /.test(line)) {
      // "the article's HTML": exactly what the Node API renders.
      assert.equal(r.status, 0);
      assert.equal(r.stdout, w.render(read(line.split(' ').at(-1))).html);
    } else assert.fail(`no check for the command line: ${line}`);
  }
};

handlers['README.md plain § How it is built'] = ({ text }) => {
  const entries = [...text.matchAll(/^(\S+\/)\s+(.*(?:\n {4,}.*)*)/gm)].map((m) => ({ dir: m[1], about: m[2] }));
  assert.ok(entries.length >= 10);
  for (const { dir } of entries) assert.ok(existsSync(join(repo, dir)), `${dir} is listed but does not exist`);
  // Every top-level directory git tracks is listed.
  const tracked = new Set(execFileSync('git', ['ls-files'], { cwd: repo, encoding: 'utf8' }).split('\n')
    .filter((f) => f.includes('/')).map((f) => f.split('/')[0] + '/'));
  const listed = new Set(entries.map((e) => e.dir.split('/')[0] + '/'));
  assert.deepEqual([...tracked].filter((d) => !listed.has(d)), [], 'tracked directories missing from the layout');
  // Files and sub-directories named in a description exist inside that directory.
  for (const { dir, about } of entries) {
    for (const [name] of about.matchAll(/\b[\w-]+(?:\.(?:js|css|sh)|\/)(?=[\s,):]|$)/g)) {
      assert.ok(existsSync(join(repo, dir, name)), `${dir}${name} is named in the layout but does not exist`);
    }
  }
  // "one header per concept: a, b, …": exactly the headers in include/aw/.
  const concepts = entries.find((e) => e.dir === 'include/aw/').about.split(':')[1].split(',').map((s) => s.trim()).sort();
  const headers = readdirSync(join(repo, 'include/aw')).filter((f) => f.endsWith('.hpp')).map((f) => f.slice(0, -4)).sort();
  assert.deepEqual(concepts, headers);
};

handlers['docs/FORMAT.md json § `spoilers`'] = ({ text }) => {
  // The snippet is one member of the article object: put it in the seed and render.
  const member = JSON.parse(`{${text}}`);
  assert.deepEqual(Object.keys(member), ['spoilers']);
  const article = { ...seed, ...member };
  const r = w.render(article);
  assert.deepEqual([r.ok, r.errors, r.warnings], [true, [], []]);
  assert.equal(r.meta.spoilers, member.spoilers.level);
  assert.ok(r.html.includes(`<p class="aw-spoiler-warning-text">${escapeHtml(member.spoilers.warning)}</p>`));
  // The JSON Schema accepts it too (CMS validation).
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(read('schema/article.schema.json')));
  assert.equal(validate(article), true, JSON.stringify(validate.errors));
};

// HTML.md: every element of a snippet (tag, classes, attributes, plain text) appears in the real
// output, rendered with idPrefix "P" so the doc's `P` placeholder is literal.
handlers['docs/HTML.md html § The HTML the renderer emits (contract)'] = ({ text }) =>
  assertContract(text, w.render(seed, { idPrefix: 'P' }).html);
handlers['docs/HTML.md html § Gating'] = ({ text }) =>
  assertContract(text, w.render(seed, { idPrefix: 'P' }).html);
handlers['docs/HTML.md html § Outside the gate'] = ({ text }) => {
  // The seed, with a safe heading on one gated section (the snippet's example words).
  const article = structuredClone(seed);
  Object.assign(article.sections.find((s) => s.id === 'themes'), { heading: 'Mia marries David', safeHeading: 'The last scene' });
  assertContract(text, w.render(article, { idPrefix: 'P' }).html);
};
handlers['docs/HTML.md html § Inline spoilers'] = ({ text }) => {
  const article = structuredClone(seed);
  article.sections[0].body = 'In the end ||text||.';
  const html = w.render(article, { idPrefix: 'P' }).html;
  assertContract(text, html);
  assert.ok(html.includes(text.trim()), 'the snippet is the output, byte for byte');
};
handlers['docs/FORMAT.md json § Spoiler terms'] = ({ text }) => {
  const member = JSON.parse(`{${text}}`);
  const article = { ...seed, ...member };
  const r = w.render(article);
  assert.deepEqual([r.ok, r.errors, r.warnings], [true, [], []], 'the seed keeps its spoilers behind gates');
  const leaky = w.validate({ ...article, dek: 'Why Mia married someone else, five years later.' });
  assert.deepEqual(leaky.warnings.filter((x) => x.path === '/dek').map((x) => x.code), ['spoiler-term-ungated', 'spoiler-term-ungated']);
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  assert.equal(ajv.compile(JSON.parse(read('schema/article.schema.json')))(article), true);
};
handlers['docs/HTML.md html § Citations'] = ({ text }) =>
  assertContract(text, w.render(seed, { idPrefix: 'P' }).html);
// The media snippets are the media example's output (examples/starfall-avenue.json).
const mediaExample = () => w.render(read('examples/starfall-avenue.json'), { idPrefix: 'P' }).html;
for (const heading of ['Notes and locators', 'Figures', 'Quotes', 'Videos'])
  handlers[`docs/HTML.md html § ${heading}`] = ({ text }) => assertContract(text, mediaExample());
handlers['docs/FORMAT.md json § `media`'] = ({ text }) => {
  // The snippet, as a section's media, validates (the video's gate needs a spoiler level).
  const article = { ...seed, sections: [{ ...seed.sections[0], ...JSON.parse(`{${text}}`) }, ...seed.sections.slice(1)] };
  const r = w.render(article);
  assert.deepEqual([r.ok, r.errors], [true, []]);
  for (const kind of ['aw-figure', 'aw-quote aw-quote-pull', 'aw-video']) assert.ok(r.html.includes(`class="${kind}"`), kind);
  assert.ok(r.html.includes('data-aw-gate="_media-'), 'the spoiler entry has its gate');
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  assert.equal(ajv.compile(JSON.parse(read('schema/article.schema.json')))(article), true);
};
handlers['docs/HTML.md html § Server-side rendering shells'] = ({ text }) => {
  // The shell's own URLs (and the light form's dom) come from the snippet.
  const src = text.match(/<article-widget src="([^"]+)"/)[1];
  const stylesheetHref = text.match(/<link rel="stylesheet" href="([^"]+)"/)[1];
  const dom = text.includes(' dom="light"') ? 'light' : 'shadow';
  const html = w.render(seed, { shell: 'element', src, stylesheetHref, dom }).html;
  assertContract(text, html);
  assert.ok(html.startsWith(text.split('\n')[0] + '\n'), 'the element comes first');
};

handlers['docs/HTML.md html § Light DOM'] = handlers['docs/HTML.md html § Server-side rendering shells'];
handlers['docs/SECURITY.md plain § 3. What a publisher\'s page needs: CSP and Trusted Types'] = browserBlock;
handlers['docs/THEMING.md css § Theming'] = browserBlock;
handlers['README.md css § Theming'] = browserBlock;

handlers['docs/commonmark.md sh § CommonMark conformance'] = ({ text }) => {
  const [setup, testLine, ...rest] = commandLines(text);
  assert.deepEqual(rest, []);
  // `make setup` installs system packages, so it is not run here: it must exist, run the set-up
  // script, and that script must extract cmark 0.30.2 where the conformance test reads spec.txt.
  assert.equal(setup, 'make setup');
  assert.match(read('Makefile'), /^setup:.*\n\t@?bash scripts\/setup\.sh$/m);
  const script = read('scripts/setup.sh');
  assert.match(script, /^CMARK_VERSION=0\.30\.2$/m);
  assert.match(script, /^DEPS=build\/deps$/m);
  assert.ok(existsSync(join(repo, 'build/deps/cmark-0.30.2/test/spec.txt')), 'make setup has not extracted cmark');
  // The second line runs as written (in a clean node:test context) and passes.
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  const [cmd, ...args] = testLine.split(/\s+/);
  assert.equal(cmd, 'node');
  const r = run(process.execPath, args, { cwd: repo, env });
  assert.equal(r.status, 0, r.stdout.slice(-2000));
  assert.match(r.stdout, /^# fail 0$/m);
  assert.match(r.stdout, /^# pass [1-9]\d*$/m);
};

// ---------------------------------------------------------------------------------------------

test('every fenced block in README.md and docs/*.md is claimed by exactly one handler', () => {
  const keys = blocks.map(keyOf);
  const fences = DOC_FILES.reduce((n, f) => n + (read(f).match(/^ {0,3}(?:```|~~~)/gm)?.length ?? 0), 0);
  assert.equal(keys.length * 2, fences, 'the extraction missed a block');
  assert.deepEqual(keys.filter((k) => !handlers[k]), [], 'blocks without a test: add a handler in tests/node/docs.test.js');
  assert.deepEqual(keys.filter((k, i) => keys.indexOf(k) !== i), [], 'two blocks share a key: one handler cannot claim both');
  assert.deepEqual(Object.keys(handlers).filter((k) => !keys.includes(k)), [], 'handlers for blocks that no longer exist');
});

test('web/README.md is README.md, copied at pack time with what it links to (not docs of their own)', () => {
  const pkg = JSON.parse(read('web/package.json'));
  assert.equal(pkg.scripts.prepack, 'node tools/prepack.cjs');
  assert.match(read('web/tools/prepack.cjs'), /cpSync\('\.\.\/README\.md', 'README\.md'\)/);
  for (const f of ['README.md', 'docs/', 'schema/', 'examples/']) {
    assert.ok(pkg.files.includes(f), `${f} is not in the package`);
    assert.equal(run('git', ['check-ignore', '-q', `web/${f}`], { cwd: repo }).status, 0, `web/${f} must stay untracked (a copy made at pack time)`);
  }
});

for (const block of blocks) {
  const handler = handlers[keyOf(block)];
  if (handler) test(`${keyOf(block)}`, () => handler(block));
}

// ---------------------------------------------------------------------------------------------
// Helpers.

/** Claimed here, run in Chromium: the browser test must name the block. */
function browserBlock(block) {
  exercisedBy('tests/browser/docs.test.js')(block);
}

/** A handler for a block that another test file exercises (it names the block's key). */
function exercisedBy(file) {
  return (block) => assert.ok(read(file).includes(JSON.stringify(keyOf(block)).slice(1, -1)), `${file} does not exercise ${keyOf(block)}`);
}

/** Wraps each `EXPR; // promised value` statement so its value is recorded; finds `// r = {…}`. */
function instrument(code) {
  const checks = [];
  let resultName;
  let resultComment;
  const lines = code.split('\n').map((line) => {
    const doc = line.match(/^\/\/ (\w+) = (\{.*)$/);
    if (doc) [, resultName, resultComment] = doc;
    const m = line.match(/^(?!\/\/|import |const |let |for )(.+?);\s+\/\/ (.*)$/);
    if (!m) return line;
    checks.push({ expr: m[1], comment: m[2] });
    return `__values.checks.push(${m[1]});`;
  });
  assert.ok(resultName, 'the snippet documents its result (`// r = { … }`)');
  const head = 'import { readFileSync as __read, writeFileSync as __write } from "node:fs";\n' +
    'const __values = { checks: [] };\nconst jsonText = __read(process.env.AW_JSON_FILE, "utf8");\n';
  const tail = `\n__values.${resultName} = ${resultName};\n__write(process.env.AW_VALUES, JSON.stringify(__values));\n`;
  return { code: head + lines.join('\n') + tail, checks, resultName, resultComment };
}

function runSnippet(code, jsonText) {
  const dir = mkdtempSync(join(tmpdir(), 'aw-docs-js-'));
  writeFileSync(join(dir, 'snippet.mjs'), code);
  writeFileSync(join(dir, 'article.json'), jsonText);
  const values = join(dir, 'values.json');
  const env = { ...process.env, AW_JSON_FILE: join(dir, 'article.json'), AW_VALUES: values };
  const r = run(process.execPath, [join(dir, 'snippet.mjs')], { env });
  assert.equal(r.status, 0, r.stderr);
  return { stdout: r.stdout, values: JSON.parse(readFileSync(values, 'utf8')) };
}

/** `{ a, b: { c, … } }` → { keys: { a: null, b: { keys: { c: null }, open: true } }, open: false } */
function parseShape(comment) {
  const tokens = comment.match(/[{}:,…]|[\w$]+/g);
  let i = 0;
  const object = () => {
    assert.equal(tokens[i++], '{');
    const shape = { keys: {}, open: false };
    while (tokens[i] !== '}') {
      const key = tokens[i++];
      if (key === '…') shape.open = true;
      else if (tokens[i] === ':') i++, (shape.keys[key] = object());
      else shape.keys[key] = null;
      if (tokens[i] === ',') i++;
    }
    i++;
    return shape;
  };
  return object();
}

function assertShape(value, shape, where) {
  const keys = Object.keys(value).sort();
  const promised = Object.keys(shape.keys).sort();
  if (shape.open) assert.deepEqual(promised.filter((k) => !keys.includes(k)), [], `${where}: missing keys`);
  else assert.deepEqual(keys, promised, `${where}: keys`);
  for (const [k, sub] of Object.entries(shape.keys)) if (sub) assertShape(value[k], sub, `${where}.${k}`);
}

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Elements of a parse5 tree (template contents included), each with its ancestors. */
function* elements(node, ancestors = []) {
  for (const child of [...(node.childNodes ?? []), ...(node.content ? node.content.childNodes : [])]) {
    if (!child.tagName) continue;
    yield { el: child, ancestors };
    yield* elements(child, [...ancestors, child]);
  }
}
const attrs = (el) => Object.fromEntries(el.attrs.map((a) => [a.name, a.value]));
const classes = (el) => (attrs(el).class ?? '').split(/\s+/).filter(Boolean);
const textOf = (el) => (el.nodeName === '#text' ? el.value : (el.childNodes ?? []).map(textOf).join(''));
const squash = (s) => s.replace(/\s+/g, ' ').trim();

/** A doc value as a pattern: `…` is anything, ARTICLE-ID / PART-ID stand for an id. */
function valuePattern(value) {
  const source = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/…/g, '.*').replace(/ARTICLE-ID|PART-ID/g, '[a-z0-9_-]+');
  return new RegExp(`^${source}$`, 's');
}

/** Every element of the doc snippet has a counterpart in the output: same tag, its classes, its
 *  attributes (values as patterns), the same plain text, inside an element with the classes of
 *  its nearest classed ancestor in the snippet. */
function assertContract(snippet, html) {
  const output = [...elements(parseFragment(html))];
  const missing = [];
  for (const { el, ancestors } of elements(parseFragment(snippet))) {
    const want = Object.entries(attrs(el)).filter(([name]) => name !== 'class' && name !== '…');
    const context = ancestors.findLast((a) => classes(a).length);
    const text = el.childNodes.every((c) => c.nodeName === '#text') ? squash(textOf(el)) : '';
    // Placeholders are not literal: `…`, GATED-OR-PLAIN(…), ARTICLE-ID/PART-ID, `x` (Gating's content).
    const literalText = text && !/…|GATED-OR-PLAIN|-ID\b|^x$/.test(text) ? text : null;
    const found = output.some(({ el: out, ancestors: outAncestors }) =>
      out.tagName === el.tagName &&
      classes(el).every((c) => classes(out).includes(c)) &&
      want.every(([name, value]) => name in attrs(out) && valuePattern(value).test(attrs(out)[name])) &&
      (literalText === null || squash(textOf(out)) === literalText) &&
      (!context || outAncestors.some((a) => classes(context).every((c) => classes(a).includes(c)))));
    if (!found) missing.push(`<${el.tagName}${el.attrs.map((a) => ` ${a.name}="${a.value}"`).join('')}>${literalText ?? ''}`);
  }
  assert.deepEqual(missing, [], 'elements of the doc snippet that the renderer does not emit');
}
