// The date archive: every day page lists exactly the articles whose
// dateline shows that day (each at its own offset), each article's dateline
// links to its day, a month lists its days and the archive its months.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, hostAndBrowser, openApp, withPage } from './harness.mjs';

const session = hostAndBrowser();
const EDITIONS = ['de', 'en', 'zh', 'ar'];

/** Every article of `edition` from the built endpoint. */
async function articles(edition) {
  const folder = join(DIST, 'api/v2', edition, 'articles');
  return Promise.all(
    (await readdir(folder)).map(async (name) => JSON.parse(await readFile(join(folder, name), 'utf8')).article),
  );
}

/** The day an article's dateline shows: the date part of `published`, written at the newsroom's offset. */
const dayOf = (article) => article.published.slice(0, 10);

/** The article ids a prerendered page's main lists, in order. */
async function listed(path, edition) {
  const response = await fetch(session.host.origin + path);
  assert.equal(response.status, 200, path);
  const main = (await response.text()).split('<main')[1].split('</main>')[0];
  return [...main.matchAll(new RegExp(`href="/${edition}/article/([a-z0-9-]+)"`, 'g'))].map((match) => match[1]);
}

const dayPath = (edition, day) => `/${edition}/archive/${day.slice(0, 4)}/${day.slice(5, 7)}/${day.slice(8, 10)}`;

for (const edition of EDITIONS) {
  test(`${edition}: each day lists exactly the articles of that calendar day, newest first; each month its days`, async () => {
    const byDay = new Map();
    for (const article of await articles(edition)) {
      byDay.set(dayOf(article), [...(byDay.get(dayOf(article)) ?? []), article]);
    }
    for (const [day, ofDay] of byDay) {
      const newestFirst = ofDay
        .sort((a, b) => Date.parse(b.published) - Date.parse(a.published) || (a.id < b.id ? -1 : 1))
        .map((article) => article.id);
      assert.deepEqual(await listed(dayPath(edition, day), edition), newestFirst, day);
    }
    const months = [...new Set([...byDay.keys()].map((day) => day.slice(0, 7)))].sort().reverse();
    const index = await (await fetch(`${session.host.origin}/${edition}/archive/`)).text();
    const linkedMonths = [...index.matchAll(new RegExp(`href="/${edition}/archive/(\\d{4})/(\\d{2})/"`, 'g'))].map(
      (match) => `${match[1]}-${match[2]}`,
    );
    assert.deepEqual(linkedMonths, months, 'the archive lists every month, newest first');
    for (const month of months) {
      const page = await (await fetch(`${session.host.origin}/${edition}/archive/${month.replace('-', '/')}/`)).text();
      const days = [...page.matchAll(new RegExp(`href="/${edition}/archive/(\\d{4})/(\\d{2})/(\\d{2})"`, 'g'))].map(
        (match) => `${match[1]}-${match[2]}-${match[3]}`,
      );
      assert.deepEqual(days, [...byDay.keys()].filter((day) => day.startsWith(month)).sort(), month);
    }
  });
}

test('an article written at 23:30 in a UTC−03:00 bureau is on its own day’s page, reached from its dateline', () =>
  withPage(session.browser, async (page) => {
    const night = (await articles('en')).find((article) => article.published.endsWith('-03:00'));
    assert.ok(night, 'the en edition has an article of a UTC−03:00 bureau');
    assert.equal(night.published, '2025-11-03T23:30:00-03:00');
    // In UTC, and in Beijing, it is already the 4th.
    assert.equal(new Date(night.published).toISOString().slice(0, 10), '2025-11-04');
    assert.ok((await listed('/en/archive/2025/11/03', 'en')).includes(night.id));
    assert.ok(!(await listed('/en/archive/2025/11/04', 'en')).includes(night.id));

    await openApp(page, `${session.host.origin}/en/article/${night.id}`);
    const dateline = page.locator('.dateline a');
    assert.equal(await dateline.locator('time').textContent(), 'Monday, 3 November 2025');
    await dateline.click();
    await page.waitForURL('**/en/archive/2025/11/03');
    await page.locator('h1', { hasText: 'Monday, 3 November 2025' }).waitFor();
    assert.ok(await page.locator(`main a[href="/en/article/${night.id}"]`).count());
    const crumbs = await page.locator('nav.breadcrumb li').allTextContents();
    assert.deepEqual(crumbs.slice(-3), ['Archive', 'November 2025', 'Monday, 3 November 2025']);
    // The month, from the breadcrumb, lists the day with its count.
    await page.locator('nav.breadcrumb a', { hasText: 'November 2025' }).click();
    await page.locator('h1', { hasText: 'November 2025' }).waitFor();
    const day = page.locator('.archive-periods li', { hasText: 'Monday, 3 November 2025' });
    assert.match(await day.locator('.archive-count').textContent(), /^\d+ articles?$/);
  }));

test('archive addresses of days without articles, or no days at all, are not found', () =>
  withPage(session.browser, async (page) => {
    for (const path of ['/de/archive/1999/01/01', '/de/archive/2025/02/30', '/de/archive/2025/13/']) {
      const response = await page.goto(session.host.origin + path);
      assert.equal(response.status(), 404, path);
      await page.locator('h1', { hasText: 'Seite nicht gefunden' }).waitFor();
    }
  }));
