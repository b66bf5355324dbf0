// Front page, section and author pages: newest first, paged, navigable in
// the app and without it. Pages are numbered from the oldest (page 1 holds
// the oldest articles), so a page never changes once full; the newest page,
// at the list's own address, holds one to two pages' worth. The older
// addresses, counted from the newest (`page/2`, `?page=2`), move on in the
// app to the page that holds their articles now.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, hostAndBrowser, openApp, withPage } from './harness.mjs';

const session = hostAndBrowser();
/** Without JavaScript: the prerendered pages alone, as a crawler reads them. */
const plain = hostAndBrowser({ javaScript: false });

const FRONT_TITLE = '„Belt and Road“-Nachrichtennetzwerk';

/** Every article of the edition, from the built endpoint, newest instant first, ties by id. */
async function allArticles(sectionPrefix = '') {
  const folder = join(DIST, 'api/v2/de/articles');
  const docs = await Promise.all(
    (await readdir(folder)).map(async (name) => JSON.parse(await readFile(join(folder, name), 'utf8')).article),
  );
  return docs
    .filter((a) => a.section.startsWith(sectionPrefix))
    .sort((a, b) => Date.parse(b.published) - Date.parse(a.published) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The German edition's page size, from its endpoint document. */
async function pageSize() {
  return JSON.parse(await readFile(join(DIST, 'api/v2/de/edition.json'), 'utf8')).page_size;
}

/**
 * The pages a list of the newest-first `ids` should have at `address` (its
 * own, the newest page's) and `address + 'pages/k'` (the older ones), newest
 * first: each page's address, the pager's label ("Seite k", none on the
 * newest) and the ids it lists. Page k (from 1, the oldest) holds the ids
 * counted (k-1)·size to k·size from the oldest; the newest, page
 * N = max(1, ⌊total/size⌋), the rest.
 */
function expectedPages(ids, size, address) {
  const newest = Math.max(1, Math.floor(ids.length / size));
  const pages = [{ path: address, label: null, ids: ids.slice(0, ids.length - (newest - 1) * size) }];
  for (let number = newest - 1; number >= 1; number -= 1) {
    const end = ids.length - (number - 1) * size;
    pages.push({ path: `${address}pages/${number}`, label: `Seite ${number}`, ids: ids.slice(end - size, end) });
  }
  return pages;
}

/** The article ids of `links` (a locator of headline links), in order. */
const idsOf = (links) => links.evaluateAll((as) => as.map((a) => new URL(a.href).pathname.split('/').pop()));

/**
 * The list page on screen: its address, its pager's label (`null` when
 * nothing is marked as the current page, as on the newest page) and the ids
 * it lists (on the front page, its latest block's: the list's newest page).
 */
async function shownPage(page) {
  await page.locator('.front-latest, .article-list').first().waitFor();
  const latest = page.locator('.front-latest');
  const onFront = (await latest.count()) > 0;
  const current = page.locator('nav.pager [aria-current="page"]');
  return {
    path: new URL(page.url()).pathname,
    label: (await current.count()) > 0 ? await current.textContent() : null,
    ids: await idsOf(onFront ? latest.locator('h3 a') : page.locator('.article-list h2 a')),
  };
}

/** The older-articles link of the page on screen: the pager's, or the front page's latest block's. */
const olderLink = (page) => page.locator('nav.pager a[rel="next"], .front-latest a[rel="next"]');
/** The newer-articles link of the page on screen. */
const newerLink = (page) => page.locator('nav.pager a[rel="prev"]');

/**
 * In the app: a click on `link`, then the wait until the list page at its
 * address is drawn (the list on screen stays until the next page has
 * arrived: an older page is drawn once its pager shows its number).
 */
async function followInApp(page, link) {
  const href = await link.getAttribute('href');
  await link.click();
  await page.waitForURL((url) => url.pathname === href);
  const number = /\/pages\/(\d+)$/.exec(href)?.[1];
  if (number) {
    await page.locator('nav.pager [aria-current="page"]', { hasText: new RegExp(`^Seite ${number}$`) }).waitFor();
  } else {
    await page.waitForFunction(() => document.querySelector('nav.pager [aria-current="page"]') === null);
  }
}

/**
 * Every page of the list at `address`, in the app: from its newest page,
 * by its older-articles links, to page 1, then by the newer-articles links
 * back. Returns the pages walked to the oldest and the addresses walked back.
 */
async function walkInApp(page, address) {
  await openApp(page, session.host.origin + address);
  const pages = [await shownPage(page)];
  while ((await olderLink(page).count()) > 0) {
    await followInApp(page, olderLink(page));
    pages.push(await shownPage(page));
  }
  const back = [new URL(page.url()).pathname];
  while ((await newerLink(page).count()) > 0) {
    await followInApp(page, newerLink(page));
    back.push((await shownPage(page)).path);
  }
  return { pages, back };
}

test('the front page lists every article newest first: its newest page, then older pages of ten, counted from the oldest', async () => {
  const articles = (await allArticles()).map((a) => a.id);
  const size = await pageSize();
  assert.equal(size, 10);
  assert.ok(articles.length >= 30, 'a page between the newest and the oldest');
  assert.equal(articles[0], 'ecf15130d4b083e2', 'the seed is the newest article');
  const expected = expectedPages(articles, size, '/de/');
  // 33 articles: 13 on the newest page, then pages 2 and 1.
  assert.deepEqual(
    expected.map(({ path, ids }) => [path, ids.length]),
    [
      ['/de/', 13],
      ['/de/pages/2', 10],
      ['/de/pages/1', 10],
    ],
  );
  await withPage(session.browser, async (page, errors) => {
    const { pages, back } = await walkInApp(page, '/de/');
    assert.deepEqual(pages, expected);
    assert.deepEqual(back, ['/de/pages/1', '/de/pages/2', '/de/']);
    assert.deepEqual(errors, []);
  });
});

test('equal instants keep a stable order by id', async () => {
  const ids = (await allArticles()).map((a) => a.id);
  // Both were published at 02:00 UTC on 20 October, in different offsets.
  assert.ok(ids.indexOf('beispiel-gleichzeitig') < ids.indexOf('beispiel-kulturfestival'));
});

test('each list entry shows its date, a linked headline and a lead', () =>
  withPage(session.browser, async (page) => {
    await openApp(page, session.host.origin + '/de/section/bri-nachrichten/aktuelles/');
    const first = page.locator('.article-list > li').first();
    await first.waitFor();
    assert.equal(await first.locator('time').textContent(), 'Dienstag, 04. November 2025');
    assert.equal(await first.locator('time').getAttribute('datetime'), '2025-11-04');
    assert.equal(
      await first.locator('h2 a').textContent(),
      'China und Russland streben engere Zusammenarbeit in allen Bereichen an',
    );
    assert.match(await first.locator('.lead').textContent(), /^China will mit Russland die Zusammenarbeit/);
    await first.locator('h2 a').click();
    await page.waitForURL('**/de/article/ecf15130d4b083e2');
    await page.locator('article h1').waitFor();
  }));

test('the pager is a labelled navigation: an older page is marked with its number, the newest page with none', () =>
  withPage(session.browser, async (page) => {
    // The front page has three pages: the newest (3) at /de/, then 2 and 1.
    await openApp(page, session.host.origin + '/de/pages/2');
    const pager = page.locator('nav.pager');
    await pager.waitFor();
    assert.equal(await pager.getAttribute('aria-label'), 'Seiten');
    assert.equal(await pager.locator('[aria-current="page"]').textContent(), 'Seite 2');
    assert.equal(await pager.locator('a[rel="prev"]').getAttribute('href'), '/de/', 'the next newer page is the newest');
    assert.equal(await pager.locator('a[rel="next"]').getAttribute('href'), '/de/pages/1');
    assert.equal(await page.title(), `${FRONT_TITLE} – Seite 2`);

    await openApp(page, session.host.origin + '/de/pages/1');
    await pager.locator('[aria-current="page"]', { hasText: 'Seite 1' }).waitFor();
    assert.equal(await pager.locator('a[rel="prev"]').getAttribute('href'), '/de/pages/2');
    assert.equal(await pager.locator('a[rel="next"]').count(), 0, 'page 1 is the oldest');
    assert.equal(await page.title(), `${FRONT_TITLE} – Seite 1`);

    // A section's newest page, at its own address: only the way to older articles.
    await openApp(page, session.host.origin + '/de/section/bri-nachrichten/');
    await pager.waitFor();
    assert.equal(await pager.getAttribute('aria-label'), 'Seiten');
    assert.equal(await pager.locator('[aria-current="page"]').count(), 0);
    assert.equal(await pager.locator('a[rel="prev"]').count(), 0);
    assert.equal(await pager.locator('a[rel="next"]').getAttribute('href'), '/de/section/bri-nachrichten/pages/1');
    assert.equal(await page.title(), `BRI-Nachrichten – ${FRONT_TITLE}`);

    // A list of one page has no pager.
    await openApp(page, session.host.origin + '/de/section/dokumente/');
    await page.locator('.article-list').waitFor();
    assert.equal(await pager.count(), 0);
  }));

test('a section page lists only its own articles, subsections included, newest first', () =>
  withPage(session.browser, async (page, errors) => {
    const size = await pageSize();
    const parentIds = (await allArticles('bri-nachrichten/')).map((a) => a.id);
    const parent = await walkInApp(page, '/de/section/bri-nachrichten/');
    assert.deepEqual(parent.pages, expectedPages(parentIds, size, '/de/section/bri-nachrichten/'));
    assert.ok(parent.pages.length > 1, 'the section has older pages');
    assert.deepEqual(parent.back, parent.pages.map(({ path }) => path).reverse());

    const leafIds = (await allArticles('bri-nachrichten/chinas-wirtschaft')).map((a) => a.id);
    const leaf = await walkInApp(page, '/de/section/bri-nachrichten/chinas-wirtschaft/');
    assert.deepEqual(leaf.pages, expectedPages(leafIds, size, '/de/section/bri-nachrichten/chinas-wirtschaft/'));
    assert.equal(await page.locator('h1').textContent(), 'Chinas Wirtschaft');
    const crumbs = await page.locator('nav.breadcrumb li').allTextContents();
    assert.deepEqual(crumbs, ['BRNN', '„Belt and Road“-Nachrichtennetzwerk', 'BRI-Nachrichten', 'Chinas Wirtschaft']);
    assert.deepEqual(errors, []);
  }));

test('an old address counted from the newest moves on, in the app, to the page that holds its articles now', async () => {
  const front = (await allArticles()).map((a) => a.id);
  const section = (await allArticles('bri-nachrichten/')).map((a) => a.id);
  const oldest = (ids) => ids.length - 1;
  // [old address, where it moves to, the index (newest first) of the old page's first article].
  // The front page has 33 articles: 13 on the newest page (/de/), then pages 2 and 1 of ten;
  // the section 23: 13 on the newest page, then page 1.
  const cases = [
    ['/de/page/2', '/de/', front, 10],
    ['/de/?page=2', '/de/', front, 10],
    ['/de/page/3', '/de/pages/2', front, 20],
    ['/de/?page=4', '/de/pages/1', front, 30],
    ['/de/page/99', '/de/pages/1', front, oldest(front)],
    ['/de/section/bri-nachrichten/page/2', '/de/section/bri-nachrichten/', section, 10],
    ['/de/section/bri-nachrichten/page/3', '/de/section/bri-nachrichten/pages/1', section, 20],
    ['/de/section/bri-nachrichten/?page=3', '/de/section/bri-nachrichten/pages/1', section, 20],
  ];
  for (const [old, now, ids, index] of cases) {
    await withPage(session.browser, async (page, errors) => {
      const entries = await page.evaluate(() => history.length);
      const response = await openApp(page, session.host.origin + old);
      // No file answers page/n (the host's 404.html does); ?page=n is the list's own page.
      assert.equal(response.status(), old.includes('?') ? 200 : 404, `${old}: the host's answer`);
      await page.waitForURL((url) => url.pathname === now && url.search === '');
      const shown = await shownPage(page);
      assert.equal(shown.path, now, old);
      assert.ok(shown.ids.includes(ids[index]), `${old}: ${now} lists ${ids[index]}, the old page's first article`);
      const number = /\/pages\/(\d+)$/.exec(now)?.[1];
      assert.equal(shown.label, number ? `Seite ${number}` : null, `${old}: ${now}'s pager`);
      assert.equal(await page.evaluate(() => history.length), entries + 1, `${old}: the address was replaced, not added to`);
      assert.equal(await page.locator('h1', { hasText: 'Seite nicht gefunden' }).count(), 0, old);
      assert.deepEqual(errors, [], old);
    });
  }
});

test('an old address of the first page is the newest page', async () => {
  const newest = (await allArticles()).map((a) => a.id)[0];
  for (const old of ['/de/page/1', '/de/?page=1']) {
    await withPage(session.browser, async (page, errors) => {
      await openApp(page, session.host.origin + old);
      const shown = await shownPage(page);
      assert.equal(shown.ids[0], newest, old);
      assert.equal(await page.locator('h1', { hasText: 'Seite nicht gefunden' }).count(), 0, old);
      assert.deepEqual(errors, [], old);
    });
  }
});

test('without JavaScript every page\u2019s pager walks all pages from the newest to page 1 and back', async () => {
  const size = await pageSize();
  const lists = [
    ['/de/', await allArticles()],
    ['/de/section/bri-nachrichten/', await allArticles('bri-nachrichten/')],
  ];
  await withPage(plain.browser, async (page) => {
    /** The list page at `path`, loaded and checked: a file of the host, the app never ran. */
    const shown = async (path, response) => {
      assert.equal(response.status(), 200, path);
      await page.waitForURL(plain.host.origin + path);
      assert.equal(await page.evaluate(() => window.wasmBindings), undefined, `${path}: the app never ran`);
      return shownPage(page);
    };
    const load = async (path) => shown(path, await page.goto(plain.host.origin + path));
    /** A click on `link`: an ordinary page load without JavaScript. */
    const follow = async (link) => {
      const href = await link.getAttribute('href');
      const [response] = await Promise.all([page.waitForResponse(plain.host.origin + href), link.click()]);
      return shown(href, response);
    };
    for (const [address, articles] of lists) {
      const expected = expectedPages(
        articles.map((a) => a.id),
        size,
        address,
      );
      assert.ok(expected.length > 1, `${address}: more than one page`);
      // Older and older, by each page's older-articles link, from the newest to page 1.
      const walked = [await load(address)];
      while ((await olderLink(page).count()) > 0) {
        walked.push(await follow(olderLink(page)));
      }
      assert.deepEqual(walked, expected, `${address}: newest to page 1`);
      assert.equal(walked.flatMap(({ ids }) => ids).length, articles.length, `${address}: every article once`);
      // And back, by each page's newer-articles link; the newest page has none.
      const back = [new URL(page.url()).pathname];
      while ((await newerLink(page).count()) > 0) {
        back.push((await follow(newerLink(page))).path);
      }
      assert.deepEqual(back, expected.map(({ path }) => path).reverse(), `${address}: page 1 back to the newest`);
      // Each older page's title names its number; the newest page's does not.
      for (const { path, label } of expected) {
        await load(path);
        const title = await page.title();
        if (label) assert.ok(title.endsWith(` – ${label}`), `${path}: ${title}`);
        else assert.doesNotMatch(title, /Seite/, path);
      }
    }
  });
});

test('the site root goes to the German edition', () =>
  withPage(session.browser, async (page) => {
    await page.goto(session.host.origin + '/');
    await page.waitForURL('**/de/');
    await page.locator('.article-list').first().waitFor();
    assert.equal(await page.title(), '„Belt and Road“-Nachrichtennetzwerk');
  }));

test('a section\u2019s address without the final slash, as it was before, leads to the section', () =>
  withPage(session.browser, async (page) => {
    const response = await openApp(page, session.host.origin + '/de/section/dokumente');
    assert.equal(response.status(), 200, 'the static host redirects to the folder');
    assert.equal(new URL(page.url()).pathname, '/de/section/dokumente/');
    assert.equal((await shownPage(page)).ids.length, 10);
  }));
