#!/usr/bin/env node
// article-widget command line: validate and render article JSON files with the same wasm module
// the browser uses.
//
//   article-widget validate FILE...      FILE:LINE:COL: CODE: message (at /pointer)   (exit 1 on any error)
//   article-widget render FILE           the article's HTML on stdout
//   article-widget render --page FILE    a standalone HTML page with the stylesheet inlined
import { readFile } from 'node:fs/promises';
import { loadWidget } from '../index.js';

const USAGE = `usage: article-widget validate FILE...
       article-widget render [--page] [--reveal-spoilers] [--id-prefix P] FILE`;

async function main(argv) {
  const [command, ...rest] = argv;
  if (command === 'validate' && rest.length) return validate(rest);
  if (command === 'render') return render(rest);
  if (command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  console.error(USAGE);
  return 2;
}

async function readArticle(file) {
  try {
    return { text: await readFile(file, 'utf8') };
  } catch (e) {
    return { error: `${file}: cannot read: ${e.code ?? e.message}` };
  }
}

function formatProblem(file, p) {
  const where = [p.path && `at ${p.path}`, p.severity === 'warning' && 'warning'].filter(Boolean).join('; ');
  return `${file}:${p.line}:${p.column}: ${p.code}: ${p.message}${where ? ` (${where})` : ''}`;
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
    failed ||= !r.ok;
  }
  return failed ? 1 : 0;
}

async function render(args) {
  const options = {};
  let page = false;
  const files = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--page') page = true;
    else if (args[i] === '--reveal-spoilers') options.revealSpoilers = true;
    else if (args[i] === '--id-prefix') options.idPrefix = args[++i];
    else files.push(args[i]);
  }
  if (files.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const { text, error } = await readArticle(files[0]);
  if (error) {
    console.error(error);
    return 1;
  }
  const w = await loadWidget();
  const r = w.render(text, options);
  for (const p of [...r.errors, ...r.warnings]) console.error(formatProblem(files[0], p));
  if (!r.ok) return 1;
  process.stdout.write(page ? await standalonePage(r) : r.html);
  return 0;
}

async function standalonePage(r) {
  const css = await readFile(new URL('../article-widget.css', import.meta.url), 'utf8').catch(() => '');
  const escape = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="${escape(r.meta.lang)}" dir="${escape(r.meta.dir)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(r.meta.title)}</title>
${r.meta.description ? `<meta name="description" content="${escape(r.meta.description)}">\n` : ''}<script type="application/ld+json">${r.meta.jsonLd}</script>
<style>${css.replace(/<\/style/gi, '<\\/style')}</style>
</head>
<body>
${r.html}</body>
</html>
`;
}

process.exitCode = await main(process.argv.slice(2));
