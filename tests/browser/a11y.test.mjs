// Accessibility: axe-core finds nothing on any kind of page, light or dark,
// and a reader with only a keyboard gets from the front page to an article's
// neighbour.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  axeViolations,
  axeReport as report,
  focused,
  hostAndBrowser,
  injectFault,
  launchBrowser,
  openApp,
  tabTo,
  withPage,
} from './harness.mjs';

const SEED = '/de/article/ecf15130d4b083e2';
const SEED_JSON = '/api/v2/de/articles/ecf15130d4b083e2.json';
const session = hostAndBrowser();

/** Each state to check: how to reach it in the app, once its screen is drawn. */
const STATES = {
  'the front page': (page) => open(page, '/de/', '.article-list'),
  'a section page': (page) => open(page, '/de/section/bri-nachrichten/', '.article-list'),
  'an older page of the front page': (page) => open(page, '/de/pages/2', 'nav.pager'),
  'the seed article': (page) => open(page, SEED, 'article h1'),
  'an article of every block type, with byline and correction': (page) =>
    open(page, '/de/article/beispiel-artikelformat', '.article-body .pull-quote'),
  'an author page': (page) => open(page, '/de/author/beispiel-redaktion/', '.article-list'),
  'the not-found page': (page) => open(page, '/de/article/gibt-es-nicht', 'h1:text("Seite nicht gefunden")'),
  'search results': (page) => open(page, '/de/search?q=Zusammenarbeit', '.search-results mark'),
  'an Arabic article, right to left': (page) => open(page, '/ar/article/mithal-lujistiyat', 'nav.languages'),
  'a Chinese front page': (page) => open(page, '/zh/', '.article-list'),
  'an article opened in the app': async (page) => {
    await open(page, '/de/', '.article-list');
    await page.locator(`a[href="${SEED}"]`).first().click();
    await page.locator('article h1').waitFor();
    await page.waitForFunction(() => document.activeElement?.closest('main') !== null);
  },
  'a failed load': async (page) => {
    await open(page, '/de/', '.article-list');
    await injectFault(page, SEED_JSON, { status: 500, body: 'x', type: 'text/plain' });
    await page.locator(`a[href="${SEED}"]`).first().click();
    await page.locator('[role="alert"]').waitFor();
  },
};

async function open(page, path, drawn) {
  await openApp(page, session.host.origin + path);
  await page.locator(drawn).first().waitFor();
}

for (const colorScheme of ['light', 'dark']) {
  for (const [what, reach] of Object.entries(STATES)) {
    test(`axe finds no violation on ${what}, ${colorScheme}`, () =>
      withPage(session.browser, async (page, errors) => {
        await page.emulateMedia({ colorScheme });
        await reach(page);
        assert.equal(
          await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches),
          colorScheme === 'dark',
        );
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], `${what}, ${colorScheme}:\n${report(violations)}`);
        assert.deepEqual(errors, []);
      }));
  }
}

/**
 * Presses Enter on a focused link and waits for the address `path` and its
 * screen's h1. Where the focus lands then (main or its h1) is not asserted,
 * only that it is in main, so the next Tab goes on from there.
 */
async function follow(page, path) {
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === path);
  await page.locator('main h1').first().waitFor();
  // The app moves focus on the frame after it draws the page.
  await page.waitForFunction(() => document.activeElement.closest('main') !== null, null, { timeout: 2000 }).catch(() => {});
  const focus = await focused(page);
  assert.ok(focus.inMain, `after opening ${path} focus is in main, not ${JSON.stringify(focus)}`);
  return focus;
}

/**
 * On a fresh view of `path`: the first Tab must focus the skip link, shown,
 * and Enter on it must focus `main` and stay on `path`.
 */
