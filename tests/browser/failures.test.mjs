// Nothing breaks the app: every failure has a German message and a retry
// that works; unknown addresses give the not-found page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appStarted, hostAndBrowser, injectFault, openApp, withPage } from './harness.mjs';

const SEED = '/de/article/ecf15130d4b083e2';
const SEED_JSON = '/api/v2/de/articles/ecf15130d4b083e2.json';
const HEADLINE = 'China und Russland streben engere Zusammenarbeit in allen Bereichen an';
const session = hostAndBrowser();

/**
 * Opens the seed article in the app, from the front page, with `fault`
 * answering for its document; returns what lifts the fault. (The seed's own
 * page carries its document: only a navigation in the app fetches it.)
 */
async function openSeedWith(page, fault) {
  return openSeedIntercepted(page, () => injectFault(page, SEED_JSON, fault));
}

/** Opens the seed article in the app, from the front page, after `intercept()`; returns what it returned. */
async function openSeedIntercepted(page, intercept) {
  await page.goto(session.host.origin + '/de/');
  await appStarted(page);
  const result = await intercept();
  await page.locator(`a[href="${SEED}"]`).first().click();
  return result;
}

function expectFailureThenRetry(fault, message) {
  return withPage(session.browser, async (page, errors) => {
    const lift = await openSeedWith(page, fault);
    const alert = page.locator('[role="alert"]');
    await alert.waitFor();
    assert.match(await alert.textContent(), message);
    assert.equal(await page.locator('article h1').count(), 0);
    // The retry must reach the real document.
    await lift();
    await alert.getByRole('button', { name: 'Erneut versuchen' }).click();
    await page.locator('article h1', { hasText: HEADLINE }).waitFor();
    assert.equal(await page.locator('[role="alert"]').count(), 0);
    assert.deepEqual(errors, [], 'no uncaught error or panic');
  });
}

test('a network error shows a message and the retry loads the article', () =>
  expectFailureThenRetry('drop', /Server ist nicht erreichbar/));

test('HTTP 500 shows a message with the status and the retry loads the article', () =>
  expectFailureThenRetry({ status: 500, body: 'Internal Server Error', type: 'text/plain' }, /HTTP-Status 500/));

test('malformed JSON shows a message and the retry loads the article', () =>
  expectFailureThenRetry({ status: 200, body: '{"format": 2, "article": {' }, /kein gültiges JSON/));

test('JSON of the wrong shape shows a message and the retry loads the article', () =>
  expectFailureThenRetry({ status: 200, body: '{"format": 2, "article": {"id": 7}}' }, /nicht die erwartete Form/));

test('a document of an unknown format version says so', () =>
  expectFailureThenRetry({ status: 200, body: '{"format": 99}' }, /Formatversion 99/));

test('content is never inserted as HTML', async () => {
  const hostile = {
    format: 2,
    article: {
      id: 'ecf15130d4b083e2',
      section: 'bri-nachrichten/aktuelles',
      headline: '<img src=x onerror="window.__pwned=1">Schlagzeile',
      published: '2025-11-04T00:00:00+08:00',
      source: '<script>window.__pwned=1</script>',
      paragraphs: ['<b>fett</b><script>window.__pwned=1</script>'],
    },
    newer: null,
    older: null,
  };
  await withPage(session.browser, async (page, errors) => {
    await openSeedWith(page, { status: 200, body: JSON.stringify(hostile) });
    await page.locator('article h1').waitFor();
    assert.equal(await page.locator('article h1').textContent(), hostile.article.headline);
    assert.equal(await page.locator('article img, article script, article b').count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(errors, []);
  });
});

test('HTTP 404 for an article gives the not-found page with a way back', () =>
  withPage(session.browser, async (page, errors) => {
    const response = await openApp(page, session.host.origin + '/de/article/gibt-es-nicht');
    assert.equal(response.status(), 404);
    // The app asks the endpoint too (404.html cannot know the address), then agrees.
    await page.waitForFunction(() => document.title.includes('Seite nicht gefunden'));
    await page.locator('h1', { hasText: 'Seite nicht gefunden' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'de');
    await page.getByRole('link', { name: 'Zur Startseite' }).click();
    await page.locator('.article-list').first().waitFor();
    assert.equal(new URL(page.url()).pathname, '/de/');
    assert.deepEqual(errors, []);
  }));

test('an unknown section, edition, page or path gives the not-found page', async () => {
  // Pages are counted from the oldest: the front page has 3 (its newest at /de/, so no /de/pages/3),
  // a section of 23 articles 2. (An old address counted from the newest, /de/page/99 or ?page=99,
  // is no unknown page: it moves on to the oldest, see lists.test.mjs.)
  for (const path of [
    '/de/section/sport',
    '/de/section/bri-nachrichten/sport',
    '/xx/',
    '/de/pages/99',
    '/de/pages/3',
    '/de/pages/0',
    '/de/section/bri-nachrichten/pages/2',
    '/de/author/beispiel-redaktion/pages/1',
    '/de/?page=null',
    '/de/irgendwas/ganz/anderes',
    '/de/article/..%2F..%2Fetc',
  ]) {
    await withPage(session.browser, async (page, errors) => {
      await page.goto(session.host.origin + path);
      await page.locator('h1', { hasText: 'Seite nicht gefunden' }).waitFor();
      assert.deepEqual(errors, [], path);
    });
  }
});

test('a development server answering a missing file with index.html counts as not found', () =>
  withPage(session.browser, async (page) => {
    await openSeedWith(page, { status: 200, body: '<!DOCTYPE html><html></html>', type: 'text/html' });
    await page.locator('h1', { hasText: 'Seite nicht gefunden' }).waitFor();
  }));

test('a loading state shows while data is on its way', () =>
  withPage(session.browser, async (page) => {
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await openSeedIntercepted(page, () =>
      page.route('**' + SEED_JSON, async (route) => {
        await held;
        await route.continue();
      }),
    );
    const status = page.locator('[role="status"]');
    await status.waitFor();
    assert.equal(await status.textContent(), 'Wird geladen …');
    release();
    await page.locator('article h1').waitFor();
    assert.equal(await page.locator('[role="status"]').count(), 0);
  }));
