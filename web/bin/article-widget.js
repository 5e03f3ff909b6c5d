#!/usr/bin/env node
// article-widget command line: validate and render article JSON files with the same wasm module
// the browser uses.
//
//   article-widget validate FILE...      FILE:LINE:COL: CODE: message (at /pointer), or FILE: ok
//                                        (exit 1 on any error)
//   article-widget render FILE           the article's HTML on stdout
//   article-widget render --page FILE    a standalone HTML page (stylesheet inlined, JSON-LD, description)
//   article-widget render --ssr FILE     <article-widget> with a declarative shadow root, for server-side
//                                        rendering that web/widget.js hydrates in place
//   options: --src URL (the element's src), --stylesheet URL (link instead of inline), --script URL
//            (page: the module script), --id-prefix P, --reveal-spoilers, --dom light (the element's
//            children instead of a shadow root, with the light stylesheet: docs/HTML.md "Light DOM")
//   article-widget assets                the browser files' Subresource Integrity (sha384)
//   article-widget assets --out DIR      the browser files as one folder, the script pinned to
//                                        the other two (--hash: content-hashed names; web/cli/assets.js)
//   article-widget build SRC --out OUT   a whole site: every article validated, then pre-rendered to a
//                                        page, assets hashed, an index page (web/cli/build.js)
import { readFile } from 'node:fs/promises';
import { loadWidget } from '../index.js';
import { assetsCommand, ASSETS_USAGE } from '../cli/assets.js';
import { buildCommand, BUILD_USAGE } from '../cli/build.js';
import { formatProblem } from '../cli/problems.js';

const USAGE = `usage: article-widget validate FILE...
       article-widget render [--page | --ssr] [--src URL] [--stylesheet URL] [--script URL]
                             [--reveal-spoilers] [--id-prefix P] [--dom shadow|light] FILE
       ${ASSETS_USAGE}
       ${BUILD_USAGE}`;

async function main(argv) {
  const [command, ...rest] = argv;
  if (command === 'validate' && rest.length) return validate(rest);
  if (command === 'render') return render(rest);
  if (command === 'assets') return assetsCommand(rest, usageError);
  if (command === 'build') return buildCommand(rest, usageError);
  if (command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  console.error(USAGE);
  return 2;
}

async function readArticle(file) {
  try {
    // Bytes, not text: decoding here would turn invalid UTF-8 into U+FFFD silently; the core
    // reports it as json-syntax at the byte.
    return { text: await readFile(file) };
  } catch (e) {
    return { error: `${file}: cannot read: ${e.code ?? e.message}` };
  }
}

async function validate(files) {
  const w = await loadWidget();
  let failed = false;
  for (const file of files) {
    const { text, error } = await readArticle(file);
    if (error) {
      console.error(error);
      failed = true;
      continue;
    }
    const r = w.validate(text);
    for (const p of [...r.errors, ...r.warnings]) console.log(formatProblem(file, p));
    // Silence would look like nothing happened: say so for a file that passes.
    if (r.ok) console.log(`${file}: ok${r.warnings.length ? ` (${r.warnings.length} warning${r.warnings.length > 1 ? 's' : ''})` : ''}`);
    failed ||= !r.ok;
  }
  return failed ? 1 : 0;
}

async function render(args) {
  const options = {};
  let page = false;
  const files = [];
  const valued = { '--id-prefix': 'idPrefix', '--src': 'src', '--stylesheet': 'stylesheetHref', '--script': 'scriptSrc', '--dom': 'dom' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--page') page = true;
    else if (arg === '--ssr') options.shell = 'element';
    else if (arg === '--reveal-spoilers') options.revealSpoilers = true;
    else if (arg in valued) {
      if (i + 1 >= args.length) return usageError(`${arg} needs a value`);
      options[valued[arg]] = args[++i];
    } else if (arg.startsWith('-')) return usageError(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (page && options.shell) return usageError('--page and --ssr are two different outputs: choose one');
  if (files.length !== 1) return usageError(files.length ? 'render takes one FILE' : 'render needs a FILE');
  const { text, error } = await readArticle(files[0]);
  if (error) {
    console.error(error);
    return 1;
  }
  if (page) options.shell = 'page';
  // A page or a server-rendered element: the stylesheet inlined unless one is linked (the C++
  // shell escapes it), so the output is never unstyled.
  if (options.shell && !options.stylesheetHref) {
    // Light mode's (dom="light") is generated from it by the build, scoped to the element.
    const css = options.dom === 'light' ? '../dist/article-widget.light.css' : '../article-widget.css';
    options.stylesheetText = await readFile(new URL(css, import.meta.url), 'utf8');
  }
  if (page && !options.scriptSrc) {
    console.error('article-widget: the page has no script (--script URL of dist/article-widget.js): it reads completely, but its spoilers cannot be revealed and its footnotes do not open.');
  }
  const w = await loadWidget();
  const r = w.render(text, options);
  for (const p of [...r.errors, ...r.warnings]) console.error(formatProblem(files[0], p));
  if (!r.ok) return 1;
  process.stdout.write(r.html);
  return 0;
}

function usageError(message) {
  console.error(`article-widget: ${message}\n${USAGE}`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
