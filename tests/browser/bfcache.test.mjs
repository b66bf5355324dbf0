// Back/forward cache: a page the reader leaves is kept whole by the browser
// and shown again at once on back, with the app started or not; the app
// then fetches the documents it shows again and shows them if they changed;
// the service worker, starting meanwhile, does not take it out of the cache.
// (Playwright turns the cache off by default; this browser keeps it on.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { appStarted, CHROMIUM_FLAGS, startHost } from './harness.mjs';

const ARTICLE = '/de/article/beispiel-artikelformat';
const ARTICLE_JSON = '/api/v2/de/articles/beispiel-artikelformat.json';
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

/** A page (of `browser`, this file's unless told) that records each `pageshow` (persisted or not) and why the cache was not used, if it was not. */
async function watchedPage(browser = context) {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    window.__shown = [];
    addEventListener('pageshow', (event) => window.__shown.push(event.persisted));
  });
  const devtools = await browser.newCDPSession(page);
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

test('with the service worker, the first page of a visit comes back from the cache after the worker took over', async () => {
  // A browser of its own, which runs the worker (public/sw.js), fresh: the worker
  // registers as the first page loads and runs while that page is in the cache.
  const workerProfile = await mkdtemp(join(tmpdir(), 'brnn-bfcache-worker-'));
  const workerContext = await chromium.launchPersistentContext(workerProfile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
    serviceWorkers: 'allow',
  });
  try {
    const { page, notUsed } = await watchedPage(workerContext);
    await page.goto(host.origin + ARTICLE);
    // As by a link of the page (with the app not yet started, a page load).
    await page.goto(`${host.origin}/de/`, { referer: host.origin + ARTICLE });
    // Active and done activating: a worker that claimed the pages would have by now.
    await page.evaluate(async () => {
      const { active } = await navigator.serviceWorker.ready;
      if (active.state !== 'activated') {
        await new Promise((done) => active.addEventListener('statechange', () => active.state === 'activated' && done()));
      }
    });
    await page.goBack({ waitUntil: 'commit' });
    await page.waitForFunction(() => window.__shown?.length > 0);
    assert.equal(await page.evaluate(() => window.__shown.at(-1)), true, `restored (not used because: ${notUsed.join(', ')})`);
    // Taken over or not, the worker keeps the page, and the app once it runs there, for reading offline.
    await appStarted(page);
    const kept = async () => {
      const { js, wasm } = document.querySelector('script[data-brnn-app]').dataset;
      const keys = [location.pathname, js, wasm].map((path) => new URL(path, location.origin).href);
      return (await Promise.all(keys.map((key) => caches.match(key)))).every((response) => response !== undefined);
    };
    // Polled from here: waitForFunction takes the promise an async function returns for a truthy value at once.
    for (const deadline = Date.now() + 10_000; !(await page.evaluate(kept)) && Date.now() < deadline; ) {
      await page.waitForTimeout(100);
    }
    assert.equal(await page.evaluate(kept), true, 'the page and the app kept');
    await page.close();
  } finally {
    await workerContext.close();
    await rm(workerProfile, { recursive: true, force: true });
  }
});
