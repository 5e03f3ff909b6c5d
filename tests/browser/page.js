// One page API over three engines, so that each browser test is written once: Chromium through
// playwright-core, Firefox ESR through puppeteer-core (WebDriver BiDi), WebKitGTK's MiniBrowser
// through selenium-webdriver (WebKitWebDriver in a virtual X display). playwright-core cannot drive
// stock Firefox or WebKit (it needs its own patched builds), hence three drivers.
//
// It has the subset of Playwright's page API that the tests use. Locating (role, name, text, CSS
// through open shadow roots) runs in the page (in-page.js), identically in every engine; pointer
// and keyboard input are the engine's own (trusted events). What an engine's driver cannot do is a
// named capability (`lacks`), so a test that needs it is skipped by name, never passed silently.
import { spawn, execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { Builder, Origin, Key } from 'selenium-webdriver';
import { CHROMIUM } from '../../tools/screenshot.js';
import { inPage } from './in-page.js';
import { decodePng, encodePng } from './png.js';

const LIB = `(${inPage.toString()})()`;
const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 667 };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** promise's value, or null after ms; the timer is cleared (a pending one keeps node's process,
 *  and so the test file, alive until it fires). */
function withTimeout(promise, ms) {
  let timer;
  return Promise.race([promise, new Promise((r) => (timer = setTimeout(() => r(null), ms)))]).finally(() => clearTimeout(timer));
}

/** What some engine's driver cannot do, with the reason a skipped test gives. */
const LACKS = {
  chromium: {
    textSize: 'Chromium: its default font size is a profile preference, not settable over CDP',
  },
  firefox: {
    printMedia: 'Firefox: no print-media emulation over WebDriver BiDi (CDP only)',
    layoutShift: 'Firefox: no Layout Instability API (layout-shift entries are Chromium only)',
    axTree: 'Firefox: no accessibility tree over WebDriver BiDi',
    jsDisabled: 'Firefox: no JavaScript switch over WebDriver BiDi (Firefox 153 does not know emulation.setScriptingEnabled)',
  },
  webkit: {
    printMedia: 'WebKit: no print-media emulation over WebDriver',
    layoutShift: 'WebKit: no Layout Instability API (layout-shift entries are Chromium only)',
    axTree: 'WebKit: no accessibility tree over WebDriver',
    touch: 'WebKit: WebKitGTK has no touch events, and WebDriver touch actions arrive as a mouse',
    textSize: 'WebKit: MiniBrowser exposes no default font size setting',
    scrollbars: 'WebKit: WebKitGTK draws overlay scrollbars, which take no room',
    windowFind: 'WebKit: window.find does not search shadow roots',
  },
};

// ---------------------------------------------------------------------------------------------
// The page, over an engine-specific `impl`.

const keySpec = (key) => {
  const parts = key.split('+');
  return { mods: parts.slice(0, -1), key: parts.at(-1) === ' ' ? 'Space' : parts.at(-1) };
};

