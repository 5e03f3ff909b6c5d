// An HTML-parser-level safety check of the widget's output, shared by the security and hostile
// tests. The HTML is parsed with parse5 (a WHATWG-conformant parser: the tree a browser builds),
// then every element and attribute is checked, and every URL is resolved with the WHATWG URL
// parser (Node's URL), so entity-encoded or whitespace-split schemes are seen as a browser sees them.
//
//   checkHtml(html, { idPrefix = 'aw-', allowRemoteImages = false, imageOrigins = [] }) → [problem strings] (empty = safe)
import { parseFragment, serialize } from 'parse5';

/** Never allowed, whatever the context (the brief's list, plus the other script/navigation hosts). */
export const FORBIDDEN_TAGS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'style', 'link', 'meta', 'base',
  'form', 'input', 'textarea', 'select', 'template', 'noscript', 'xmp', 'plaintext', 'noembed', 'noframes', 'portal',
  'video', 'audio', 'source', 'track', 'picture', 'canvas', 'marquee', 'isindex', 'body', 'html', 'head',
]);
/** Exactly the elements the writer emits (docs/HTML.md + CommonMark's). */
export const ALLOWED_TAGS = new Set([
  'article', 'header', 'p', 'span', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'time', 'a', 'aside', 'button', 'nav', 'ol', 'ul',
  'li', 'section', 'div', 'details', 'summary', 'footer', 'cite', 'sup', 'strong', 'em', 'code', 'pre', 'blockquote', 'hr',
  'br', 'img', 'figure', 'figcaption',
]);
export const ALLOWED_ATTRS = new Set([
  'class', 'lang', 'dir', 'id', 'href', 'src', 'alt', 'title', 'rel', 'datetime', 'aria-labelledby', 'aria-hidden',
  'aria-label', 'aria-controls', 'type', 'hidden', 'start', 'value', 'srcset', 'sizes', 'width', 'height', 'loading', 'decoding',
  'fetchpriority',
]);
/** The only players a play button may load (data-aw-embed): privacy-enhanced YouTube, Vimeo without tracking. */
export function embedProblem(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    return `a player address that does not parse: ${value}`;
  }
  if (url.origin === 'https://www.youtube-nocookie.com' && /^\/embed\/[A-Za-z0-9_-]{11}$/.test(url.pathname)) return null;
  if (url.origin === 'https://player.vimeo.com' && /^\/video\/[0-9]+$/.test(url.pathname) && url.searchParams.get('dnt') === '1') return null;
  return `a player address other than youtube-nocookie.com/embed/ID or player.vimeo.com/video/ID?dnt=1: ${value}`;
}
export const BASE_URL = 'https://publisher.test/articles/page';
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** The verdict on one href/src value (already entity-decoded by the parser). */
export function urlProblem(value, { image = false, allowRemoteImages = false, imageOrigins = [] } = {}) {
  let url;
  try {
    url = new URL(value, BASE_URL);
  } catch {
    return null; // a URL that does not parse navigates nowhere and loads nothing
  }
  const base = new URL(BASE_URL);
  if (image) {
    if (value.trim() === '') return 'an empty image src (re-requests the page)';
    if (url.origin === base.origin) return null;
    if (allowRemoteImages && (url.protocol === 'https:' || url.protocol === 'http:')) return null;
    if (imageOrigins.includes(url.origin)) return null;
    return `an image from another origin: ${url.href}`;
  }
  return LINK_PROTOCOLS.has(url.protocol) ? null : `a link with scheme ${url.protocol}`;
}

function* elements(node) {
  for (const child of node.childNodes ?? []) {
    if (child.tagName) yield child;
    yield* elements(child.content ?? child);
  }
}

function shape(node) {
  // The tree as tag/attribute/text structure, for the re-parse comparison.
  return (node.childNodes ?? []).map((c) =>
    c.tagName ? [c.tagName, c.namespaceURI, c.attrs.map((a) => `${a.name}=${a.value}`).join(' '), shape(c.content ?? c)] : c.value ?? '',
  );
}

export function checkHtml(html, { idPrefix = 'aw-', allowRemoteImages = false, imageOrigins = [] } = {}) {
  const problems = [];
  const tree = parseFragment(html);
  for (const el of elements(tree)) {
    const tag = el.tagName;
    if (el.namespaceURI !== HTML_NS) problems.push(`a <${tag}> in a foreign namespace (${el.namespaceURI})`);
    if (FORBIDDEN_TAGS.has(tag)) problems.push(`a forbidden <${tag}> element`);
    else if (!ALLOWED_TAGS.has(tag)) problems.push(`an element the writer never emits: <${tag}>`);
    for (const { name, value } of el.attrs) {
      if (/^on/i.test(name)) problems.push(`an event handler attribute ${name} on <${tag}>`);
      else if (name === 'style') problems.push(`a style attribute on <${tag}>`);
      else if (name === 'tabindex') {
        // only a citation's, which keeps it in the Tab order where links are not (docs/HTML.md)
        if (value !== '0' || tag !== 'a') problems.push(`tabindex="${value}" on <${tag}>`);
      }
      else if (!ALLOWED_ATTRS.has(name) && !name.startsWith('data-aw-')) problems.push(`an attribute the writer never emits: ${name} on <${tag}>`);
      if ((name === 'id' || name === 'name') && !value.startsWith(idPrefix)) problems.push(`${name}="${value}" without the id prefix ${idPrefix}`);
      if (name === 'href' || name === 'src') {
        const p = urlProblem(value, { image: name === 'src', allowRemoteImages, imageOrigins });
        if (p) problems.push(`${p} (${name}="${value}" on <${tag}>)`);
      }
      if (name === 'srcset') {
        // "url 480w, url 960w": every URL an image source (commas inside a URL are %-encoded by the writer).
        for (const candidate of value.split(/,\s+/)) {
          const [url, descriptor, ...rest] = candidate.trim().split(/\s+/);
          if (!/^[0-9]+w$/.test(descriptor ?? '') || rest.length) problems.push(`a srcset candidate that is not "URL Nw": ${candidate}`);
          const p = urlProblem(url ?? '', { image: true, allowRemoteImages, imageOrigins });
          if (p) problems.push(`${p} (srcset on <${tag}>)`);
        }
      }
      if (name === 'data-aw-embed') {
        const p = embedProblem(value);
        if (p) problems.push(p);
      }
    }
  }
  // Mutation XSS needs a tree that changes when serialized and parsed again; ours must not.
  const again = parseFragment(serialize(tree));
  if (JSON.stringify(shape(again)) !== JSON.stringify(shape(tree))) problems.push('the tree changes when serialized and re-parsed (mutation XSS shape)');
  return problems;
}

/** Text content of the parsed HTML (what a reader sees, entities decoded). */
export function textOf(html) {
  const out = [];
  const walk = (n) => {
    for (const c of n.childNodes ?? []) {
      if (c.nodeName === '#text') out.push(c.value);
      else walk(c.content ?? c);
    }
  };
  walk(parseFragment(html));
  return out.join('');
}

/** Attribute values of the parsed HTML (decoded). */
export function attributeValues(html) {
  const out = [];
  for (const el of elements(parseFragment(html))) for (const a of el.attrs) out.push(a.value);
  return out;
}
