// A mid-range phone: headless Chromium with its CPU slowed ×4 (CDP Emulation.setCPUThrottlingRate,
// rate 4, set on every page before it loads).
// 1. Time to first rendered article, cold (a fresh context per load), widget vs JS stack, the pages
//    alternating, one warm-up round dropped (bench/browser-ttfr.js's pages and rules).
// 2. Input latency on the widget page: real Playwright input (mouse clicks, key presses) on
//    - reveal: each spoiler gate's Reveal button,
//    - popover open: each citation (then Escape closes it, not timed),
//    - FAQ toggle: each question clicked open and clicked closed, and opened with Enter.
//    Each input comes as a reader's does: the target scrolled into view and the pointer over it
//    (or the focus on it) a moment before, then the press alone. (Playwright's click scrolls, moves
//    and presses at once: the press's next frame then also renders what the scroll brought into
//    view and the hover; it measured a popover at 57 ms where the press alone takes ~17.)
//    Latency is measured in the page from the input event's `timeStamp` to the next frame after the
//    widget changed the DOM: a capture listener on window (it runs before the widget's own handlers)
//    schedules requestAnimationFrame → setTimeout(0); the timeout runs after that frame is
//    produced. Each action is checked to have taken effect. Chromium's Event Timing API
//    (PerformanceEventTiming, durationThreshold 16 ms: shorter events are not reported) gives a
//    second figure for the same events: duration = timeStamp → next paint, rounded to 8 ms.
//   node bench/browser-throttled.js [--loads 7] [--latency-loads 3] [--rate 4] [--json]
import { chromium } from 'playwright-core';
import { startServer } from '../tools/serve.js';
import { CHROMIUM } from '../tools/screenshot.js';
import { ROOT, buildJsStack, numberArg } from './lib/browser.js';
import { interleavedLoads } from './browser-ttfr.js';
import { stats } from './lib/timing.js';

const args = process.argv.slice(2);
const loads = numberArg(args, '--loads', 7);
const latencyLoads = numberArg(args, '--latency-loads', 3);
const rate = numberArg(args, '--rate', 4);

