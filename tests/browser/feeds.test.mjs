// Feeds as a reader's browser and feed reader find them: announced in each
// list page's head, served next to the app by the same build, and readable
// XML and JSON whose first item is the list's first article.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostAndBrowser, openApp, withPage } from './harness.mjs';

const session = hostAndBrowser();
const TYPES = ['application/rss+xml', 'application/atom+xml', 'application/feed+json'];

/** The page's announced feeds, each fetched and parsed in the page: the first item's link path. */
async function announcedFeeds(page) {
  return page.evaluate(async () => {
    const links = [...document.head.querySelectorAll('link[rel="alternate"][type]')];
    return Promise.all(
      links.map(async (link) => {
        const response = await fetch(link.href);
        const text = await response.text();
        let first;
        if (link.type === 'application/feed+json') {
          first = JSON.parse(text).items[0].url;
        } else {
          const xml = new DOMParser().parseFromString(text, 'application/xml');
          if (xml.querySelector('parsererror')) throw new Error(`${link.href} is not well-formed XML`);
          first = xml.querySelector('item > link')?.textContent ?? xml.querySelector('entry > link').getAttribute('href');
        }
        return {
          type: link.type,
          path: new URL(link.href).pathname,
          status: response.status,
          first: new URL(first).pathname,
        };
      }),
    );
  });
}

/** The newest article a list shows: the first entry of the front page's latest block, or of a section's list. */
async function firstListed(page) {
  await page.locator('.article-list').first().waitFor();
  const latest = page.locator('.front-latest h3 a');
  const first = (await latest.count()) > 0 ? latest.first() : page.locator('.article-list h2 a').first();
  return new URL(await first.evaluate((a) => a.href)).pathname;
}

test('the front page announces its three feeds, and each starts with the first article', () =>
  withPage(session.browser, async (page) => {
    await openApp(page, session.host.origin + '/de/');
    const first = await firstListed(page);
    const feeds = await announcedFeeds(page);
    assert.deepEqual(
      feeds.map((feed) => feed.type),
      TYPES,
    );
    assert.deepEqual(
      feeds.map((feed) => feed.path),
      ['/feeds/de/rss.xml', '/feeds/de/atom.xml', '/feeds/de/feed.json'],
    );
    for (const feed of feeds) {
      assert.equal(feed.status, 200, feed.path);
      assert.equal(feed.first, first, feed.path);
    }
  }));

test('a section page announces the section\u2019s feeds instead, after in-app navigation too', () =>
  withPage(session.browser, async (page) => {
    await openApp(page, session.host.origin + '/de/');
    await page.locator('.article-list').first().waitFor();
    await page.locator('.sections-row a', { hasText: 'Dokumente' }).click();
    await page.waitForURL('**/de/section/dokumente/');
    await page.locator('h1', { hasText: 'Dokumente' }).waitFor();
    const first = await firstListed(page);
    const feeds = await announcedFeeds(page);
    assert.deepEqual(
      feeds.map((feed) => feed.path),
      ['rss.xml', 'atom.xml', 'feed.json'].map((file) => `/feeds/de/section/dokumente/${file}`),
    );
    for (const feed of feeds) assert.equal(feed.first, first, feed.path);
  }));
