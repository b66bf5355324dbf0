// Back/forward cache: a page the reader leaves is kept whole by the browser
// and shown again at once on back, with the app started or not; the app
// then fetches the documents it shows again and shows them if they changed.
// (Playwright turns the cache off by default; this browser keeps it on.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { appStarted, CHROMIUM_FLAGS, startHost } from './harness.mjs';

const ARTICLE = '/de/article/beispiel-artikelformat';
const ARTICLE_JSON = '/api/v1/de/articles/beispiel-artikelformat.json';
let host;
let context;
let profile;

before(async () => {
  host = await startHost();
  profile = await mkdtemp(join(tmpdir(), 'brnn-bfcache-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
    // The service worker is offline.test.mjs's; here the page's own requests are watched.
    serviceWorkers: 'block',
  });
});

after(async () => {
  await context?.close();
  await rm(profile, { recursive: true, force: true });
  await host?.close();
});

/** A page that records each `pageshow` (persisted or not) and why the cache was not used, if it was not. */
async function watchedPage() {
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__shown = [];
    addEventListener('pageshow', (event) => window.__shown.push(event.persisted));
  });
  const devtools = await context.newCDPSession(page);
  await devtools.send('Page.enable');
  const notUsed = [];
  devtools.on('Page.backForwardCacheNotUsed', (event) =>
    notUsed.push(...event.notRestoredExplanations.map(({ reason }) => reason)),
  );
  return { page, notUsed };
}

/** Leaves for another page by a page load, comes back, and returns whether the page came from the cache. */
async function awayAndBack(page) {
  await page.goto(`${host.origin}/de/`);
  await page.goBack({ waitUntil: 'commit' });
  await page.waitForFunction(() => window.__shown?.length > 0);
  return page.evaluate(() => window.__shown.at(-1));
}

test('a page read without the app comes back from the back/forward cache', async () => {
  const { page, notUsed } = await watchedPage();
  await page.goto(host.origin + ARTICLE);
  assert.equal(await awayAndBack(page), true, `restored (not used because: ${notUsed.join(', ')})`);
  assert.equal(await page.evaluate(() => window.wasmBindings), undefined);
  await page.close();
});

test('a page with the app started comes back from the cache, the app still running', async () => {
  const { page, notUsed } = await watchedPage();
  await page.goto(host.origin + ARTICLE);
  await appStarted(page);
  assert.equal(await awayAndBack(page), true, `restored (not used because: ${notUsed.join(', ')})`);
  assert.notEqual(await page.evaluate(() => window.wasmBindings), undefined);
  await page.close();
});

test('back from the cache, the app shows the article as it is now', async () => {
  const { page } = await watchedPage();
  await page.goto(host.origin + ARTICLE);
  await appStarted(page);
  const headline = await page.locator('article h1').textContent();
  // Meanwhile the newsroom changes the headline.
  await page.route(`**${ARTICLE_JSON}`, async (route) => {
    const response = await route.fetch();
    const document = await response.json();
    document.article.headline = `${headline} (geändert)`;
    await route.fulfill({ response, json: document });
  });
  assert.equal(await awayAndBack(page), true);
  await page.locator('article h1', { hasText: '(geändert)' }).waitFor();
  await page.close();
});
