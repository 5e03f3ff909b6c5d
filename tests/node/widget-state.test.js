// The widget's behaviour as state machines (web/widget/state.js), without a browser: footnote
// popovers, spoiler gating, where a link goes, and how they play together. The browser suites
// check the same behaviour through real DOM events; these pin down the decisions and their
// interplay case by case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFootnotes, createSpoilers, navigation, HOVER_OPEN_MS } from '../../web/widget/state.js';

const types = (fx) => fx.map((e) => e.type).filter((t) => t !== 'cancel');
const shown = (fx) => fx.filter((e) => e.type === 'show').map((e) => e.trigger);

test('footnotes: click opens, a second click closes, another citation switches', () => {
  const f = createFootnotes();
  assert.deepEqual(types(f.dispatch({ type: 'activate', trigger: 'c1' })), ['show', 'opened']);
  assert.deepEqual(f.open, { trigger: 'c1', via: 'click' });
  const fx = f.dispatch({ type: 'activate', trigger: 'c2' });
  assert.deepEqual(types(fx), ['hide', 'show', 'opened']);
  assert.equal(fx.find((e) => e.type === 'hide').trigger, 'c1');
  assert.deepEqual(types(f.dispatch({ type: 'activate', trigger: 'c2' })), ['hide']);
  assert.equal(f.open, null);
});

test('footnotes: Escape closes one layer at a time, and only then is it consumed', () => {
  const f = createFootnotes();
  f.dispatch({ type: 'activate', trigger: 'c1' });
  assert.deepEqual(types(f.dispatch({ type: 'escape', focusInside: true })), ['hide', 'focus', 'consume']);
  // Nothing open: the next Escape belongs to the host page (a dialog around the widget).
  assert.deepEqual(f.dispatch({ type: 'escape', focusInside: true }).filter((e) => e.type === 'consume'), []);
});

test('footnotes: focus back on the citation after closing does not reopen it; the next keyboard focus does', () => {
  const f = createFootnotes();
  f.dispatch({ type: 'focus', trigger: 'c1', keyboard: true, quiet: false });
  assert.equal(f.open.via, 'focus');
  f.dispatch({ type: 'escape', focusInside: true }); // focus returns to c1
  assert.deepEqual(shown(f.dispatch({ type: 'focus', trigger: 'c1', keyboard: true, quiet: false })), []);
  f.dispatch({ type: 'focusLeave', from: 'c1', fromOpen: false, to: 'elsewhere' });
  assert.deepEqual(shown(f.dispatch({ type: 'focus', trigger: 'c1', keyboard: true, quiet: false })), ['c1']);
});

test('footnotes: mouse focus and the widget\'s own focus moves open nothing', () => {
  const f = createFootnotes();
  assert.deepEqual(shown(f.dispatch({ type: 'focus', trigger: 'c1', keyboard: false, quiet: false })), []);
  assert.deepEqual(shown(f.dispatch({ type: 'focus', trigger: 'c1', keyboard: true, quiet: true })), []);
});

test('footnotes: focus leaving both trigger and popover closes; to the popover or to nowhere it stays', () => {
  const f = createFootnotes();
  f.dispatch({ type: 'activate', trigger: 'c1' });
  assert.deepEqual(types(f.dispatch({ type: 'focusLeave', from: 'c1', fromOpen: true, to: 'popover' })), []);
  assert.deepEqual(types(f.dispatch({ type: 'focusLeave', from: 'c1', fromOpen: true, to: 'nowhere' })), []);
  assert.deepEqual(types(f.dispatch({ type: 'focusLeave', from: 'link', fromOpen: true, to: 'elsewhere' })), ['hide']);
});

test('footnotes: hover opens after a delay, leaving closes after a grace delay, a click pins it', () => {
  const f = createFootnotes();
  const fx = f.dispatch({ type: 'hoverEnter', trigger: 'c1' });
  assert.deepEqual(fx.at(-1), { type: 'start', timer: 'open', ms: HOVER_OPEN_MS });
  assert.equal(f.open, null, 'nothing opens before the delay');
  f.dispatch({ type: 'timer', timer: 'open' });
  assert.deepEqual(f.open, { trigger: 'c1', via: 'hover' });
  // Into the popover: the close timer is cancelled, it stays.
  f.dispatch({ type: 'hoverLeave' });
  assert.deepEqual(f.dispatch({ type: 'popoverEnter' }), [{ type: 'cancel', timer: 'close' }]);
  // A click pins it: leaving no longer starts a close timer.
  f.dispatch({ type: 'activate', trigger: 'c1' });
  assert.equal(f.open.via, 'click');
  assert.deepEqual(f.dispatch({ type: 'hoverLeave' }).filter((e) => e.type === 'start'), []);
});

test('footnotes: leaving before the delay opens nothing', () => {
  const f = createFootnotes();
  f.dispatch({ type: 'hoverEnter', trigger: 'c1' });
  assert.deepEqual(f.dispatch({ type: 'hoverLeave' }), [{ type: 'cancel', timer: 'open' }]);
  // A timer that fired anyway (already queued) would open: the adapter cancels it, as told.
});

