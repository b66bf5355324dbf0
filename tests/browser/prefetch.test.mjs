// Prefetch on intent. Outside the app: every page names speculation rules
// in a Speculation-Rules header (our policy refuses them inline), by which
// the browser prefetches an article whose link the pointer rests on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostAndBrowser, openApp, withPage } from './harness.mjs';

const session = hostAndBrowser();

test('every page names the speculation rules, which prefetch article links with moderate eagerness', async () => {
  for (const path of ['/', '/de/', '/de/article/ecf15130d4b083e2', '/de/gibt-es-nicht']) {
    const response = await fetch(session.host.origin + path);
    assert.equal(response.headers.get('speculation-rules'), '"/speculation-rules.json"', path);
  }
  const response = await fetch(`${session.host.origin}/speculation-rules.json`);
  assert.equal(response.headers.get('content-type'), 'application/speculationrules+json');
  const rules = await response.json();
  assert.deepEqual(rules.prefetch, [
    { source: 'document', where: { href_matches: '/*/article/*' }, eagerness: 'moderate' },
  ]);
});

test('a pointer resting on an article link prefetches its page before any click', () =>
  withPage(session.browser, async (page) => {
    await page.goto(`${session.host.origin}/de/`);
    const link = page.locator('.front-latest a[href*="/article/"]').nth(3);
    const href = await link.getAttribute('href');
    const before = session.host.requests.length;
    await link.hover();
    const fetched = async () => session.host.requests.slice(before).includes(href);
    for (let waited = 0; waited < 3000 && !(await fetched()); waited += 100) await page.waitForTimeout(100);
    assert.ok(await fetched(), `${href} prefetched: ${session.host.requests.slice(before).join(' ')}`);
    assert.equal(new URL(page.url()).pathname, '/de/', 'no click, no navigation');
  }));

/** The endpoint documents `session.host` was asked for since `before`. */
const documentsSince = (before) => session.host.requests.slice(before).filter((path) => path.startsWith('/api/v2/'));

test('in the app, a pointer resting on a link fetches its document ahead, and the click uses it', () =>
  withPage(session.browser, async (page) => {
    await openApp(page, `${session.host.origin}/de/`);
    const link = page.locator('.front-latest a[href*="/article/"]').nth(4);
    const href = await link.getAttribute('href');
    const documentPath = `/api/v2/de/articles/${href.split('/').pop()}.json`;
    const before = session.host.requests.length;
    await link.hover();
    await page.waitForFunction(() => new Promise((resolve) => setTimeout(() => resolve(true), 300)));
    assert.deepEqual(documentsSince(before), [documentPath], 'fetched ahead, once');
    await page.evaluate(() => (window.__sameDocument = true));
    await link.click();
    await page.waitForURL(`**${href}`);
    await page.locator('article h1').waitFor();
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the app drew it');
    // (Read to its end, the article then fetches its neighbours ahead.)
    assert.equal(documentsSince(before).filter((path) => path === documentPath).length, 1, 'the click fetched it no more');
  }));

test('in the app, an article read to its end fetches its neighbours ahead', () =>
  withPage(session.browser, async (page) => {
    // A long article: its end is out of view at first.
    await openApp(page, `${session.host.origin}/de/article/beispiel-artikelformat`);
    const neighbours = await page
      .locator('nav.neighbours a')
      .evaluateAll((links) => links.map((a) => `/api/v2/de/articles/${a.getAttribute('href').split('/').pop()}.json`));
    assert.ok(neighbours.length > 0);
    const before = session.host.requests.length;
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForFunction(() => new Promise((resolve) => setTimeout(() => resolve(true), 500)));
    assert.deepEqual(documentsSince(before).sort(), neighbours.sort());
  }));

test('in the app, a reader saving data gets nothing fetched ahead', () =>
  withPage(session.browser, async (page) => {
    await page.addInitScript(() =>
      Object.defineProperty(navigator, 'connection', { value: { saveData: true, effectiveType: '4g' } }),
    );
    await openApp(page, `${session.host.origin}/de/`);
    const before = session.host.requests.length;
    await page.locator('.front-latest a[href*="/article/"]').nth(2).hover();
    await page.waitForFunction(() => new Promise((resolve) => setTimeout(() => resolve(true), 300)));
    assert.deepEqual(documentsSince(before), []);
  }));

test('in the app, at most 24 documents are fetched ahead in a visit', () =>
  withPage(session.browser, async (page) => {
    await openApp(page, `${session.host.origin}/de/`);
    const before = session.host.requests.length;
    const rested = new Set();
    // The front page's links, then, in the app, those of its next older pages (counted from the oldest).
    for (const next of ['/de/pages/2', '/de/pages/1', null]) {
      const links = page.locator('main a[href^="/de/"]');
      for (let index = 0; index < (await links.count()); index += 1) {
        rested.add(await links.nth(index).getAttribute('href'));
        await links.nth(index).hover();
        await page.waitForTimeout(120);
      }
      if (next) {
        await page.locator(`a[href="${next}"]`).first().click();
        await page.waitForURL((url) => url.pathname === next);
        // The page on screen stays until the next has arrived: wait for its number in the pager.
        await page.locator('nav.pager [aria-current="page"]', { hasText: `Seite ${next.split('/').pop()}` }).waitFor();
      }
    }
    await page.waitForTimeout(300);
    assert.ok(rested.size > 30, `${rested.size} addresses rested on`);
    // The pages moved to are fetched for the move if not ahead.
    const moves = ['/api/v2/de/pages/2.json', '/api/v2/de/pages/1.json'];
    const fetched = new Set(documentsSince(before).filter((path) => !moves.includes(path)));
    assert.ok(fetched.size > 12 && fetched.size <= 24, `${fetched.size} fetched ahead`);
  }));
