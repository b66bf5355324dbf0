// A build with `--public-url /news/` works under that sub-path: assets, data,
// links, the root redirect and deep links all stay below /news/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SUBPATH_DIST, hostAndBrowser, openApp, withPage } from './harness.mjs';

const session = hostAndBrowser({ root: SUBPATH_DIST, prefix: '/news/' });

test('the sub-path root leads to the edition below the sub-path', () =>
  withPage(session.browser, async (page) => {
    await openApp(page, session.host.origin + '/news/');
    await page.locator('.article-list').first().waitFor();
    assert.equal(new URL(page.url()).pathname, '/news/de/');
  }));

test('a deep link below the sub-path loads, and every link stays below it', () =>
  withPage(session.browser, async (page, errors) => {
    await openApp(page, session.host.origin + '/news/de/article/ecf15130d4b083e2');
    await page.locator('article h1').waitFor();
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
    assert.ok(hrefs.length > 5);
    for (const href of hrefs) assert.ok(href.startsWith('/news/'), href);
    await page.locator('nav.breadcrumb a').last().click();
    await page.waitForURL('**/news/de/section/bri-nachrichten/');
    await page.locator('.article-list').first().waitFor();
    const feeds = await page.locator('link[rel="alternate"]').evaluateAll((ls) => ls.map((l) => new URL(l.href).pathname));
    assert.deepEqual(feeds, ['rss.xml', 'atom.xml', 'feed.json'].map((f) => `/news/feeds/de/section/bri-nachrichten/${f}`));
    assert.deepEqual(session.host.requests.filter((path) => !path.startsWith('/news/')), []);
    assert.deepEqual(errors, []);
  }));

test('search below the sub-path: its form, its index and its results stay below it', () =>
  withPage(session.browser, async (page, errors) => {
    await openApp(page, session.host.origin + '/news/de/');
    assert.equal(await page.locator('form[role="search"]').getAttribute('action'), '/news/de/search');
    await page.fill('#search-field', 'Mischustin');
    await page.press('#search-field', 'Enter');
    await page.waitForURL('**/news/de/search?q=Mischustin');
    await page.locator('.search-results h2 a').first().waitFor();
    assert.deepEqual(
      await page.locator('.search-results h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
      ['/news/de/article/ecf15130d4b083e2'],
    );
    assert.ok(session.host.requests.some((path) => path.startsWith('/news/pagefind/de/')), 'the index came from below the sub-path');
    assert.deepEqual(session.host.requests.filter((path) => !path.startsWith('/news/')), []);
    assert.deepEqual(errors, []);
  }));

test('an old page address below the sub-path moves on below it, to the page that holds its articles now', () =>
  withPage(session.browser, async (page, errors) => {
    // Counted from the newest, page 3 began with the 21st newest of 33 articles: now on page 2 of 3.
    for (const [old, now] of [
      ['/news/de/page/3', '/news/de/pages/2'],
      ['/news/de/?page=2', '/news/de/'],
    ]) {
      await openApp(page, session.host.origin + old);
      await page.waitForURL((url) => url.pathname === now && url.search === '');
      await page.locator('.front-latest, .article-list').first().waitFor();
    }
    assert.deepEqual(
      await page.locator('.front-latest a[rel="next"]').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
      ['/news/de/pages/2'],
    );
    await page.locator('.front-latest a[rel="next"]').click();
    await page.locator('nav.pager [aria-current="page"]', { hasText: 'Seite 2' }).waitFor();
    assert.deepEqual(
      await page.locator('nav.pager a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
      ['/news/de/', '/news/de/pages/1'],
    );
    assert.deepEqual(session.host.requests.filter((path) => !path.startsWith('/news/')), []);
    assert.deepEqual(errors, []);
  }));