class Locator {
  constructor(page, chain) {
    this.page = page;
    this.chain = chain;
  }
  #with(step) {
    return new Locator(this.page, [...this.chain, step]);
  }
  getByRole(role, { name, exact, level, includeHidden } = {}) {
    return this.#with({ role, name: pattern(name), exact, level, includeHidden });
  }
  getByText(text, { exact } = {}) {
    return this.#with({ text: pattern(text), exact });
  }
  locator(css, { hasText } = {}) {
    const l = this.#with({ css });
    return hasText === undefined ? l : l.filter({ hasText });
  }
  filter({ hasText }) {
    return this.#with({ hasText: pattern(hasText) });
  }
  nth(i) {
    return this.#with({ nth: i });
  }
  first() {
    return this.nth(0);
  }
  last() {
    return this.nth(-1);
  }
  toString() {
    return JSON.stringify(this.chain);
  }

  /** Runs fn(elements, arg) in the page, now. */
  all(fn, arg) {
    return this.page.evaluate(`(els, arg) => (${fn})(els, arg)`, arg, this.chain);
  }
  count() {
    return this.all((els) => els.length);
  }
  isVisible() {
    return this.all((els) => Boolean(els[0]) && __aw.visible(els[0]));
  }
  allInnerTexts() {
    return this.all((els) => els.map((e) => e.innerText));
  }

  /** Waits (as Playwright does) until exactly one element matches, then runs fn(el, arg). */
  async evaluate(fn, arg, { timeout = 10000, visible = false } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const r = await this.page.evaluate(
        `async (els, [arg, visible]) => {
          if (els.length > 1) return { many: els.length };
          if (!els.length || (visible && !__aw.visible(els[0]))) return { none: true };
          return { value: await (${fn})(els[0], arg) };
        }`, [arg, visible], this.chain).catch((err) => (NAVIGATING.test(err?.message) ? { none: true } : Promise.reject(err)));
      if (r.many) throw new Error(`strict mode: ${this} matches ${r.many} elements`);
      if (!r.none) return r.value;
      if (Date.now() > deadline) throw new Error(`no ${visible ? 'visible ' : ''}element for ${this} after ${timeout} ms`);
      await sleep(50);
    }
  }
  waitFor({ state = 'visible', timeout = 10000 } = {}) {
    return this.evaluate(() => true, undefined, { timeout, visible: state === 'visible' });
  }
  getAttribute(name) {
    return this.evaluate((el, n) => el.getAttribute(n), name);
  }
  innerText() {
    return this.evaluate((el) => el.innerText);
  }
  focus() {
    return this.evaluate((el) => el.focus());
  }
  scrollIntoViewIfNeeded() {
    return this.evaluate((el) => __aw.target(el) && null);
  }
  boundingBox() {
    return this.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.width || r.height ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
    });
  }
  /** Where a pointer would act on it, once it is visible and nothing covers it (unless force). */
  async point({ force = false, timeout = 10000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const t = await this.evaluate((el) => __aw.target(el), undefined, { timeout, visible: true });
      if (t.receives || force) return t;
      if (Date.now() > deadline) throw new Error(`${this} is covered by ${t.covering}`);
      await sleep(50);
    }
  }
  async click(options) {
    const { x, y } = await this.point(options);
    await this.page.mouse.click(x, y);
  }
  async tap(options) {
    const { x, y } = await this.point(options);
    await this.page.touchscreen.tap(x, y);
  }
  /** What the engine painted of the element: { width, height, pixel(x, y) → [r, g, b] } in
   *  device pixels, from a screenshot. */
  async pixels() {
    await this.evaluate(() => true, undefined, { visible: true });
    const { png, x, y } = await this.page.impl.elementShot(`(window.__awLib ??= ${LIB}).resolve(${JSON.stringify(this.chain)})[0]`);
    const shot = decodePng(png);
    const { width, height } = await this.boundingBox();
    const scale = await this.page.evaluate(() => devicePixelRatio);
    return { width: Math.round(width * scale), height: Math.round(height * scale), pixel: (px, py) => shot.pixel(px + x, py + y) };
  }
}

const pattern = (p) => (p instanceof RegExp ? { re: [p.source, p.flags] } : p);

export class Page {
  constructor(engine, impl, { viewport, env }) {
    this.engine = engine;
    this.impl = impl;
    this.viewport = viewport;
    this.env = env;
    this.routes = [];
    this.initScripts = [];
    this.errorsBefore = [];
    this.createdAt = [env.requests.length, env.responses.length];
    this.keyboard = { press: (key) => this.impl.press(keySpec(key)) };
    this.mouse = {
      move: async (x, y, { steps = 1 } = {}) => {
        const [fx, fy] = this.pointer ?? [x, y];
        const path = Array.from({ length: steps }, (_, i) => [fx + ((x - fx) * (i + 1)) / steps, fy + ((y - fy) * (i + 1)) / steps]);
        await this.impl.move(path);
        this.pointer = [x, y];
      },
      click: async (x, y) => {
        await this.mouse.move(x, y);
        await this.impl.click(x, y);
      },
    };
    this.touchscreen = { tap: (x, y) => this.impl.tap(x, y) };
    env.pages.add(this);
  }
  /** The raw driver page (Playwright's in Chromium), for what only that engine has. */
  get raw() {
    return this.impl.raw;
  }

