// Warm render in headless Chromium: the widget's public API (w.render on the seed's JSON text)
// against the JS stack doing the same job in the same page (bench/js-stack/article.js: JSON.parse,
// markdown-it + markdown-it-footnote, the same article template, DOMPurify), both warmed up, then
// interleaved rounds (order alternating); each round is the mean of as many calls as fill
// --round-ms. Reports µs per article (median over rounds) and what each output holds; also the
// JS stack without DOMPurify, to show where its time goes.
//   node bench/browser-warm.js [--rounds 21] [--round-ms 100] [--json]
import { chromium } from 'playwright-core';
import { startServer } from '../tools/serve.js';
import { CHROMIUM } from '../tools/screenshot.js';
import { ROOT, buildJsStack, numberArg } from './lib/browser.js';
import { stats } from './lib/timing.js';

const args = process.argv.slice(2);
const rounds = numberArg(args, '--rounds', 21);
const roundMs = numberArg(args, '--round-ms', 100);

buildJsStack();
const server = await startServer({ port: 0, root: ROOT });
const browser = await chromium.launch(CHROMIUM);
let result;
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}bench/pages/warm.html`);
  await page.waitForFunction(() => window.__bench || window.__failed, null, { timeout: 60000 });
  const failed = await page.evaluate(() => window.__failed);
  if (failed) throw new Error(failed);
  const shapes = await page.evaluate(() => window.__bench.shapes());
  const { samples, plan } = await page.evaluate((o) => window.__bench.run(o), { rounds, roundMs, warmupMs: 1000 });
  result = {
    browser: `Chromium ${browser.version()}`,
    rounds,
    roundMs,
    widget: { ...stats(samples.widget), callsPerRound: plan.widget, ...shapes.widget },
    jsStack: { ...stats(samples.jsStack), callsPerRound: plan.jsStack, ...shapes.jsStack },
    jsStackNoSanitize: { ...stats(samples.jsStackNoSanitize), callsPerRound: plan.jsStackNoSanitize },
  };
} finally {
  await browser.close();
  await server.close();
}
if (args.includes('--json')) console.log(JSON.stringify(result));
else {
  for (const k of ['widget', 'jsStack']) {
    const s = result[k];
    console.log(`${k}: median ${s.median.toFixed(0)} µs (IQR ${s.q1.toFixed(0)}–${s.q3.toFixed(0)}), ${s.bytes} B of HTML, ${s.sections} sections, ${s.faq} FAQ, ${s.citations} citations, ${s.endnotes} endnotes`);
  }
  console.log(`JS stack without DOMPurify: median ${result.jsStackNoSanitize.median.toFixed(0)} µs`);
  console.log(`widget ÷ JS stack: ${(result.widget.median / result.jsStack.median).toFixed(2)}`);
}
