// One page API for the three browser engines a reader may use, so the same
// test source runs in each (engines.test.mjs): Chromium (Debian's chromium,
// over CDP) and Firefox (Debian's firefox-esr, over WebDriver BiDi), both by
// puppeteer-core, and WebKit (WebKitGTK's MiniBrowser from Debian's
// webkit2gtk-driver) by WebKitWebDriver over W3C WebDriver classic, spoken
// here with plain fetch: a handful of commands do not need a client library.
//
// The API is what a reader does and what a test reads: open an address,
// click, focus, type and press keys, run a function in the page, wait until
// one holds. Everything but opening, clicking and keys is a function run in
// the page, so it behaves alike in every engine. What WebDriver classic
// lacks is left out: request interception (the test host holds the wasm
// instead, see startHost's holdWasm) and scripts run before a page's own
// (uncaught errors are recorded from the moment the page is open).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS, freePort } from './harness.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
const XVFB = '/usr/bin/Xvfb';
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** A tablet's landscape width: the header shows its search field from 768 px on. */
const VIEWPORT = { width: 1024, height: 768 };

/**
 * Why `engine` cannot run here (a message naming the Debian package to
 * install), or undefined when it can.
 */
export function engineMissing(engine) {
  const install = (what, path, pkg) =>
    existsSync(path) ? undefined : `${what} is not installed (${path}): apt-get install ${pkg}, or scripts/setup --browser`;
  switch (engine) {
    case 'chromium':
      return install('Chromium', CHROMIUM, 'chromium');
    case 'firefox':
      return install('Firefox', FIREFOX, 'firefox-esr');
    case 'webkit':
      return (
        install('WebKitWebDriver', WEBKIT_DRIVER, 'webkit2gtk-driver') ??
        install("WebKitGTK's MiniBrowser", MINIBROWSER, 'webkit2gtk-driver') ??
        install('Xvfb, the X display MiniBrowser draws on,', XVFB, 'xvfb')
      );
    default:
      throw new Error(`no engine ${engine}: one of ${ENGINES.join(', ')}`);
  }
}

/**
 * Starts `engine`'s browser: `{ newPage(), close() }`. Each page is a first
 * visit, without the cache or storage of any other; use one at a time.
 */
export async function launch(engine) {
  const missing = engineMissing(engine);
  if (missing) throw new Error(missing);
  return engine === 'webkit' ? launchWebKit() : launchPuppeteer(engine);
}

/** How long waitForFunction waits unless told: an app start in the slowest engine, with room. */
const WAIT_MS = 15_000;

/**
 * The engine-neutral page over a `driver` of one engine, which only opens
 * addresses, runs functions in the page, clicks, presses keys and closes.
 */
