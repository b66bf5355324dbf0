// When the app starts (public/boot.js): never for a reader who only reads;
// at the first sign of intent (a pointer on a link, a pointer pressed, focus
// on a control, a key); at once where a page needs it. A click before it is
// ready is an ordinary page load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holdWasm, hostAndBrowser, withPage } from './harness.mjs';

const session = hostAndBrowser();
const ARTICLE = '/de/article/beispiel-artikelformat';

/** Whether the page asks for the wasm within `ms` milliseconds. */
async function wasmAskedWithin(page, ms) {
  return page
    .waitForRequest((request) => request.url().endsWith('.wasm'), { timeout: ms })
    .then(() => true)
    .catch(() => false);
}

for (const path of ['/de/', ARTICLE, '/ar/', '/zh/section/xinwen/', '/de/info/impressum', '/de/archive/2025/11/04']) {
  test(`a reader who only reads ${path}, scrolling, never loads the app`, () =>
    withPage(session.browser, async (page) => {
      await page.goto(session.host.origin + path);
      const asked = wasmAskedWithin(page, 2000);
      await page.mouse.wheel(0, 600);
      assert.equal(await asked, false, 'no wasm asked for');
      assert.equal(await page.evaluate(() => window.wasmBindings), undefined);
    }));
}

const INTENTS = {
  'a pointer resting on a link': (page) => page.locator('main a[href]').first().hover(),
  'focus on the search field': (page) => page.locator('#search-field').focus(),
  'a key press': (page) => page.keyboard.press('Tab'),
  'a pointer pressed on the text': (page) => page.locator('.article-body p').first().click(),
};
for (const [intent, show] of Object.entries(INTENTS)) {
  test(`${intent} starts the app`, () =>
    withPage(session.browser, async (page) => {
      await page.goto(session.host.origin + ARTICLE);
      assert.equal(await wasmAskedWithin(page, 500), false, 'not before');
      const asked = wasmAskedWithin(page, 5000);
      await show(page);
      assert.equal(await asked, true, 'the wasm is asked for');
      await page.waitForFunction(() => window.wasmBindings !== undefined);
      assert.equal(new URL(page.url()).pathname, ARTICLE);
    }));
}

for (const path of ['/de/search?q=Liegeplatz', '/', '/de/?page=2']) {
  test(`${path} needs the app and starts it at once`, () =>
    withPage(session.browser, async (page) => {
      await page.goto(session.host.origin + path);
      await page.waitForFunction(() => window.wasmBindings !== undefined, null, { timeout: 10000 });
    }));
}

test('a click before the app is ready is an ordinary page load', () =>
  withPage(session.browser, async (page) => {
    const release = await holdWasm(page);
    await page.goto(session.host.origin + ARTICLE);
    const newer = page.locator('nav.neighbours a').first();
    const href = await newer.getAttribute('href');
    await Promise.all([page.waitForURL(session.host.origin + href), newer.click()]);
    await page.locator('article h1').waitFor();
    assert.equal(await page.evaluate(() => window.wasmBindings), undefined, 'a new page, without the app');
    release();
  }));
