// FAQ: native <details>/<summary> (keyboard, semantics and no-JS reading come free); the shim only
// reports toggles to the host page. Deep links that open an item live in navigate.js.

export function wireFaq(ctx) {
  // `toggle` does not bubble: listen in the capture phase on the article.
  ctx.on(
    ctx.article,
    'toggle',
    (event) => {
      const item = event.target;
      if (!(item instanceof HTMLDetailsElement) || !item.classList.contains('aw-faq-item')) return;
      ctx.emit('faq-toggle', { articleId: ctx.articleId, id: faqItemId(ctx.prefix, item.id), open: item.open });
    },
    { capture: true },
  );
}

/** "aw1-where-to-watch" → "where-to-watch" (the id in the article JSON). */
export function faqItemId(prefix, elementId) {
  return elementId.startsWith(prefix) ? elementId.slice(prefix.length) : elementId;
}
