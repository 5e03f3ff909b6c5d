// Spoiler gating (docs/HTML.md "Gating"). Gated text sits in `<div data-aw-gated hidden>`: not
// rendered, not in the accessibility tree, not found by find-in-page. Revealing removes `hidden`
// and hides the part's gate, and swaps what the core marked for the part elsewhere (its entries in
// Contents, a safe heading or question: `data-aw-after-reveal` / `data-aw-until-reveal`); the
// reader's choice is remembered per article unless opted out.
import { focusElement, keepInPlace } from './context.js';
import { createSpoilers } from './state.js';
import { readChoice, writeChoice } from './storage.js';

/** Wires the article's gates; returns the spoiler state (state.js's createSpoilers) and hideAll. */
export function wireSpoilers(ctx, { persist: wanted, subject = '', onHide }) {
  const { article } = ctx;
  const persist = wanted && Boolean(ctx.articleId); // no id, no key to remember it under
  const subjectKey = persist && subject ? `subject:${subject}` : ''; // article ids are slugs: no clash
  const contents = new Map([...article.querySelectorAll('[data-aw-gated]')].map((c) => [c.dataset.awGated, c]));
  const machine = createSpoilers([...contents.keys()]);
  const gateOf = (content) => article.querySelector(`[data-aw-gate="${CSS.escape(content.dataset.awGated)}"]`);
  const actions = article.querySelector('.aw-spoiler-actions');
  const allButton = article.querySelector('[data-aw-action="reveal-all"]');

  // Script-only controls ship invisible but in place (no-JS readers must not see dead buttons,
  // and showing them must not move the page): they work from now on.
  if (actions && !contents.size) actions.hidden = true;
  article.setAttribute('data-aw-live', '');
  if (!contents.size) return { state: machine, hideAll() {} };

  const showLabel = allButton?.textContent.trim(); // the core's words, in the article's language
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
  const setRevealed = (part, revealed) => {
    const content = contents.get(part);
    content.hidden = !revealed;
    const gate = gateOf(content);
    if (gate) gate.hidden = revealed;
    for (const node of marked('data-aw-after-reveal', part)) node.hidden = !revealed;
    for (const node of marked('data-aw-until-reveal', part)) node.hidden = revealed;
  };
  // What must not move on screen while parts appear or go: a part's own place (what is above
  // its gate: its heading, the question), or the "Show all" button.
  const anchorOf = (anchor, parts) => {
    if (anchor === 'part') {
      const content = contents.get(parts[0]);
      const gate = gateOf(content) ?? content;
      return gate.previousElementSibling ?? gate.parentElement;
    }
    return anchor === 'all' ? allButton ?? contents.get(parts[0]) : null;
  };
  const apply = (parts, revealed, anchor) => {
    const change = () => parts.forEach((p) => setRevealed(p, revealed));
    const at = anchorOf(anchor, parts);
    if (at) keepInPlace(at, change);
    else change();
  };
  const effects = {
    reveal: ({ parts, anchor }) => apply(parts, true, anchor),
    conceal: ({ parts, anchor }) => apply(parts, false, anchor),
    focus: ({ part }) => focusElement(contents.get(part)),
    revealed: ({ part }) => ctx.emit('spoiler-reveal', { articleId: ctx.articleId, part }),
    announce: ({ label }) => (status.textContent = ctx.label(label)),
    beforeHide: () => onHide?.(),
    save({ choice }) {
      if (!persist) return;
      writeChoice(ctx.articleId, choice);
      if (subjectKey) writeChoice(subjectKey, { all: choice.all, parts: [] });
    },
    sync({ allShown }) {
      if (!allButton) return;
      allButton.textContent = allShown ? ctx.label('hideAll') : showLabel;
      allButton.dataset.awState = allShown ? 'shown' : 'hidden';
    },
  };
  const send = (event) => machine.dispatch(event).forEach((effect) => effects[effect.type](effect));

  // A returning reader's choice, applied before the article is first seen: no flash, no jump.
  const choice = persist ? readChoice(ctx.articleId) : { all: false, parts: [] };
  send({ type: 'restore', all: choice.all || Boolean(subjectKey && readChoice(subjectKey).all), parts: choice.parts });

  ctx.on(article, 'click', (event) => {
    const button = event.target.closest('button[data-aw-action]');
    if (!button || !article.contains(button)) return;
    if (button.dataset.awAction === 'reveal-all') send({ type: 'toggleAll' });
    else if (button.dataset.awAction === 'reveal') {
      const id = button.getAttribute('aria-controls');
      const content = [...contents.values()].find((c) => c.id === id) ?? button.closest('.aw-gate')?.nextElementSibling;
      if (content?.hasAttribute('data-aw-gated')) send({ type: 'reveal', part: content.dataset.awGated });
    }
  });

  return { state: machine, hideAll: () => send({ type: 'hideAll' }) };
}

/** The id of the heading (or FAQ question) that names a gate's part. */
function describedBy(button) {
  const details = button.closest('details');
  const summary = details?.querySelector(':scope > summary');
  if (summary) return summary.id; // the core gives every question an id
  return button.closest('[aria-labelledby]')?.getAttribute('aria-labelledby') ?? null;
}