test('spoilers: reveal one part, then all, then hide all; what is saved and announced', () => {
  const s = createSpoilers(['qa', 'ending', 'faq-1']);
  const one = s.dispatch({ type: 'reveal', part: 'ending' });
  assert.deepEqual(types(one), ['reveal', 'focus', 'revealed', 'save', 'sync']);
  assert.deepEqual(one.find((e) => e.type === 'save').choice, { all: false, parts: ['ending'] });
  assert.deepEqual(s.dispatch({ type: 'reveal', part: 'ending' }), [], 'revealing twice does nothing');
  const all = s.dispatch({ type: 'toggleAll' });
  assert.deepEqual(all.find((e) => e.type === 'reveal').parts, ['qa', 'faq-1'], 'only what was still hidden');
  assert.deepEqual(all.find((e) => e.type === 'announce'), { type: 'announce', label: 'spoilersShown' });
  assert.deepEqual(all.find((e) => e.type === 'save').choice, { all: true, parts: [] });
  const hide = s.dispatch({ type: 'toggleAll' });
  assert.deepEqual(types(hide), ['beforeHide', 'conceal', 'announce', 'save', 'sync']);
  assert.equal(s.allShown, false);
});

test('spoilers: a returning reader\'s choice is applied silently', () => {
  const s = createSpoilers(['a', 'b']);
  const fx = s.dispatch({ type: 'restore', all: false, parts: ['b', 'gone'] });
  assert.deepEqual(fx, [{ type: 'reveal', parts: ['b'], anchor: 'none' }, { type: 'sync', allShown: false }]);
  assert.equal(s.isRevealed('b'), true);
  assert.deepEqual(s.dispatch({ type: 'reveal', part: 'gone' }), [], 'a part the article no longer has');
});

test('interplay: hiding spoilers closes a popover opened inside a gated part', () => {
  const f = createFootnotes();
  const s = createSpoilers(['ending']);
  s.dispatch({ type: 'reveal', part: 'ending' });
  f.dispatch({ type: 'activate', trigger: 'cite-in-ending' });
  // mount.js routes beforeHide to the footnotes, as here.
  const fx = s.dispatch({ type: 'hideAll' }).flatMap((e) => (e.type === 'beforeHide' ? f.dispatch({ type: 'close' }) : [e]));
  assert.equal(f.open, null);
  assert.ok(fx.some((e) => e.type === 'hide' && e.trigger === 'cite-in-ending'));
  assert.ok(fx.findIndex((e) => e.type === 'hide') < fx.findIndex((e) => e.type === 'conceal'), 'closed before its text is hidden');
});

test('interplay: a reveal while a popover is open elsewhere leaves it open; Escape then closes it, not the reveal', () => {
  const f = createFootnotes();
  const s = createSpoilers(['ending']);
  f.dispatch({ type: 'activate', trigger: 'cite-in-intro' });
  assert.equal(s.dispatch({ type: 'reveal', part: 'ending' }).some((e) => e.type === 'beforeHide'), false);
  assert.equal(f.open.trigger, 'cite-in-intro');
  assert.ok(f.dispatch({ type: 'escape', focusInside: false }).some((e) => e.type === 'consume'));
  assert.equal(s.isRevealed('ending'), true);
});

test('navigation: a link into a gated part goes to its outermost hidden gate, and into it once revealed', () => {
  const s = createSpoilers(['ending', 'inline-1']);
  assert.deepEqual(navigation(s, { gates: ['ending', 'inline-1'] }), { to: 'gate', part: 'ending', openFaq: false });
  s.dispatch({ type: 'reveal', part: 'ending' });
  assert.deepEqual(navigation(s, { gates: ['ending', 'inline-1'] }), { to: 'gate', part: 'inline-1', openFaq: false });
  s.dispatch({ type: 'reveal', part: 'inline-1' });
  assert.deepEqual(navigation(s, { gates: ['ending', 'inline-1'], inFaq: true }), { to: 'target', openFaq: true });
  assert.deepEqual(navigation(s, {}), { to: 'target', openFaq: false });
});

test('two widgets: each has its own state; a press in one closes the other\'s popover', () => {
  const a = createFootnotes();
  const b = createFootnotes();
  a.dispatch({ type: 'activate', trigger: 'a1' });
  b.dispatch({ type: 'activate', trigger: 'b1' });
  // The press lands in b: for a it is outside (footnotes.js sends close), for b it is its trigger.
  a.dispatch({ type: 'close' });
  assert.equal(a.open, null);
  assert.equal(b.open.trigger, 'b1');
  const sa = createSpoilers(['x']);
  const sb = createSpoilers(['x']);
  sa.dispatch({ type: 'reveal', part: 'x' });
  assert.equal(sb.isRevealed('x'), false);
});
