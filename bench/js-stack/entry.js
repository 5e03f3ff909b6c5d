// The JS stack a publisher would otherwise ship for the same job: Markdown → HTML with footnotes
// (markdown-it + markdown-it-footnote), sanitised (DOMPurify), footnote popovers (littlefoot).
// Bundled and minified by esbuild for `make size` (build/size/js-stack.min.js). The browser
// benchmarks use the whole job, article template included: bench/js-stack/article.js.
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import DOMPurify from 'dompurify';
import { littlefoot } from 'littlefoot';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(footnote);

/** Renders `markdown` into the element matching `selector` (sanitised), then wires the footnote popovers. */
export function renderArticle(selector, markdown) {
  document.querySelector(selector).innerHTML = DOMPurify.sanitize(md.render(markdown));
  return littlefoot({ scope: selector });
}

export function renderToString(markdown) {
  return DOMPurify.sanitize(md.render(markdown));
}
