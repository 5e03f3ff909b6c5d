// The part of the engine-neutral page (page.js) that runs inside the page: locating elements by
// role, name, text and CSS through open shadow roots, the same way in every engine, since each
// engine's own locators differ (Playwright's exist in Chromium only). `inPage` is sent as source
// (Function.prototype.toString), so it must not refer to anything outside itself.
export function inPage() {
  const norm = (s) => s.replace(/\s+/g, ' ').trim();

  /** Every element under `root` (a document, shadow root or element), shadow trees included, in
   *  the order they are laid out (a host's shadow tree where its children would be). */
  function* deep(root) {
    for (let el = root.firstElementChild; el; el = el.nextElementSibling) {
      yield el;
      if (el.shadowRoot) yield* deep(el.shadowRoot);
      if (el.tagName !== 'TEMPLATE') yield* deep(el);
    }
  }
  const parentOf = (el) => el.parentElement ?? el.getRootNode().host ?? null;

  /** Hidden from the accessibility tree: not rendered, or under aria-hidden or inert. */
  function hiddenFromAx(el) {
    if (!el.checkVisibility({ visibilityProperty: true })) return true;
    for (let e = el; e; e = parentOf(e)) {
      if (e.getAttribute('aria-hidden') === 'true' || e.inert) return true;
    }
    return false;
  }

  const IMPLICIT = {
    A: (el) => (el.hasAttribute('href') ? 'link' : null),
    BUTTON: () => 'button',
    NAV: () => 'navigation',
    ARTICLE: () => 'article',
    ASIDE: () => 'complementary',
    LI: () => 'listitem',
    UL: () => 'list',
    OL: () => 'list',
    DIALOG: () => 'dialog',
    SUMMARY: () => 'DisclosureTriangle', // Chromium's name for it; the tests read it that way
    SECTION: (el) => (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') ? 'region' : null),
    IMG: () => 'img',
    P: () => 'paragraph',
  };
  function roleOf(el) {
    const explicit = el.getAttribute('role')?.trim().split(/\s+/)[0];
    if (explicit) return explicit;
    if (/^H[1-6]$/.test(el.tagName)) return 'heading';
    return IMPLICIT[el.tagName]?.(el) ?? null;
  }
  const FROM_CONTENT = new Set(['button', 'link', 'heading', 'DisclosureTriangle', 'tab', 'menuitem', 'option', 'cell', 'tooltip', 'switch', 'checkbox']);

  function transform(text, el) {
    const t = getComputedStyle(el).textTransform;
    return t === 'uppercase' ? text.toUpperCase() : t === 'lowercase' ? text.toLowerCase() : text;
  }
  /** Text of the content as the accessible-name computation takes it (hidden parts skipped). */
  function contentText(el) {
    let out = '';
    for (const node of el.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) out += transform(node.data, el);
      else if (node.nodeType === Node.ELEMENT_NODE) {
        if (hiddenFromAx(node)) continue;
        const label = node.getAttribute('aria-label');
        const block = getComputedStyle(node).display !== 'inline';
        const inner = label ?? (node.tagName === 'IMG' ? node.getAttribute('alt') ?? '' : contentText(node));
        out += block ? ` ${inner} ` : inner;
      }
    }
    return out;
  }
  function idrefText(el, attr) {
    const ids = el.getAttribute(attr);
    if (!ids) return null;
    const root = el.getRootNode();
    return norm(ids.split(/\s+/).map((id) => { const t = root.getElementById(id); return t ? contentText(t) : ''; }).join(' '));
  }
  function nameOf(el) {
    const labelled = idrefText(el, 'aria-labelledby');
    if (labelled) return labelled;
    const label = el.getAttribute('aria-label');
    if (label?.trim()) return norm(label);
    if (FROM_CONTENT.has(roleOf(el))) return norm(contentText(el));
    if (el.tagName === 'IMG') return el.getAttribute('alt') ?? '';
    return norm(el.getAttribute('title') ?? '');
  }
  const descriptionOf = (el) => idrefText(el, 'aria-describedby') ?? '';

  function matches(value, want, exact) {
    if (want && typeof want === 'object') return new RegExp(want.re[0], want.re[1]).test(value);
    return exact ? value === norm(want) : value.toLowerCase().includes(norm(want).toLowerCase());
  }
  const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'HEAD', 'TITLE', 'NOSCRIPT']);
  /** An element's text as laid out: a host's shadow tree instead of its children, no scripts. */
  function rawText(node) {
    if (node.nodeType === Node.TEXT_NODE) return node.data;
    if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return '';
    if (SKIP.has(node.tagName)) return '';
    let out = '';
    for (const child of (node.shadowRoot ?? node).childNodes) out += rawText(child);
    return out;
  }
  const textOf = (el) => norm(rawText(el));
  const composedContains = (a, b) => {
    for (let e = b; e; e = parentOf(e)) if (e === a) return true;
    return false;
  };
  function step(scopes, s) {
    const below = (scope) => [...(scope.shadowRoot ? deep(scope.shadowRoot) : []), ...deep(scope)];
    if (s.css) return scopes.flatMap((sc) => below(sc).filter((el) => el.matches(s.css)));
    if (s.role) {
      return scopes.flatMap((sc) => below(sc).filter((el) =>
        roleOf(el) === s.role &&
        (s.includeHidden || !hiddenFromAx(el)) &&
        (s.level === undefined || el.tagName === `H${s.level}` || el.getAttribute('aria-level') === String(s.level)) &&
        (s.name === undefined || matches(nameOf(el), s.name, s.exact))));
    }
    if (s.text !== undefined) {
      // The innermost elements whose text matches (as Playwright's getByText).
      return scopes.flatMap((sc) => {
        const hits = below(sc).filter((el) => !SKIP.has(el.tagName) && matches(textOf(el), s.text, s.exact));
        return hits.filter((el) => !hits.some((other) => other !== el && composedContains(el, other)));
      });
    }
    if (s.hasText !== undefined) return scopes.filter((el) => matches(textOf(el), s.hasText, false));
    if (s.nth !== undefined) {
      const el = s.nth < 0 ? scopes[scopes.length + s.nth] : scopes[s.nth];
      return el ? [el] : [];
    }
    throw new Error(`unknown locator step ${JSON.stringify(s)}`);
  }
  const resolve = (chain) => chain.reduce((scopes, s) => [...new Set(step(scopes, s))], [document]);

  function visible(el) {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && el.checkVisibility({ visibilityProperty: true });
  }
  /** The element under a viewport point, followed through shadow roots. */
  function elementAt(x, y) {
    let el = document.elementFromPoint(x, y);
    while (el?.shadowRoot) {
      const inner = el.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === el) break;
      el = inner;
    }
    return el;
  }
  /** Where a pointer acts on an element: the centre of its first box (the first line of a
   *  wrapped link), scrolled into view first if it is not wholly in it. */
  function target(el, { scroll = true } = {}) {
    const inView = (r) => r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= document.documentElement.clientWidth;
    const box = () => [...el.getClientRects()].find((r) => r.width > 0 && r.height > 0) ?? el.getBoundingClientRect();
    if (scroll && !inView(box())) el.scrollIntoView({ block: 'center', inline: 'center' });
    const r = box();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    const hit = elementAt(x, y);
    let receives = false;
    for (let e = hit; e; e = parentOf(e)) if (e === el) receives = true;
    return { x, y, receives, covering: hit ? `<${hit.tagName.toLowerCase()} class="${hit.className}">` : 'nothing' };
  }

  /** What a screen reader would get, computed from the DOM (engines other than Chromium give
   *  no accessibility tree over WebDriver): exposed elements with role, name, description. */
  function axNodes() {
    const out = [];
    for (const el of deep(document)) {
      if (hiddenFromAx(el)) continue;
      const role = roleOf(el);
      const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.data.trim()).map((n) => norm(transform(n.data, el)));
      for (const text of own) out.push({ role: 'StaticText', name: text, description: '', expanded: undefined });
      if (!role) continue;
      const expanded = el.tagName === 'SUMMARY' ? el.parentElement?.open : el.hasAttribute('aria-expanded') ? el.getAttribute('aria-expanded') === 'true' : undefined;
      out.push({ role, name: nameOf(el), description: descriptionOf(el), expanded });
    }
    return out;
  }

  /** Whether a find bar can match `text`: in a rendered text node that is not under `hidden`,
   *  display: none or content-visibility: hidden (the things find bars skip). */
  function findable(text) {
    const want = norm(text).toLowerCase();
    const has = (el) => textOf(el).toLowerCase().includes(want);
    return [...deep(document)].some((el) =>
      !SKIP.has(el.tagName) && has(el) && ![...(el.shadowRoot ?? el).children].some(has) &&
      el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: false }));
  }

  /** Where a widget's article is: its shadow root, or in light mode the element itself. */
  const root = (host) => host.shadowRoot ?? host;

  return { resolve, visible, target, axNodes, findable, root };
}