/** Runs in the page before its scripts: records every click and keydown, and Event Timing entries. */
function instrument() {
  window.__inputs = [];
  const note = (e) => {
    const rec = { type: e.type, timeStamp: e.timeStamp, key: e.key ?? null };
    window.__inputs.push(rec);
    requestAnimationFrame(() => setTimeout(() => (rec.nextFrame = performance.now() - e.timeStamp)));
  };
  addEventListener('click', note, { capture: true });
  addEventListener('keydown', note, { capture: true });
  window.__eventTiming = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__eventTiming.push({ name: e.name, startTime: e.startTime, duration: e.duration });
    }).observe({ type: 'event', buffered: true, durationThreshold: 16 });
  } catch {
    window.__eventTiming = null; // no Event Timing in this engine
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const server = await startServer({ port: 0, root: ROOT });
buildJsStack();
const browser = await chromium.launch(CHROMIUM);
const result = { browser: `Chromium ${browser.version()}`, rate };
try {
  const open = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(instrument);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    return { page, close: () => context.close() };
  };

  // 1. Time to first render, throttled.
  result.ttfr = { loads, pages: await interleavedLoads(loads, open, server.url, { warmup: 1 }) };

  // 2. Input latency on the widget page.
  const samples = { reveal: [], popover: [], faqClick: [], faqKey: [] };
  const eventTiming = { reveal: [], popover: [], faqClick: [], faqKey: [] };
  for (let l = 0; l < latencyLoads; l++) {
    const { page, close } = await open();
    try {
      await page.goto(`${server.url}bench/pages/widget.html`);
      await page.waitForFunction(() => window.__painted !== undefined || window.__failed !== undefined, null, { timeout: 60000 });
      const host = page.locator('article-widget');
      /** Does `act`, then waits for its input's record; checks `done` (in the page) afterwards. */
      const timed = async (kind, type, act, done, arg) => {
        const from = await page.evaluate(() => window.__inputs.length);
        await act();
        const rec = await page.waitForFunction(([start, want]) => {
          const r = window.__inputs.slice(start).find((x) => x.type === want);
          return r?.nextFrame !== undefined ? r : null;
        }, [from, type], { timeout: 20000 }).then((h) => h.jsonValue());
        if (!(await page.evaluate(done, arg))) throw new Error(`${kind}: the input had no effect`);
        samples[kind].push(rec.nextFrame);
        await sleep(150); // let anything the input started (positioning, transitions) settle
        const et = await page.evaluate(([t, want]) => window.__eventTiming?.find((e) => e.name === want && Math.abs(e.startTime - t) < 1), [rec.timeStamp, type]);
        eventTiming[kind].push(et ? et.duration : null);
      };
      /** A reader's click: scrolled to and pointed at first (each settled), then the press. */
      const press = async (locator) => {
        await locator.scrollIntoViewIfNeeded();
        await sleep(300);
        const box = await locator.boundingBox();
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await sleep(300);
        await page.mouse.down();
        await page.mouse.up();
      };
      const root = 'document.querySelector("article-widget").shadowRoot';
      // Reveal: every gate, in page order.
      const gates = await page.evaluate(`${root}.querySelectorAll('.aw-gate [data-aw-action="reveal"]').length`);
      for (let i = 0; i < gates; i++) {
        const button = host.locator('.aw-gate:not([hidden]) [data-aw-action="reveal"]').first();
        const part = await button.evaluate((b) => b.closest('.aw-gate').dataset.awGate);
        await timed('reveal', 'click', () => press(button), (p) => document.querySelector('article-widget').shadowRoot.querySelector(`[data-aw-gated="${p}"]`).hidden === false, part);
      }
      // Popover open: every citation (all visible now), closed again with Escape.
      const cites = await page.evaluate(`${root}.querySelectorAll('a.aw-cite-ref').length`);
      for (let i = 0; i < cites; i++) {
        const cite = host.locator('a.aw-cite-ref').nth(i);
        await timed('popover', 'click', () => press(cite), (n) => document.querySelector('article-widget').shadowRoot.querySelectorAll('a.aw-cite-ref')[n].getAttribute('aria-expanded') === 'true', i);
        await page.keyboard.press('Escape');
        await sleep(100);
      }
      // FAQ: click open, click closed; then Enter opens (and Enter closes, not timed).
      const items = await page.evaluate(`${root}.querySelectorAll('summary.aw-faq-question').length`);
      const isOpen = ([n, want]) => document.querySelector('article-widget').shadowRoot.querySelectorAll('details.aw-faq-item')[n].open === want;
      for (let i = 0; i < items; i++) {
        const summary = host.locator('summary.aw-faq-question').nth(i);
        await timed('faqClick', 'click', () => press(summary), isOpen, [i, true]);
        await timed('faqClick', 'click', () => press(summary), isOpen, [i, false]);
        await summary.focus();
        await sleep(300);
        await timed('faqKey', 'keydown', () => page.keyboard.press('Enter'), isOpen, [i, true]);
        await page.keyboard.press('Enter');
        await sleep(100);
      }
    } finally {
      await close();
    }
  }
  result.latency = Object.fromEntries(Object.entries(samples).map(([k, v]) => {
    const et = eventTiming[k];
    const reported = et.filter((d) => d !== null);
    return [k, { ...stats(v), eventTiming: { reported: reported.length, of: et.length, median: reported.length ? stats(reported).median : null, max: reported.length ? Math.max(...reported) : null } }];
  }));
  result.latencyLoads = latencyLoads;
} finally {
  await browser.close();
  await server.close();
}
if (args.includes('--json')) console.log(JSON.stringify(result));
else {
  for (const p of result.ttfr.pages) console.log(`CPU ×${rate}, ${loads} cold loads: ${p.name}: median ${p.median.toFixed(0)} ms (IQR ${p.q1.toFixed(0)}–${p.q3.toFixed(0)})`);
  for (const [k, s] of Object.entries(result.latency)) {
    console.log(`CPU ×${rate}, ${k}: ${s.n} inputs, median ${s.median.toFixed(1)} ms, max ${s.max.toFixed(1)} ms; Event Timing: ${s.eventTiming.reported} of ${s.eventTiming.of} ≥ 16 ms${s.eventTiming.max !== null ? `, median ${s.eventTiming.median} ms, longest ${s.eventTiming.max} ms` : ''}`);
  }
}