function neutralPage(driver) {
  const page = {
    /**
     * Opens `url` and returns once its document is parsed (not loaded: a
     * held wasm would hold the load event back); from then on the page's
     * uncaught errors and rejections are recorded (see errors).
     */
    async goto(url) {
      await driver.goto(url);
      const recordErrors = () => {
        window.__brnnErrors = [];
        addEventListener('error', (event) => window.__brnnErrors.push(String(event.message)));
        addEventListener('unhandledrejection', (event) => window.__brnnErrors.push(String(event.reason)));
      };
      // WebKitWebDriver may time out once while the page settles (seen under load): ask once more.
      await driver.evaluate(recordErrors).catch(() => driver.evaluate(recordErrors));
    },
    /** Runs `fn(...args)` in the page and returns what it returns, awaited: args and result are JSON values (not elements). */
    evaluate: (fn, ...args) => driver.evaluate(fn, ...args),
    /**
     * Waits until `fn(arg)`, run in the page, is truthy and returns it; fails
     * after `timeout` ms naming `what` (the function's source unless told).
     */
    async waitForFunction(fn, arg, { timeout = WAIT_MS, what = fn.toString() } = {}) {
      const deadline = Date.now() + timeout;
      for (;;) {
        // Between two documents (a page load) the page cannot answer: ask again.
        const value = await driver.evaluate(fn, arg).catch(() => undefined);
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`waited ${timeout} ms in vain for ${what} at ${await page.url()}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    /** Clicks the first element matching `selector` as a reader would: scrolled into view, a real pointer. */
    click: (selector) => driver.click(selector),
    focus: (selector) => page.evaluate((selector) => document.querySelector(selector).focus(), selector),
    /** Types `text` into the focused element, key by key. */
    type: (text) => driver.type(text),
    /** Presses (and releases) `key`: a character or one of KEYS. */
    press: (key) => driver.press(keyName(key)),
    /** The text of the first element matching `selector`, null when none does. */
    text: (selector) => page.evaluate((selector) => document.querySelector(selector)?.textContent ?? null, selector),
    /** The texts of all elements matching `selector`. */
    texts: (selector) =>
      page.evaluate((selector) => [...document.querySelectorAll(selector)].map((e) => e.textContent), selector),
    attribute: (selector, name) =>
      page.evaluate(
        (selector, name) => document.querySelector(selector)?.getAttribute(name) ?? null,
        selector,
        name,
      ),
    url: () => page.evaluate(() => location.href),
    /** The uncaught errors and rejections of the document since it was opened by goto. */
    errors: () => page.evaluate(() => window.__brnnErrors ?? []),
    close: () => driver.close(),
  };
  return page;
}

/** Keys press() takes by name: puppeteer's names, and their WebDriver code points. */
const KEYS = {
  Shift: '\uE008',
  Enter: '\uE007',
  Tab: '\uE004',
  Home: '\uE011',
  End: '\uE010',
  ArrowLeft: '\uE012',
  ArrowRight: '\uE014',
};
function keyName(key) {
  if (key.length === 1 || key in KEYS) return key;
  throw new Error(`press() knows ${Object.keys(KEYS).join(', ')} and single characters, not ${key}`);
}

async function launchPuppeteer(engine) {
  const browser = await puppeteer.launch(
    engine === 'chromium'
      ? { browser: 'chrome', executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true, defaultViewport: VIEWPORT }
      : { browser: 'firefox', executablePath: FIREFOX, headless: true, defaultViewport: VIEWPORT },
  );
  return {
    async newPage() {
      // A context of its own, as a first visit: no cache (a held wasm must not come from it), no storage.
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      return neutralPage({
        goto: (url) => page.goto(url, { waitUntil: 'domcontentloaded' }),
        evaluate: (fn, ...args) => page.evaluate(fn, ...args),
        click: (selector) => page.click(selector),
        type: (text) => page.keyboard.type(text),
        press: (key) => page.keyboard.press(key),
        close: () => context.close(),
      });
    },
    close: () => browser.close(),
  };
}

/** The W3C WebDriver name of an element reference in a command's answer. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/**
 * A child process of `command` that a test run never leaves behind, and a
 * promise of its exit.
 */
function child(command, args, options) {
  const spawned = spawn(command, args, options);
  const exited = new Promise((resolve) => spawned.once('exit', resolve));
  process.once('exit', () => spawned.kill());
  return { process: spawned, exited };
}

/**
 * An X display of its own for MiniBrowser, which has no headless mode:
 * Xvfb on the first free display number, which it writes to fd 3 once it
 * accepts clients. It never resets: by default it does when its last
 * client leaves, between two pages, and the next page's MiniBrowser finds
 * no display.
 */
async function startDisplay() {
  const xvfb = child(XVFB, ['-displayfd', '3', '-noreset', '-nolisten', 'tcp', '-screen', '0', '1280x1024x24'], {
    stdio: ['ignore', 'ignore', 'inherit', 'pipe'],
  });
  let written = '';
  const display = await new Promise((resolve, reject) => {
    xvfb.process.stdio[3].on('data', (data) => {
      written += data;
      if (written.endsWith('\n')) resolve(`:${written.trim()}`);
    });
    xvfb.exited.then((code) => reject(new Error(`Xvfb ended (${code}) before it named its display`)));
  });
  return { display, ...xvfb };
}

/**
 * WebKitWebDriver on a free port and a display of its own; each new page is
 * a session of it, a MiniBrowser of its own with an empty profile (the
 * driver holds one session at a time; a second tab in one session did not
 * start the app on the search page, where the boot script waits for an
 * animation frame).
 */
async function launchWebKit() {
  const xvfb = await startDisplay();
  const port = await freePort();
  const driver = child(WEBKIT_DRIVER, [`--port=${port}`], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DISPLAY: xvfb.display },
  });
  const base = `http://127.0.0.1:${port}`;
  /** Sends one WebDriver command and returns its value; fails with WebDriver's error. */
  async function command(method, path, body) {
    const response = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const { value } = await response.json();
    if (!response.ok) throw new Error(`WebKitWebDriver ${method} ${path}: ${value.error}: ${value.message}`);
    return value;
  }
  // The driver listens a moment after it starts.
  for (let tries = 0; ; tries += 1) {
    const ready = await command('GET', '/status').then(
      (status) => status.ready,
      () => false,
    );
    if (ready) break;
    if (tries === 100) throw new Error(`WebKitWebDriver did not answer on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const sessions = new Set();
  return {
    async newPage() {
      const { sessionId } = await command('POST', '/session', {
        capabilities: {
          alwaysMatch: {
            'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
            // Navigation returns once the document is parsed, as goto promises.
            pageLoadStrategy: 'eager',
            // A page that keeps WebKitWebDriver waiting fails in seconds, not after its default 300.
            timeouts: { pageLoad: 30_000, script: 30_000 },
          },
        },
      });
      sessions.add(sessionId);
      const session = (method, path, body) => command(method, `/session/${sessionId}${path}`, body);
      await session('POST', '/window/rect', VIEWPORT);
      /** Presses and releases each of `values` (characters or WebDriver key code points) in turn. */
      const keys = (values) => {
        const actions = values.flatMap((value) => [
          { type: 'keyDown', value },
          { type: 'keyUp', value },
        ]);
        return session('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
      };
      return neutralPage({
        goto: (url) => session('POST', '/url', { url }),
        // WebDriver awaits a returned promise, as puppeteer's evaluate does.
        evaluate: (fn, ...args) => session('POST', '/execute/sync', { script: `return (${fn}).apply(null, arguments)`, args }),
        click: async (selector) => {
          const element = await session('POST', '/element', { using: 'css selector', value: selector });
          await session('POST', `/element/${element[ELEMENT]}/click`, {});
        },
        type: (text) => keys([...text]),
        press: (key) => keys([KEYS[key] ?? key]),
        close: async () => {
          sessions.delete(sessionId);
          await session('DELETE', '');
        },
      });
    },
    async close() {
      // A session a failed test left open.
      await Promise.all([...sessions].map((id) => command('DELETE', `/session/${id}`).catch(() => {})));
      driver.process.kill();
      xvfb.process.kill();
      await Promise.all([driver.exited, xvfb.exited]);
    },
  };
}
