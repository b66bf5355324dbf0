// Front page and section pages: newest first, paged, navigable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, hostAndBrowser, openApp, withPage } from './harness.mjs';

const session = hostAndBrowser();

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

async function listedIds(page) {
  await page.locator('.article-list').first().waitFor();
  return page
    .locator('.article-list h2 a')
    .evaluateAll((links) => links.map((a) => new URL(a.href).pathname.split('/').pop()));
}

/**
 * The ids of a list from its first page on, following its pager; the front
 * page's first page is its "latest" block, which leads to the list's second.
 */
async function walkPages(page, startUrl) {
  await openApp(page, startUrl);
  const seen = [];
  const pageLabels = [];
  const latest = page.locator('.front-latest');
  if ((await latest.count()) > 0) {
    seen.push(...(await latest.locator('h3 a').evaluateAll((links) => links.map((a) => new URL(a.href).pathname.split('/').pop()))));
    pageLabels.push('Seite 1 von 4');
    await latest.locator('a[rel="next"]').click();
    await page.locator('nav.pager [aria-current="page"]', { hasText: 'Seite 2 von' }).waitFor();
  }
  for (;;) {
    seen.push(...(await listedIds(page)));
    const pager = page.locator('nav.pager');
    if ((await pager.count()) > 0) pageLabels.push(await pager.locator('[aria-current="page"]').textContent());
    const older = page.locator('nav.pager a[rel="next"]');
    if ((await older.count()) === 0) break;
    // The list on screen stays until the next page has arrived: wait for the pager to move on.
    const nextLabel = `Seite ${pageLabels.length + 1} von`;
    await older.click();
    await page.locator('nav.pager [aria-current="page"]', { hasText: nextLabel }).waitFor();
  }
  return { seen, pageLabels };
}

test('the front page lists every article newest first, ten to a page', async () => {
  const expected = (await allArticles()).map((a) => a.id);
  assert.ok(expected.length >= 30);
  await withPage(session.browser, async (page) => {
    const { seen, pageLabels } = await walkPages(page, session.host.origin + '/de/');
    assert.deepEqual(seen, expected);
    assert.deepEqual(pageLabels, ['Seite 1 von 4', 'Seite 2 von 4', 'Seite 3 von 4', 'Seite 4 von 4']);
    assert.equal(expected[0], 'ecf15130d4b083e2', 'the seed is the newest article');
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

test('the pager is a labelled navigation with the current page marked', () =>
  withPage(session.browser, async (page) => {
    await openApp(page, session.host.origin + '/de/page/2');
    const pager = page.locator('nav.pager');
    await pager.waitFor();
    assert.equal(await pager.getAttribute('aria-label'), 'Seiten');
    assert.equal(await pager.locator('[aria-current="page"]').textContent(), 'Seite 2 von 4');
    assert.equal(await pager.locator('a[rel="prev"]').getAttribute('href'), '/de/');
    assert.equal(await pager.locator('a[rel="next"]').getAttribute('href'), '/de/page/3');
    assert.match(await page.title(), /Seite 2 von 4/);
  }));

test('a section page lists only its own articles, subsections included, newest first', () =>
  withPage(session.browser, async (page) => {
    const parent = await walkPages(page, session.host.origin + '/de/section/bri-nachrichten/');
    assert.deepEqual(parent.seen, (await allArticles('bri-nachrichten/')).map((a) => a.id));
    const leaf = await walkPages(page, session.host.origin + '/de/section/bri-nachrichten/chinas-wirtschaft');
    assert.deepEqual(leaf.seen, (await allArticles('bri-nachrichten/chinas-wirtschaft')).map((a) => a.id));
    assert.equal(await page.locator('h1').textContent(), 'Chinas Wirtschaft');
    const crumbs = await page.locator('nav.breadcrumb li').allTextContents();
    assert.deepEqual(crumbs, ['BRNN', '„Belt and Road“-Nachrichtennetzwerk', 'BRI-Nachrichten', 'Chinas Wirtschaft']);
  }));

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
    assert.equal((await listedIds(page)).length, 10);
  }));