  /** fn is a function (or its source) of (arg) — or of (elements, arg) when a locator chain is given. */
  async evaluate(fn, arg, chain) {
    const source = `(async () => {
      const __aw = (window.__awLib ??= ${LIB});
      const fn = (${fn});
      const r = await (${chain ? `fn(__aw.resolve(${JSON.stringify(chain)}), ${JSON.stringify(arg)})` : `fn(${JSON.stringify(arg) ?? 'undefined'})`});
      return JSON.stringify(r === undefined ? {} : { v: r });
    })()`;
    const json = await this.impl.evaluate(source);
    return JSON.parse(json).v;
  }
  async waitForFunction(fn, arg, { timeout = 15000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await this.evaluate(fn, arg).catch((err) => (Date.now() > deadline ? Promise.reject(err) : null));
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`waitForFunction timed out after ${timeout} ms: ${String(fn).slice(0, 200)}`);
      await sleep(50);
    }
  }
  waitForTimeout(ms) {
    return sleep(ms);
  }

  getByRole(...a) {
    return new Locator(this, []).getByRole(...a);
  }
  getByText(...a) {
    return new Locator(this, []).getByText(...a);
  }
  locator(...a) {
    return new Locator(this, []).locator(...a);
  }

  /** Loads url; `waitUntil: 'commit'` returns once the new document exists (for a held script). */
  async goto(url, { waitUntil = 'load' } = {}) {
    await this.#keepErrors();
    this.url = url;
    if (waitUntil === 'commit') {
      await this.impl.evaluate(`(location.href = ${JSON.stringify(url)}, '{}')`);
      await this.waitForFunction((u) => location.href === u && !window.__awLeaving, url);
    } else {
      await this.impl.goto(url);
    }
  }
  reload(options) {
    return this.goto(this.url, options);
  }
  async #keepErrors() {
    const [errors, consoleErrors] = (await this.#errorsNow().catch(() => null)) ?? [[], []];
    this.errorsBefore.push(...errors);
    (this.consoleBefore ??= []).push(...consoleErrors);
    await this.impl.evaluate(`(window.__awLeaving = true, '{}')`).catch(() => {});
  }
  #errorsNow() {
    return this.evaluate(() => [window.__awErrors ?? [], window.__awConsole ?? []]);
  }
  /** Uncaught errors and unhandled rejections in the page, from every document it has shown. */
  async pageErrors() {
    return [...this.errorsBefore, ...(await this.#errorsNow())[0]];
  }
  /** console.error calls, each as its JSON-able arguments. */
  async consoleErrors() {
    return [...(this.consoleBefore ?? []), ...(await this.#errorsNow())[1]];
  }

  /** A script run first in every HTML page this page loads from the test server. */
  addInitScript(fn, arg) {
    this.initScripts.push(`(${fn})(${JSON.stringify(arg) ?? ''});`);
  }
  /** Answers requests to the test server whose path matches `glob` (what page.route does in
   *  Playwright, done by the server so it works in every engine): handler(req) → undefined (the
   *  file), 'abort' (a network error), or { status, body, contentType, headers, path } (path: a
   *  file of the served folder); may be async (a held response). */
  route(glob, handler) {
    const re = new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\0').replace(/\*/g, '[^/]*').replace(/\0/g, '.*')}$`);
    this.routes.push({ glob, re, handler });
  }
  unroute(glob) {
    this.routes = this.routes.filter((r) => r.glob !== glob);
  }
  /** Paths requested from the test server since this page was opened. */
  requests() {
    return this.env.requests.slice(this.createdAt[0]);
  }
  /** The test server's responses to this page so far: { path, status }. */
  responses() {
    return this.env.responses.slice(this.createdAt[1]);
  }

  async screenshot({ path: out, fullPage = false } = {}) {
    const png = await this.impl.screenshot({ fullPage });
    if (out) writeFileSync(out, png);
    return png;
  }
  async addScript(source) {
    await this.impl.evaluate(`(() => { ${source}\n; return '{}'; })()`);
  }
  async close() {
    this.env.pages.delete(this);
    await this.impl.close();
  }
  /** Whether err says the browser under this page went away (WebDriver's "no such session": a
   *  MiniBrowser gone; the other engines' drivers do not say it). */
  lost(err) {
    return err?.name === 'NoSuchSessionError' && typeof this.engine.session === 'function';
  }
  /** A fresh browser under this page, with the options it was made with, on a fresh display and
   *  driver too (a reopen on the same driver was seen to lose its browser again at once: the CI
   *  run of 2026-12-06). */
  async reopen() {
    await this.impl.close().catch(() => {});
    await this.engine.close();
    Object.assign(this, await this.engine.session(this.options));
  }
}

// ---------------------------------------------------------------------------------------------
// Engines. Each launches lazily, once per profile (the options only a relaunch can change), and
// keeps one browser at a time.

const profileOf = (o) => ({
  colorScheme: o.colorScheme ?? 'light',
  reducedMotion: o.reducedMotion ?? 'no-preference',
  javaScriptEnabled: o.javaScriptEnabled ?? true,
  scrollbars: Boolean(o.scrollbars),
  textSize: o.textSize ?? null,
  touch: Boolean(o.hasTouch),
  tabsToLinks: Boolean(o.tabsToLinks),
});

class Engine {
  constructor(name) {
    this.name = name;
    this.current = null; // { key, handle }
  }
  lacks(...needs) {
    const reasons = needs.map((n) => LACKS[this.name][n]).filter(Boolean);
    return reasons.length ? reasons.join('; ') : false;
  }
  async handleFor(profile) {
    const key = JSON.stringify(this.relevant(profile));
    if (this.current?.key !== key) {
      await this.close();
      this.current = { key, handle: await this.launch(profile) };
    }
    return this.current.handle;
  }
  async close() {
    const c = this.current;
    this.current = null;
    if (c) await this.shutdown(c.handle);
  }
  shutdown(browser) {
    return browser.close();
  }
  /** The profile of these page options, and the browser (or driver) launched for it. */
  async prepare(options) {
    const p = profileOf(options);
    const reason = this.lacks(...needsOf(p));
    if (reason) throw new Error(reason);
    return [p, await this.handleFor(p)];
  }
}

/** The page's driver calls, for Playwright and puppeteer pages (alike but for what `own` gives). */
function driverImpl(page, context, own) {
  return {
    raw: page,
    evaluate: (src) => page.evaluate(src),
    goto: (url) => page.goto(url),
    move: async (path) => {
      for (const [x, y] of path) await page.mouse.move(x, y);
    },
    click: (x, y) => page.mouse.click(x, y),
    tap: (x, y) => page.touchscreen.tap(x, y),
    screenshot: ({ fullPage }) => page.screenshot({ fullPage }),
    elementShot: async (expr) => ({ png: await (await page.evaluateHandle(expr)).asElement().screenshot(), x: 0, y: 0 }),
    close: () => context.close(),
    ...own,
  };
}

class ChromiumEngine extends Engine {
  constructor() {
    super('chromium');
  }
  relevant(p) {
    return { scrollbars: p.scrollbars }; // the rest is per context
  }
  async launch(p) {
    // Headless Chromium hides scrollbars (--hide-scrollbars); desktop Chromium on Linux and
    // Windows shows classic ones.
    const browser = await chromium.launch({ ...CHROMIUM, ...(p.scrollbars && { ignoreDefaultArgs: ['--hide-scrollbars'] }) });
    this.version = `Chromium ${browser.version()}`;
    return browser;
  }
  async newPage(options, env) {
    const [p, browser] = await this.prepare(options);
    const viewport = options.viewport ?? DESKTOP;
    const context = await browser.newContext({
      viewport,
      colorScheme: p.colorScheme,
      reducedMotion: p.reducedMotion,
      javaScriptEnabled: p.javaScriptEnabled,
      hasTouch: p.touch,
      isMobile: p.touch,
      deviceScaleFactor: options.deviceScaleFactor,
    });
    const page = await context.newPage();
    const impl = driverImpl(page, context, { press: ({ mods, key }) => page.keyboard.press([...mods, key].join('+')) });
    return new Page(this, impl, { viewport, env });
  }
}

class FirefoxEngine extends Engine {
  constructor() {
    super('firefox');
  }
  // eslint-disable-next-line no-unused-vars -- dropped: Firefox's Tab reaches links anyway
  relevant({ tabsToLinks, ...p }) {
    return p;
  }
  async launch(p) {
    const prefs = {
      'layout.css.prefers-color-scheme.content-override': p.colorScheme === 'dark' ? 0 : 1,
      'ui.prefersReducedMotion': p.reducedMotion === 'reduce' ? 1 : 0,
      ...(p.touch && { 'dom.w3c_touch_events.enabled': 1 }),
      // The reader's text size (Settings › Fonts › Size), which the widget's `font-size: medium` follows.
      ...(p.textSize && { 'font.size.variable.x-western': p.textSize, 'font.size.variable.he': p.textSize }),
    };
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
      headless: true,
      extraPrefsFirefox: prefs,
    });
    this.version = `Firefox ${(await browser.version()).replace(/^firefox\//, '')}`;
    return browser;
  }
  async newPage(options, env) {
    const [p, browser] = await this.prepare(options);
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.bringToFront(); // an unfocused tab gets keys but moves no focus on Tab
    const viewport = options.viewport ?? DESKTOP;
    await page.setViewport({ ...viewport, hasTouch: p.touch, isMobile: p.touch });
    const impl = driverImpl(page, context, {
      goto: (url) => page.goto(url, { waitUntil: 'load' }),
      press: async ({ mods, key }) => {
        for (const m of mods) await page.keyboard.down(m);
        await page.keyboard.press(key === 'Space' ? ' ' : key);
        for (const m of mods.reverse()) await page.keyboard.up(m);
      },
    });
    return new Page(this, impl, { viewport, env });
  }
}

/** Ends a child process (SIGTERM, then SIGKILL after 5 s) and waits until it has exited. */
async function stop(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill();
  if (!(await withTimeout(exited.then(() => true), 5000))) {
    child.kill('SIGKILL');
    await exited;
  }
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

/** WebKit's answer to a script whose document was replaced while it ran (a navigation). */
const unloading = (err) => /before the unload event/.test(err?.message);
/** Each driver's answer to a script whose document went away (after a click on a link, say):
 *  while waiting for an element, that is "not there yet", as in Playwright. */
const NAVIGATING = /Execution context was destroyed|before the unload event/;

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const WK_KEYS = { Tab: Key.TAB, Enter: Key.ENTER, Escape: Key.ESCAPE, Space: Key.SPACE, Shift: Key.SHIFT };

class WebKitEngine extends Engine {
  constructor() {
    super('webkit');
  }
  relevant(p) {
    return { colorScheme: p.colorScheme, reducedMotion: p.reducedMotion, javaScriptEnabled: p.javaScriptEnabled, tabsToLinks: p.tabsToLinks };
  }
  async display() {
    if (!this.xvfb) {
      // A screen tall enough for a whole-page screenshot of the seed at desktop width.
      this.xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1920x12000x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
      this.DISPLAY = ':' + (await new Promise((resolve, reject) => {
        this.xvfb.stdio[3].once('data', (d) => resolve(String(d).trim()));
        this.xvfb.once('exit', () => reject(new Error('Xvfb exited')));
      }));
    }
    return this.DISPLAY;
  }
  async launch(p) {
    const display = await this.display();
    // GTK's animation setting is what WebKitGTK reports as prefers-reduced-motion.
    const config = mkdtempSync(path.join(tmpdir(), 'aw-webkit-'));
    mkdirSync(path.join(config, 'gtk-3.0'));
    writeFileSync(path.join(config, 'gtk-3.0', 'settings.ini'), `[Settings]\ngtk-enable-animations=${p.reducedMotion === 'reduce' ? 0 : 1}\n`);
    const port = await freePort();
    // The driver's and MiniBrowser's output, kept to say why a browser went away (Page.reopen).
    const log = path.join(config, 'driver.log');
    const out = openSync(log, 'w');
    const driver = spawn('WebKitWebDriver', [`--port=${port}`], {
      env: { ...process.env, DISPLAY: display, XDG_CONFIG_HOME: config },
      stdio: ['ignore', out, out],
    });
    closeSync(out);
    for (let i = 0; ; i++) {
      if (await fetch(`http://127.0.0.1:${port}/status`).then((r) => r.ok, () => false)) break;
      if (i > 100) throw new Error('WebKitWebDriver did not start');
      await sleep(100);
    }
    const args = ['--automation'];
    if (p.colorScheme === 'dark') args.push('--dark-mode');
    // Safari's default: Tab skips links (Preferences › Advanced › "Press Tab to highlight each item" off).
    args.push(`--enable-tabs-to-links=${p.tabsToLinks}`);
    if (!p.javaScriptEnabled) args.push('--enable-javascript-markup=false'); // the page's scripts; WebDriver's still run
    // pageLoadStrategy none: otherwise every WebDriver command waits for a load that a held
    // script (hydration.test.js) holds; goto waits for the load itself.
    const caps = { browserName: 'MiniBrowser', pageLoadStrategy: 'none', 'webkitgtk:browserOptions': { binary: process.env.MINIBROWSER_PATH || MINIBROWSER, args } };
    if (!this.version) this.version = `WebKitGTK ${execFileSync('dpkg-query', ['-W', '-f=${Version}', 'libwebkit2gtk-4.1-0']).toString().replace(/-.*/, '')}`;
    return { driver, config, port, caps, log };
  }
  /** The last lines the driver (and the browsers it ran) printed. */
  driverLog() {
    const log = this.current?.handle.log;
    return log && existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-40).join('\n') : '';
  }
  // Each process is waited for: a display or driver still going down while the next one starts
  // (the next describe's engine, or a reopen) shares /tmp/.X11-unix and the browsers' caches with it.
  async shutdown({ driver, config }) {
    await stop(driver);
    rmSync(config, { recursive: true, force: true });
  }
  async close() {
    await super.close();
    const xvfb = this.xvfb;
    this.xvfb = null;
    await stop(xvfb);
  }
  async newPage(options, env) {
    const { impl, viewport } = await this.session(options);
    const page = new Page(this, impl, { viewport, env });
    page.options = options;
    return page;
  }
  /** A fresh MiniBrowser sized to options.viewport: { impl, viewport } for a Page. */
  async session(options) {
    const [p] = await this.prepare(options);
    // One session per page: a fresh MiniBrowser, so nothing (localStorage) carries over. On a
    // loaded machine a MiniBrowser has been seen never to come up: then a new driver, once.
    let session;
    for (let attempt = 1; !session; attempt++) {
      const handle = await this.handleFor(p);
      const build = new Builder().usingServer(`http://127.0.0.1:${handle.port}`).withCapabilities(handle.caps).build();
      session = await withTimeout(build, 60000).catch((err) => (attempt < 2 ? null : Promise.reject(err)));
      if (!session && attempt >= 2) throw new Error('WebKitWebDriver: no session in 60 s, twice');
      if (!session) await this.close();
    }
    // Without a window manager nothing gives the window input focus, and WebKit matches :focus and
    // :focus-visible only in a focused window.
    const env = { ...process.env, DISPLAY: this.DISPLAY };
    session.windows = execFileSync('xdotool', ['search', '--onlyvisible', '--class', 'MiniBrowser'], { env }).toString().trim().split('\n');
    for (const id of session.windows) execFileSync('xdotool', ['windowfocus', '--sync', id], { env });
    const viewport = await this.resize(session, options.viewport ?? DESKTOP);
    const actions = () => session.actions({ async: true });
    const impl = {
      raw: session,
      evaluate: (src) => session.executeScript(`return ${src}`),
      // With pageLoadStrategy none, get() returns before the old document is gone, so the wait
      // polls, and a poll that runs while the old document unloads fails with "Callback was not
      // called before the unload event" (seen here, more often the more loaded the machine: the
      // flaky first WebKit test). That is the navigation under way, not a failure: ask again. The
      // wait is for a new document (another time origin) at this URL (fragment aside: a text
      // directive is not in location), loaded; it does not rely on Page.goto's best-effort mark.
      goto: async (url) => {
        const before = await session.executeScript('return performance.timeOrigin').catch(() => null);
        await session.get(url);
        const want = new URL(url).href.replace(/#.*/, '');
        const loaded = () =>
          session.executeScript('return [location.href.replace(/#.*/, ""), performance.timeOrigin, document.readyState]')
            .then(([href, origin, state]) => href === want && origin !== before && state === 'complete', (err) => (unloading(err) ? false : Promise.reject(err)));
        for (let i = 0; !(await loaded()); i++) {
          if (i > 300) throw new Error(`${url} did not load in 30 s`);
          await sleep(100);
        }
      },
      press: async ({ mods, key }) => {
        let a = actions();
        for (const m of mods) a = a.keyDown(WK_KEYS[m]);
        a = a.keyDown(WK_KEYS[key] ?? key).keyUp(WK_KEYS[key] ?? key);
        for (const m of mods.reverse()) a = a.keyUp(WK_KEYS[m]);
        await a.perform();
      },
      // One action sequence (a round trip per step would stretch a hover over the widget's delays).
      move: (path) => path.reduce((a, [x, y]) => a.move({ origin: Origin.VIEWPORT, x: Math.round(x), y: Math.round(y), duration: 0 }), actions()).perform(),
      click: (x, y) => actions().move({ origin: Origin.VIEWPORT, x: Math.round(x), y: Math.round(y), duration: 0 }).press().release().perform(),
      tap: () => Promise.reject(new Error(LACKS.webkit.touch)),
      // WebKitGTK's screenshot shows the document's top whatever the scroll position: so the
      // window is made as tall as the document for one shot, and the part wanted is cut out of
      // it. (WebDriver's element screenshot comes back black for an element in a shadow root.)
      screenshot: async ({ fullPage }) => {
        // The viewport's place in the tall window: by the element at its top (content above it,
        // such as content-visibility: auto sections, may change height as the window grows).
        await session.executeScript(`const e = document.elementFromPoint(innerWidth / 2, 1); window.__awAnchor = [e, e.getBoundingClientRect().top]`);
        const { png, x, y } = await this.tallShot(session, viewport, '[0, window.__awAnchor[0].getBoundingClientRect().top + scrollY - window.__awAnchor[1]]');
        if (fullPage) return png;
        const shot = decodePng(png);
        return encodePng({ width: viewport.width, height: viewport.height, pixel: (px, py) => shot.pixel(px + x, py + y) });
      },
      elementShot: (expr) => this.tallShot(session, viewport, `(() => { const r = (${expr}).getBoundingClientRect(); return [r.x + scrollX, r.y + scrollY]; })()`),
      close: () => session.quit(),
    };
    return { impl, viewport };
  }
  /** A screenshot of the whole document (up to the display's height), with the document
   *  position that `where` (an expression for [x, y]) gives once the window has grown. */
  async tallShot(session, viewport, where) {
    const height = await session.executeScript('return document.documentElement.scrollHeight');
    await this.resize(session, { width: viewport.width, height: Math.min(height, 11000) });
    // Two frames at the new size before the shot: under load a shot taken at once came back black.
    await session.executeScript('return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    const [x, y] = await session.executeScript(`return ${where}.map(Math.round)`);
    const png = Buffer.from(await session.takeScreenshot(), 'base64');
    await this.resize(session, viewport);
    return { png, x, y };
  }
  /** Sizes the window so that the viewport (not the window) is `width`×`height`; returns the
   *  viewport it got. MiniBrowser asks GTK for a window at least 447 px wide, and GTK holds
   *  WebDriver's resizes to that; X itself does not (no window manager here), so a narrower window
   *  is sized by xdotool, directly. GTK was seen to put the width back on the first such resize
   *  after a wider one: the width is read back and set again until the viewport has it. */
  async resize(session, { width, height }) {
    const inner = () => session.executeScript('return [innerWidth, innerHeight]');
    const win = session.manage().window();
    const env = { ...process.env, DISPLAY: this.DISPLAY };
    await win.setRect({ x: 0, y: 0, width, height });
    // The window's frame is measured against the viewport each round, and the size asked again
    // until the viewport has the width: on a loaded machine a resize was seen to land over a
    // second late (the viewport still 1536 px), and a frame measured mid-resize is wrong. Up to 10 s.
    let iw, ih;
    for (let i = 0; ; i++) {
      [iw, ih] = await inner();
      if (iw === width && (ih === height || i >= 30)) break; // a tall shot's height may not be had whole
      if (i === 100) throw new Error(`WebKit: the viewport stayed ${iw} px wide, not ${width}`);
      const rect = await win.getRect();
      const outer = { width: rect.width + width - iw, height: rect.height + height - ih };
      if (width >= 447) await win.setRect(outer).catch(() => {});
      // (No --sync: it waits for a change of size that does not come if X already has this one.)
      for (const id of session.windows) execFileSync('xdotool', ['windowsize', id, String(outer.width), String(outer.height)], { env });
      await sleep(100);
    }
    return { width: iw, height: ih };
  }
}

/** The capabilities a profile needs of its engine. */
function needsOf(p) {
  return [...(p.touch ? ['touch'] : []), ...(p.textSize ? ['textSize'] : []), ...(p.scrollbars ? ['scrollbars'] : []), ...(!p.javaScriptEnabled ? ['jsDisabled'] : [])];
}

export const ENGINE_NAMES = ['chromium', 'firefox', 'webkit'];
const CLASSES = { chromium: ChromiumEngine, firefox: FirefoxEngine, webkit: WebKitEngine };

/** The engines to run: AW_ENGINES=chromium,firefox,webkit (the default is all three). */
export function selectedEngines() {
  const names = (process.env.AW_ENGINES ?? ENGINE_NAMES.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  for (const n of names) if (!CLASSES[n]) throw new Error(`AW_ENGINES: unknown engine ${n} (known: ${ENGINE_NAMES.join(', ')})`);
  return names;
}
export const createEngine = (name) => new CLASSES[name]();
