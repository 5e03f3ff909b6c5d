// The light-DOM stylesheet (dist/article-widget.light.css), generated from the one stylesheet,
// web/article-widget.css, which is written for the shadow root. In light mode (`dom="light"`) the
// article is in the page's own DOM, so every rule must be kept to the widget's element: all of
// them go inside one `@scope (HOST)` (Chromium 118+, Firefox 146+, Safari 17.4+), and `:host`
// becomes the scope's root at zero specificity, `:where(:scope)`, as weak against the page's
// rules on the element as `:host` is (so the page themes it the same way). `@keyframes` stay at
// the top level (a scope cannot hold them; their names are `aw-` prefixed).
// Two rules are added that the shadow root does not need. First, a reset: the page's rules for
// bare element types (`p { color: red }`, `a::after { content: "↗" }`) would reach the article;
// `all: revert` on every element of the scope, at a type selector's specificity (a scoped rule
// wins a tie with an unscoped one), sends each property the stylesheet does not set back to the
// browser's default, as in a shadow root. Second, `hidden` wins even over the page's `!important`
// rules (an `!important` declaration in a cascade layer beats an unlayered one), because gated
// text depends on it. What light mode cannot stop (more specific or `!important` page rules):
// docs/HTML.md, "Light DOM".
//
//   node web/tools/light-stylesheet.js IN.css OUT.css
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The elements light mode renders into (docs/HTML.md, "Light DOM"). */
export const LIGHT_HOST = 'article-widget[dom="light"], div[data-article-widget][data-dom="light"]';

// Every element but the replaced ones, whose width and height attributes are presentational hints
// that `revert` would drop; `:not()` takes its most specific argument's specificity, a type's.
const RESET = ':not(img, video, iframe, svg, svg *)';

/** Top-level items of a stylesheet: { head, body } for a block (body without its braces), comments dropped. */
function topLevel(css) {
  const items = [];
  let head = '';
  for (let i = 0; i < css.length; ) {
    if (css.startsWith('/*', i)) {
      const end = css.indexOf('*/', i + 2);
      i = end < 0 ? css.length : end + 2;
    } else if (css[i] === '{') {
      const start = ++i;
      for (let depth = 1; depth > 0 && i < css.length; i++) {
        if (css.startsWith('/*', i)) i = css.indexOf('*/', i + 2) + 1;
        else if (css[i] === '"' || css[i] === "'") i = css.indexOf(css[i], i + 1);
        else if (css[i] === '{') depth++;
        else if (css[i] === '}') depth--;
      }
      items.push({ head: head.trim(), body: css.slice(start, i - 1).replace(/\/\*[\s\S]*?\*\//g, '') });
      head = '';
    } else {
      head += css[i++];
    }
  }
  if (head.trim()) throw new Error(`light-stylesheet: text after the last block: ${head.trim().slice(0, 60)}`);
  return items;
}

/** `:host` → `:where(:scope)`, `:host(X)` → `:where(:scope:is(X))`. */
function unhost(text) {
  let out = '';
  for (let i = 0; i < text.length; ) {
    if (!text.startsWith(':host', i) || /[\w-]/.test(text[i + 5] ?? '')) {
      out += text[i++];
      continue;
    }
    i += 5;
    if (text[i] !== '(') {
      out += ':where(:scope)';
      continue;
    }
    let depth = 0;
    const start = i;
    do {
      if (text[i] === '(') depth++;
      else if (text[i] === ')') depth--;
      i++;
    } while (depth > 0 && i < text.length);
    out += `:where(:scope:is${text.slice(start, i)})`;
  }
  return out;
}

/** A selector for light mode: no `:host`, and a rule for every element (`*`, `*::before`: zero
 *  specificity) at a type's (`:not(aw-none)`), so that it still wins over the reset, which comes first. */
function selector(head) {
  const list = unhost(head).split(',').map((s) => s.trim());
  return list.every((s) => /^\*(::?[\w-]+)?$/.test(s)) ? list.map((s) => `:not(aw-none)${s.slice(1)}`).join(', ') : list.join(',\n');
}

/** The rules of a block, selectors rewritten, at-rules' contents too. */
function rewrite(css) {
  return topLevel(css)
    .map(({ head, body }) => (head.startsWith('@') ? `${head} {\n${rewrite(body)}\n}` : `${selector(head)} {${body}}`))
    .join('\n');
}

export function lightStylesheet(css) {
  const items = topLevel(css);
  const keyframes = items.filter((i) => i.head.startsWith('@keyframes')).map(({ head, body }) => `${head} {${body}}`);
  const scoped = rewrite(items.filter((i) => !i.head.startsWith('@keyframes')).map(({ head, body }) => `${head} {${body}}`).join('\n'));
  return [
    '/* article-widget, light DOM: generated from article-widget.css by web/tools/light-stylesheet.js. */',
    ...keyframes,
    `@scope (${LIGHT_HOST}) {`,
    `:where(:scope) ${RESET}, :where(:scope) ${RESET}::before, :where(:scope) ${RESET}::after { all: revert; }`,
    scoped,
    '}',
    `@layer article-widget-guard {\n  @scope (${LIGHT_HOST}) {\n    [hidden] { display: none !important; }\n  }\n}`,
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [input, output] = process.argv.slice(2);
  writeFileSync(output, lightStylesheet(readFileSync(input, 'utf8')));
}
