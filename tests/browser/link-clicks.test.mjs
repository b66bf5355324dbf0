// Which clicks the app follows itself and which it leaves to the browser
// (the rules are `brnn_model::link_click`, tested natively; here, the real
// events in Chromium), and what a reader does before the app takes over.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appStarted, holdWasm, hostAndBrowser, openApp, policyViolations, startHost, withPage } from './harness.mjs';

const SEED = '/de/article/ecf15130d4b083e2';
const session = hostAndBrowser();
let otherOrigin;
before(async () => (otherOrigin = await startHost()));
after(() => otherOrigin?.close());

/** Opens the front page in the app, marks its document, and adds a link to `href` with `attributes`. */
async function frontPageWithLink(page, href, attributes = {}) {
  await openApp(page, session.host.origin + '/de/');
  await page.evaluate(
    ({ href, attributes }) => {
      window.__sameDocument = true;
      const link = Object.assign(document.createElement('a'), { id: 'test-link', textContent: 'Testlink' });
      link.setAttribute('href', href);
      for (const [name, value] of Object.entries(attributes)) link.setAttribute(name, value);
      document.querySelector('main').prepend(link);
    },
    { href, attributes },
  );
  return page.locator('#test-link');
}

/**
 * Opens `path` with the wasm held back, types `text` into the prerendered
 * page's search field (marked `data-prerendered`), then lets the app take
 * the page over; returns the field.
 */
async function typeBeforeTakeover(page, path, text) {
  const release = await holdWasm(page);
  await page.goto(session.host.origin + path, { waitUntil: 'commit' });
  const field = page.locator('#search-field');
  await field.waitFor();
  await field.click();
  await page.keyboard.type(text);
  await page.evaluate(() => (document.getElementById('search-field').dataset.prerendered = 'yes'));
  assert.equal(await page.evaluate(() => window.wasmBindings), undefined, 'the app has not started');
  release();
  await appStarted(page);
  return field;
}

const sameDocument = (page) => page.evaluate(() => window.__sameDocument === true);
const path = (page) => new URL(page.url()).pathname;

test('a plain click on a link of the site is followed in the app', () =>
  withPage(session.browser, async (page) => {
    const link = await frontPageWithLink(page, SEED);
    await link.click();
    await page.locator('article h1').waitFor();
    assert.equal(path(page), SEED);
    assert.equal(await sameDocument(page), true, 'no page load');
  }));

test('a click with Ctrl or Shift, or with the middle button, opens the link in a new tab or window', () =>
  withPage(session.browser, async (page) => {
    const link = await frontPageWithLink(page, SEED);
    for (const click of [{ modifiers: ['Control'] }, { modifiers: ['Shift'] }, { button: 'middle' }]) {
      const [opened] = await Promise.all([session.browser.context.waitForEvent('page'), link.click(click)]);
      await opened.waitForLoadState('domcontentloaded');
      assert.equal(new URL(opened.url()).pathname, SEED, JSON.stringify(click));
      await opened.close();
      assert.equal(path(page), '/de/', `${JSON.stringify(click)}: the page stays`);
      assert.equal(await sameDocument(page), true);
    }
  }));

test('a link with a target opens where its target says', () =>
  withPage(session.browser, async (page) => {
    const link = await frontPageWithLink(page, SEED, { target: '_blank' });
    const [opened] = await Promise.all([session.browser.context.waitForEvent('page'), link.click()]);
    await opened.waitForLoadState('domcontentloaded');
    assert.equal(new URL(opened.url()).pathname, SEED);
    await opened.close();
    assert.equal(path(page), '/de/');
  }));

test('a link with download is downloaded', () =>
  withPage(session.browser, async (page) => {
    const link = await frontPageWithLink(page, '/feeds/de/feed.json', { download: 'neueste.json' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.equal(download.suggestedFilename(), 'neueste.json');
    assert.equal(path(page), '/de/');
    assert.equal(await sameDocument(page), true);
  }));

test('a link to another origin, or marked rel="external", is loaded by the browser', () =>
  withPage(session.browser, async (page) => {
    for (const [href, attributes] of [
      [`${otherOrigin.origin}${SEED}`, {}],
      [SEED, { rel: 'noopener external' }],
    ]) {
      const link = await frontPageWithLink(page, href, attributes);
      await Promise.all([page.waitForURL((url) => url.pathname === SEED), link.click()]);
      await page.locator('article h1').waitFor();
      assert.equal(await sameDocument(page), false, `${href} ${JSON.stringify(attributes)}: a page load`);
    }
  }));

test('a link to a file of the site that is no screen (a feed) is loaded by the browser, not shown as not found', () =>
  withPage(
    session.browser,
    async (page) => {
      const link = await frontPageWithLink(page, '/feeds/de/rss.xml');
      assert.deepEqual(await policyViolations(page), [], 'the app broke no policy');
      const [response] = await Promise.all([page.waitForNavigation(), link.click()]);
      assert.equal(response.status(), 200);
      assert.equal(path(page), '/feeds/de/rss.xml');
      assert.match(await response.text(), /^<\?xml[\s\S]*<rss/);
    },
    // Chromium's own XML viewer styles the feed inline, which the site's policy refuses.
    { allowViolations: true },
  ));

test('a link to #fragment on another page shows that page scrolled to the element', () =>
  withPage(session.browser, async (page) => {
    // Short, so that the article's main part starts below the first screen's top.
    await page.setViewportSize({ width: 390, height: 300 });
    const link = await frontPageWithLink(page, `${SEED}#inhalt`);
    await link.click();
    await page.locator('article h1').waitFor();
    assert.equal(await sameDocument(page), true);
    assert.equal(new URL(page.url()).hash, '#inhalt');
    const mainTop = await page.evaluate(() => document.getElementById('inhalt').getBoundingClientRect().top + window.scrollY);
    assert.ok(mainTop > 50, `main starts at ${mainTop} px`);
    await page.waitForFunction((top) => Math.abs(window.scrollY - top) < 2, mainTop);
  }));

test('text typed into the search field before the app takes over stays, with the caret, and typing goes on', () =>
  withPage(session.browser, async (page) => {
    const field = await typeBeforeTakeover(page, '/de/', 'Zusammen');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await page.locator('#search-field[data-prerendered]').count(), 0, 'the app drew its own field');
    assert.equal(await field.inputValue(), 'Zusammen');
    assert.deepEqual(
      await page.evaluate(() => {
        const active = document.activeElement;
        return [active.id, active.selectionStart, active.selectionEnd];
      }),
      ['search-field', 8, 8],
    );
    await page.keyboard.type('arbeit');
    assert.equal(await field.inputValue(), 'Zusammenarbeit');
  }));

test('a search typed on the search page before the app takes over is searched once it has', () =>
  withPage(session.browser, async (page) => {
    const field = await typeBeforeTakeover(page, '/de/search', 'Zusammenarbeit');
    await page.locator('.search-results li').first().waitFor();
    assert.equal(new URL(page.url()).search, '?q=Zusammenarbeit');
    assert.equal(await field.inputValue(), 'Zusammenarbeit');
  }));
