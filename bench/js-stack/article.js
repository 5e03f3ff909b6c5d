// The JS stack doing the widget's whole job, as a publisher would write it without the widget:
// JSON.parse of the article JSON, the article template with markdown-it + markdown-it-footnote for
// every Markdown field (template.js), DOMPurify over the whole article, littlefoot for the
// footnote popovers. The bench's browser subjects load it bundled by esbuild (bench/lib/browser.js):
// warm in bench/pages/warm.html, cold in bench/pages/js-stack.html.
import DOMPurify from 'dompurify';
import { littlefoot } from 'littlefoot';
import { articleTemplate } from './template.js';

export { articleTemplate };

/** The whole job, as a string: JSON text → sanitised article HTML. */
export function renderArticleJson(jsonText, prefix) {
  return DOMPurify.sanitize(articleTemplate(JSON.parse(jsonText), prefix));
}

/** The whole job into the page: rendered, sanitised, put into `selector`, footnote popovers wired. */
export function renderArticleInto(selector, jsonText) {
  document.querySelector(selector).innerHTML = renderArticleJson(jsonText);
  return littlefoot({ scope: selector });
}
