// Offline reading with the service worker (public/sw.js): the articles a
// reader opened (as pages, and in the app) and the front page read again
// with the network gone; an address not kept gets the edition's offline page,
// listing the kept articles; a new deployment is taken up at the next page
// load and the older cache deleted; under the `/news/` sub-path too.
// Service workers are allowed here only (launchBrowser blocks them for the
// other tests). The host serves a copy of the build, so a test can deploy a
// new one under the running session.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { DIST, SUBPATH_DIST, appStarted, launchBrowser, startHost, withPage } from './harness.mjs';

const SEED = '/de/article/ecf15130d4b083e2';
// The seed's older neighbour: the article the app shows after a click on it.
const NEIGHBOUR = '/de/article/beispiel-hafen-piraeus';
const THIRD = '/de/article/beispiel-artikelformat';
const NOT_OPENED = '/de/article/beispiel-windkraft';
const FRONT = '/de/';

let root;
let host;
let browser;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'brnn-offline-'));
  await cp(DIST, root, { recursive: true });
  [host, browser] = await Promise.all([startHost({ root }), launchBrowser({ serviceWorkers: 'allow' })]);
});

after(async () => {
  await browser?.close();
  await host?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

/** Waits until `condition` (async, in node) holds, at most `ms`. */
async function until(condition, what, ms = 10000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) assert.fail(`waited ${ms} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The worker's caches and its index of kept articles (their paths), as the page sees them. */
function workerState(page) {
  return page.evaluate(async () => {
    const index = await caches.match(new URL('sw-saved-articles.json', document.baseURI).href);
    return {
      caches: await caches.keys(),
      articles: index ? (await index.json()).map((entry) => new URL(entry.page).pathname) : [],
      controller: navigator.serviceWorker.controller?.scriptURL ?? null,
    };
  });
}

async function isKept(page, path) {
  return page.evaluate(async (path) => (await caches.match(new URL(path, location.origin).href)) !== undefined, path);
}

/** What the reader reads on an article page: headline and body. */
const articleText = (page) =>
  page.evaluate(() => ({
    headline: document.querySelector('article h1')?.textContent,
    body: document.querySelector('.article-body')?.textContent,
  }));

/** Whether the page's own stylesheet loaded (an old page's too, after a deployment). */
const styled = (page) =>
  page.evaluate(() => [...document.styleSheets].some((sheet) => /main-[0-9a-f]+\.css$/.test(sheet.href ?? '') && sheet.cssRules.length > 0));

/** Runs `read` with the browser offline and asserts that the host saw no request meanwhile. */
async function offline(read) {
  const asked = host.requests.length;
  await browser.context.setOffline(true);
  try {
    await read();
  } finally {
    await browser.context.setOffline(false);
  }
  assert.deepEqual(pageRequests(host.requests.slice(asked)), [], 'nothing reached the host while offline');
}

/**
 * Leaves out what Chromium itself fetches, outside the page's (and so the
 * offline emulation's) reach: the favicon, and the worker's script when it
 * checks for an update on a page load (offline, that check fails and the
 * worker stays).
 */
const pageRequests = (paths) => paths.filter((path) => !/\/(favicon\.svg|sw\.js)$/.test(path));

/** The paths of the requests of `page` answered or failed from now on (for one asked through the worker: once the worker answered). */
function settledRequests(page) {
  const settled = new Set();
  const add = (request) => settled.add(new URL(request.url()).pathname);
  page.on('requestfinished', add);
  page.on('requestfailed', add);
  return settled;
}

/** The texts read online, per article, for the offline reads to match. */
const online = {};

test('three articles opened (as pages and in the app) and the front page are kept', () =>
  withPage(browser, async (page, errors) => {
    await page.goto(host.origin + SEED);
    online[SEED] = await articleText(page);
    // The first page came before the worker: led to by no page of the site, it asks to be taken over.
    await until(async () => (await workerState(page)).controller !== null, 'the worker to control the page');
    // It is kept once the worker runs.
    await until(async () => (await workerState(page)).articles.includes(SEED), 'the first page kept');

    await appStarted(page);
    // The app's files are kept too.
    const appFiles = await page.evaluate(() => {
      const { js, wasm } = document.querySelector('script[data-brnn-app]').dataset;
      return [js, wasm];
    });
    await until(async () => (await Promise.all(appFiles.map((file) => isKept(page, file)))).every(Boolean), 'the app kept');
    await page.locator(`nav.neighbours a[href="${NEIGHBOUR}"]`).click();
    await page.waitForURL(host.origin + NEIGHBOUR);
    await page.locator('article h1').waitFor();
    assert.notEqual(await page.evaluate(() => window.wasmBindings), undefined, 'the app showed it');
    online[NEIGHBOUR] = await articleText(page);
    // The reader reads it: meanwhile the worker keeps its document and fetches its page.
    await until(async () => (await workerState(page)).articles.includes(NEIGHBOUR), 'the article shown by the app kept');

    await page.goto(host.origin + THIRD);
    online[THIRD] = await articleText(page);
    await page.goto(host.origin + FRONT);
    online[FRONT] = await page.locator('main').textContent();

    await until(async () => {
      const { articles } = await workerState(page);
      return [SEED, NEIGHBOUR, THIRD].every((path) => articles.includes(path)) && (await isKept(page, FRONT));
    }, 'the three articles and the front page kept');
    assert.deepEqual((await workerState(page)).articles, [SEED, NEIGHBOUR, THIRD], 'oldest first');
    for (const path of [SEED, NEIGHBOUR, THIRD]) {
      const document = `/api/v2/de/articles/${path.split('/').pop()}.json`;
      assert.ok(await isKept(page, document), `${document}, for the app`);
    }
    assert.deepEqual(errors, []);
  }));

test('offline, each kept article reloads in full, and the app starts on it', () =>
  withPage(browser, async (page, errors) => {
    await page.goto(host.origin + FRONT);
    await offline(async () => {
      for (const path of [SEED, NEIGHBOUR, THIRD]) {
        await page.goto(host.origin + path);
        assert.deepEqual(await articleText(page), online[path], path);
        assert.ok(online[path].body.length > 200, `${path}: a body`);
        assert.ok(await styled(page), `${path}: its stylesheet`);
      }
      await page.reload();
      await appStarted(page);
      assert.deepEqual(await articleText(page), online[THIRD], 'the app draws it from the page');
      // In the app, a link to a kept article: its document comes from the worker.
      await page.goto(host.origin + SEED);
      await appStarted(page);
      const settled = settledRequests(page);
      await page.locator(`nav.neighbours a[href="${NEIGHBOUR}"]`).click();
      await page.waitForURL(host.origin + NEIGHBOUR);
      await page.waitForFunction((headline) => document.querySelector('article h1')?.textContent === headline, online[NEIGHBOUR].headline);
      assert.deepEqual(await articleText(page), online[NEIGHBOUR], 'the app shows it');
      // Its neighbours in view, the app fetches their documents ahead, a
      // frame or so after it shows it: offline until they are answered (the
      // worker asks the network first), else one may go out once the test is
      // online again and reach the host.
      const ahead = await page
        .locator('nav.neighbours a')
        .evaluateAll((links) => links.map((a) => `/api/v2/de/articles/${a.getAttribute('href').split('/').pop()}.json`));
      await until(async () => ahead.every((path) => settled.has(path)), `the documents fetched ahead (${ahead.join(', ')}) answered`);
    });
    assert.deepEqual(errors, []);
  }));

test('offline, the front page opened before reads as it did', () =>
  withPage(browser, async (page) => {
    await page.goto(host.origin + FRONT);
    await offline(async () => {
      await page.reload();
      assert.equal(await page.locator('main').textContent(), online[FRONT]);
    });
  }));

test('offline, an article not opened gets the offline page in German, listing the kept ones, whose links work', () =>
  withPage(browser, async (page, errors) => {
    await page.goto(host.origin + FRONT);
    await offline(async () => {
      await page.goto(host.origin + NOT_OPENED);
      assert.equal(new URL(page.url()).pathname, NOT_OPENED, 'the address stays, for a reload online');
      assert.equal(await page.getAttribute('html', 'lang'), 'de');
      assert.equal(await page.locator('main h1').textContent(), 'Keine Internetverbindung');
      const listed = await page
        .locator('main ul.saved-articles a')
        .evaluateAll((links) => links.map((link) => [new URL(link.href).pathname, link.textContent]));
      assert.deepEqual(
        listed.map(([path]) => path),
        [NEIGHBOUR, THIRD, SEED],
        'newest first: the app opened the neighbour again, offline',
      );
      for (const [path, title] of listed) assert.equal(title, online[path].headline, path);
      await page.locator(`main ul.saved-articles a[href$="${SEED}"]`).click();
      await page.waitForURL(host.origin + SEED);
      assert.deepEqual(await articleText(page), online[SEED]);
    });
    assert.deepEqual(errors, []);
  }));

/**
 * Deploys a new build of the app into the host's folder: the app's files
 * under a new hash, and every page naming them. Returns the new hash.
 */
async function deployNewApp() {
  const wasm = (await readdir(root)).find((name) => /^brnn-news-[0-9a-f]{8,16}_bg\.wasm$/.test(name));
  const old = wasm.slice('brnn-news-'.length, -'_bg.wasm'.length);
  const hash = [...old].reverse().join('') === old ? old.replace(/./, 'f') : [...old].reverse().join('');
  await rename(join(root, wasm), join(root, `brnn-news-${hash}_bg.wasm`));
  await rename(join(root, `brnn-news-${old}.js`), join(root, `brnn-news-${hash}.js`));
  for (const name of await readdir(root, { recursive: true })) {
    if (!name.endsWith('.html')) continue;
    const html = await readFile(join(root, name), 'utf8');
    await writeFile(join(root, name), html.replaceAll(`brnn-news-${old}`, `brnn-news-${hash}`));
  }
  return { old, hash };
}

test('a new deployment is taken up at the next page load; the older cache goes, the kept articles stay', () =>
  withPage(browser, async (page, errors) => {
    await page.goto(host.origin + FRONT);
    const before = await workerState(page);
    const { old, hash } = await deployNewApp();
    assert.deepEqual(before.caches, [`brnn-news-${old}`]);
    await page.goto(host.origin + THIRD);
    assert.match(await page.getAttribute('script[data-brnn-app]', 'data-wasm'), new RegExp(hash), 'the new page');
    await until(async () => {
      const { caches, controller } = await workerState(page);
      return controller?.endsWith(`sw.js?build=${hash}`) && caches.join() === `brnn-news-${hash}`;
    }, 'the new worker in control, with its cache alone');
    // The page just loaded is the newest kept.
    assert.deepEqual((await workerState(page)).articles, [SEED, NEIGHBOUR, THIRD]);
    await appStarted(page);
    await offline(async () => {
      for (const path of [SEED, NEIGHBOUR, THIRD]) {
        await page.goto(host.origin + path);
        assert.deepEqual(await articleText(page), online[path], `${path} after the deployment`);
        assert.ok(await styled(page), `${path}: its stylesheet after the deployment`);
      }
      await page.goto(host.origin + NOT_OPENED);
      assert.equal(await page.locator('main ul.saved-articles li').count(), 3);
    });
    assert.deepEqual(errors, []);
  }));

const subpathSkip = existsSync(join(SUBPATH_DIST, 'sw.js')) ? false : 'no sub-path build with sw.js (scripts/test makes it)';

test('under the /news/ sub-path: the worker is scoped there, and a kept article reads offline', { skip: subpathSkip }, async () => {
  const [subpathHost, subpathBrowser] = await Promise.all([
    startHost({ root: SUBPATH_DIST, prefix: '/news/' }),
    launchBrowser({ serviceWorkers: 'allow' }),
  ]);
  try {
    await withPage(subpathBrowser, async (page, errors) => {
      const article = `/news${SEED}`;
      await page.goto(subpathHost.origin + article);
      const text = await articleText(page);
      await until(async () => (await workerState(page)).articles.includes(article), 'the article kept');
      const registration = await page.evaluate(async () => {
        const { scope, active } = await navigator.serviceWorker.ready;
        return { scope: new URL(scope).pathname, script: new URL(active.scriptURL).pathname };
      });
      assert.deepEqual(registration, { scope: '/news/', script: '/news/sw.js' });
      const asked = subpathHost.requests.length;
      await subpathBrowser.context.setOffline(true);
      try {
        await page.reload();
        assert.deepEqual(await articleText(page), text);
        await page.goto(subpathHost.origin + `/news${NOT_OPENED}`);
        assert.deepEqual(
          await page.locator('main ul.saved-articles a').evaluateAll((links) => links.map((link) => new URL(link.href).pathname)),
          [article],
        );
      } finally {
        await subpathBrowser.context.setOffline(false);
      }
      assert.deepEqual(pageRequests(subpathHost.requests.slice(asked)), [], 'nothing reached the host while offline');
      assert.deepEqual(errors, []);
    });
  } finally {
    await subpathBrowser.close();
    await subpathHost.close();
  }
});