async function skipToContent(page, path) {
  await page.keyboard.press('Tab');
  const skip = await focused(page);
  assert.deepEqual([skip.tag, skip.text], ['a', 'Zum Inhalt springen'], `${path}: the first Tab`);
  assert.ok(skip.visible, `${path}: the focused skip link is in the viewport`);
  await page.keyboard.press('Enter');
  await page
    .waitForFunction(() => document.activeElement?.matches('main#inhalt'), null, { timeout: 5000 })
    .catch(() => {});
  // Time for a navigation to show, which the skip link must not start.
  await page.waitForTimeout(300);
  const focus = await focused(page);
  assert.equal(new URL(page.url()).pathname, path, `${path}: the skip link stays on the page`);
  assert.deepEqual([focus.tag, focus.id], ['main', 'inhalt'], `${path}: Enter on the skip link focuses the content`);
}

test('the first Tab shows the skip link, and Enter moves the focus to the content of the same page', () =>
  withPage(session.browser, async (page, errors) => {
    for (const path of ['/de/', SEED, '/de/section/bri-nachrichten/pages/1']) {
      await openApp(page, session.host.origin + path);
      await page.locator('main h1, .article-list').first().waitFor();
      await skipToContent(page, path);
    }
    assert.deepEqual(errors, []);
  }));

test('without JavaScript, the skip link moves the focus to the content of the same page', async () => {
  const browser = await launchBrowser({ javaScript: false });
  try {
    await withPage(browser, async (page) => {
      for (const path of ['/de/', SEED]) {
        await page.goto(session.host.origin + path);
        await skipToContent(page, path);
      }
    });
  } finally {
    await browser.close();
  }
});

test('a keyboard alone reaches a section, its older page, an article and its neighbour', () =>
  withPage(session.browser, async (page, errors) => {
    // From the top of the front page, the sections' navigation.
    await openApp(page, session.host.origin + '/de/');
    await page.locator('.article-list').first().waitFor();
    const section = await tabTo(
      page,
      () => document.activeElement.matches('.sections-row a') && document.activeElement.textContent.trim() === 'BRI-Nachrichten',
    );
    assert.deepEqual([section.tag, section.href], ['a', '/de/section/bri-nachrichten/']);
    await follow(page, '/de/section/bri-nachrichten/');

    // The section's newest article, then its pager's older page (counted from the oldest).
    const first = await page.locator('.article-list h2 a').first().getAttribute('href');
    const entry = await tabTo(page, () => document.activeElement.matches('.article-list h2 a'));
    assert.deepEqual([entry.tag, entry.href], ['a', first], 'the first article link comes first');
    const older = await tabTo(page, () => document.activeElement.matches('nav.pager a[rel="next"]'));
    assert.deepEqual([older.tag, older.href], ['a', '/de/section/bri-nachrichten/pages/1']);
    await follow(page, '/de/section/bri-nachrichten/pages/1');

    // An article of the older page, then its neighbour.
    const article = await tabTo(page, () => document.activeElement.matches('.article-list h2 a'));
    assert.equal(article.tag, 'a');
    assert.match(article.href, /^\/de\/article\//);
    await follow(page, article.href);
    assert.equal(await page.locator('article h1').textContent(), article.text);
    const neighbour = await tabTo(page, () => document.activeElement.matches('nav.neighbours a'));
    assert.equal(neighbour.tag, 'a');
    assert.match(neighbour.href, /^\/de\/article\//);
    assert.notEqual(neighbour.href, article.href);
    await follow(page, neighbour.href);
    assert.equal(
      await page.locator('nav.neighbours a', { hasText: article.text }).count(),
      1,
      'the neighbour links back to the article it came from',
    );

    // Shift+Tab goes back the way Tab came.
    const link = await tabTo(page, () => document.activeElement.matches('nav.neighbours a'));
    await page.keyboard.press('Shift+Tab');
    const before = await focused(page);
    assert.notDeepEqual([before.tag, before.href], [link.tag, link.href], 'Shift+Tab moves the focus back');
    assert.ok(before.visible, `the focused ${before.tag} ${before.href ?? before.text} is visible`);
    await page.keyboard.press('Tab');
    assert.deepEqual(await focused(page), link, 'Tab comes back to the neighbour link');
    assert.deepEqual(errors, []);
  }));
