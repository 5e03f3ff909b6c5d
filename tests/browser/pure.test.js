// The shim's pure parts (no browser): popover placement maths and error-state wording.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placePopover } from '../../web/widget/position.js';
import { describeFailure, failureErrors } from '../../web/widget/failure.js';

const viewport = { width: 1000, height: 800 };
const ref = (left, top, width = 20, height = 18) => ({ left, top, width, height, right: left + width, bottom: top + height });

test('placePopover: below when it fits, centred on the reference', () => {
  const p = placePopover({ ref: ref(490, 100), pop: { width: 300, height: 200 }, viewport });
  assert.deepEqual(p, { top: 126, left: 350, placement: 'below', maxHeight: null });
});

test('placePopover: above near the bottom edge, ending above the reference', () => {
  const r = ref(490, 700);
  const p = placePopover({ ref: r, pop: { width: 300, height: 200 }, viewport });
  assert.equal(p.placement, 'above');
  assert.equal(p.top + 200, r.top - 8);
});

test('placePopover: clamped inside the viewport on both sides', () => {
  assert.equal(placePopover({ ref: ref(2, 100), pop: { width: 300, height: 100 }, viewport }).left, 8);
  assert.equal(placePopover({ ref: ref(990, 100), pop: { width: 300, height: 100 }, viewport }).left, 1000 - 8 - 300);
  // wider than the viewport: pinned to the margin
  assert.equal(placePopover({ ref: ref(100, 100), pop: { width: 1200, height: 100 }, viewport }).left, 8);
});

test('placePopover: too tall for either side takes the roomier side with a max height, never covering the reference', () => {
  const r = ref(490, 300);
  const p = placePopover({ ref: r, pop: { width: 300, height: 900 }, viewport });
  assert.equal(p.placement, 'below');
  assert.equal(p.maxHeight, 800 - r.bottom - 8 - 8);
  assert.ok(p.top >= r.bottom);
  const q = placePopover({ ref: ref(490, 600), pop: { width: 300, height: 900 }, viewport });
  assert.equal(q.placement, 'above');
  assert.ok(q.top + q.maxHeight <= 600);
});

test('describeFailure: retry only where it can help', () => {
  assert.equal(describeFailure({ kind: 'http', status: 404 }).retry, false);
  assert.equal(describeFailure({ kind: 'http', status: 503 }).retry, true);
  assert.equal(describeFailure({ kind: 'network' }).retry, true);
  assert.equal(describeFailure({ kind: 'core' }).retry, true);
  assert.equal(describeFailure({ kind: 'invalid', errors: [] }).retry, false);
});

test('describeFailure: JSON refused by a limit is not "not valid JSON"', () => {
  const deep = describeFailure({ kind: 'invalid', errors: [{ code: 'json-too-deep', message: 'deep', severity: 'error' }] });
  assert.doesNotMatch(deep.message, /not valid JSON/);
  assert.match(describeFailure({ kind: 'stylesheet' }).message, /styles could not be loaded/);
});

test('describeFailure: JSON syntax vs schema problems; the first three shown, the rest counted; warnings ignored', () => {
  const e = (i, extra = {}) => ({ code: 'missing-field', path: `/f${i}`, line: i, column: 2, message: `m${i}`, severity: 'error', ...extra });
  const syntax = describeFailure({ kind: 'invalid', errors: [e(1, { code: 'json-syntax', path: '' })] });
  assert.match(syntax.message, /not valid JSON/);
  assert.deepEqual(syntax.items, [{ where: 'line 1, column 2', message: 'm1' }]);
  const schema = describeFailure({ kind: 'invalid', errors: [e(1), e(2), e(3), e(4), e(5), e(6, { severity: 'warning' })] });
  assert.match(schema.message, /5 problems/);
  assert.equal(schema.items.length, 3);
  assert.deepEqual(schema.items[0], { where: '/f1 · line 1, column 2', message: 'm1' });
  assert.equal(schema.more, 2);
});

test('failureErrors: network-level failures become error objects with stable codes', () => {
  assert.equal(failureErrors({ kind: 'http', message: 'HTTP 500' })[0].code, 'http-status');
  assert.equal(failureErrors({ kind: 'core', message: 'x' })[0].code, 'core-load-failed');
  const errors = [{ code: 'json-syntax' }];
  assert.equal(failureErrors({ kind: 'invalid', errors }), errors);
});
