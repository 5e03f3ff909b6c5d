// The shim's pure parts (no browser): popover placement maths and the facts of a failure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placePopover } from '../../web/widget/position.js';
import { failureErrors, failureFacts } from '../../web/widget/failure.js';

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

test('failureFacts: what the core needs to word the error state, and nothing decided here', () => {
  const errors = [{ code: 'json-syntax', severity: 'error' }, { code: 'unknown-field', severity: 'warning' }];
  assert.deepEqual(failureFacts({ kind: 'invalid', errors }, ['es', undefined, 'en-GB']), { kind: 'invalid', status: 0, lang: ['es', 'en-GB'], codes: ['json-syntax'] });
  assert.deepEqual(failureFacts({ kind: 'http', status: 404 }, ['']), { kind: 'http', status: 404, lang: [], codes: [] });
  assert.equal(failureFacts(undefined, []).kind, 'unexpected');
});

test('failureErrors: network-level failures become error objects with stable codes', () => {
  assert.equal(failureErrors({ kind: 'http', message: 'HTTP 500' })[0].code, 'http-status');
  assert.equal(failureErrors({ kind: 'core', message: 'x' })[0].code, 'core-load-failed');
  const errors = [{ code: 'json-syntax' }];
  assert.equal(failureErrors({ kind: 'invalid', errors }), errors);
});
