// Spoiler gating (docs/HTML.md "Gating"). Gated text sits in `<div data-aw-gated hidden>`: not
// rendered, not in the accessibility tree, not found by find-in-page. Revealing removes `hidden`
// and hides the part's gate, and swaps what the core marked for the part elsewhere (its entries in
// Contents, a safe heading or question: `data-aw-after-reveal` / `data-aw-until-reveal`); the
// reader's choice is remembered per article unless opted out.
import { focusElement, keepInPlace } from './context.js';
import { readChoice, writeChoice } from './storage.js';

export function wireSpoilers(ctx, { persist: wanted, subject = '', onHide }) {
  const { article } = ctx;
  const persist = wanted && Boolean(ctx.articleId); // no id, no key to remember it under
  const subjectKey = persist && subject ? `subject:${subject}` : ''; // article ids are slugs: no clash
  const contents = [...article.querySelectorAll('[data-aw-gated]')];
  const gateOf = (content) => article.querySelector(`[data-aw-gate="${CSS.escape(content.dataset.awGated)}"]`);
  const actions = article.querySelector('.aw-spoiler-actions');
  const allButton = article.querySelector('[data-aw-action="reveal-all"]');

  // Script-only controls ship invisible but in place (no-JS readers must not see dead buttons,
  // and showing them must not move the page): they work from now on.
  if (actions && !contents.length) actions.hidden = true;
  article.setAttribute('data-aw-live', '');
  if (!contents.length) return { hideAll() {} };

  const showLabel = allButton?.textContent.trim() || 'Show all spoilers';
  const hideLabel = ctx.label('hideAll', 'Hide spoilers');
  const status = document.createElement('span');
  status.className = 'aw-visually-hidden';
  status.setAttribute('role', 'status');
  (actions ?? allButton)?.append(status);

  // Each per-part button is also described by its part's heading ("Reveal this section" × 4
  // is ambiguous in a screen reader's list of buttons).
  for (const button of article.querySelectorAll('[data-aw-action="reveal"]')) {
    const heading = describedBy(button);
    if (heading) button.setAttribute('aria-describedby', heading);
  }

  const marked = (attribute, part) => article.querySelectorAll(`[${attribute}="${CSS.escape(part)}"]`);
  const setRevealed = (content, revealed) => {
    content.hidden = !revealed;
    const gate = gateOf(content);
    if (gate) gate.hidden = revealed;
    for (const node of marked('data-aw-after-reveal', content.dataset.awGated)) node.hidden = !revealed;
    for (const node of marked('data-aw-until-reveal', content.dataset.awGated)) node.hidden = revealed;
  };
  const allShown = () => contents.every((c) => !c.hidden);
  const sync = () => {
    if (!allButton) return;
    const shown = allShown();
    allButton.textContent = shown ? hideLabel : showLabel;
    allButton.dataset.awState = shown ? 'shown' : 'hidden';
  };
  const save = () => {
    if (!persist) return;
    const parts = contents.filter((c) => !c.hidden).map((c) => c.dataset.awGated);
    writeChoice(ctx.articleId, allShown() ? { all: true, parts: [] } : { all: false, parts });
    if (subjectKey) writeChoice(subjectKey, { all: allShown(), parts: [] });
  };

  // A returning reader's choice, applied before the article is first seen: no flash, no jump.
  if (persist) {
    const choice = readChoice(ctx.articleId);
    const all = choice.all || (subjectKey && readChoice(subjectKey).all);
    for (const content of contents) {
      if (all || choice.parts.includes(content.dataset.awGated)) setRevealed(content, true);
    }
  }
  sync();

  function revealPart(content) {
    if (!content.hidden) return;
    // What is above the gate (its heading, the question) must not move: the text appears in place.
    const gate = gateOf(content);
    const above = (gate ?? content).previousElementSibling ?? (gate ?? content).parentElement;
    keepInPlace(above, () => setRevealed(content, true));
    // The reader asked for this part: start reading (and tabbing) from its beginning.
    focusElement(content);
    ctx.emit('spoiler-reveal', { articleId: ctx.articleId, part: content.dataset.awGated });
    save();
    sync();
  }

  function toggleAll() {
    if (allShown()) {
      hideAll();
      status.textContent = ctx.label('spoilersHidden', 'Spoilers hidden.');
    } else {
      keepInPlace(allButton, () => contents.forEach((c) => setRevealed(c, true)));
      ctx.emit('spoiler-reveal', { articleId: ctx.articleId, part: 'all' });
      status.textContent = ctx.label('spoilersShown', 'All spoilers shown.');
    }
    save();
    sync();
  }

  function hideAll() {
    onHide?.();
    keepInPlace(allButton ?? contents[0], () => contents.forEach((c) => setRevealed(c, false)));
    save();
    sync();
  }

  ctx.on(article, 'click', (event) => {
    const button = event.target.closest('button[data-aw-action]');
    if (!button || !article.contains(button)) return;
    if (button.dataset.awAction === 'reveal-all') toggleAll();
    else if (button.dataset.awAction === 'reveal') {
      const id = button.getAttribute('aria-controls');
      const content = contents.find((c) => c.id === id) ?? button.closest('.aw-gate')?.nextElementSibling;
      if (content?.hasAttribute('data-aw-gated')) revealPart(content);
    }
  });

  return { hideAll };
}

/** The id of the heading (or FAQ question) that names a gate's part. */
function describedBy(button) {
  const details = button.closest('details');
  const summary = details?.querySelector(':scope > summary');
  if (summary) {
    if (!summary.id) summary.id = `${details.id}_question`; // `_`: never an article slug
    return summary.id;
  }
  return button.closest('[aria-labelledby]')?.getAttribute('aria-labelledby') ?? null;
}
