// A build with `--public-url /news/` works under that sub-path: assets, data,
// links, the root redirect and deep links all stay below /news/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHost, launchBrowser, SUBPATH_DIST } from './harness.mjs';

let host, browser;

before(async () => {
  [host, browser] = await Promise.all([startHost({ root: SUBPATH_DIST, prefix: '/news/' }), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await host?.close();
});

test('the sub-path root leads to the edition below the sub-path', async () => {
  const page = await browser.newPage();
  await page.goto(host.origin + '/news/');
  await page.locator('.article-list').waitFor();
  assert.equal(new URL(page.url()).pathname, '/news/de/');
  await page.close();
});

test('a deep link below the sub-path loads, and every link stays below it', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(host.origin + '/news/de/article/ecf15130d4b083e2');
  await page.locator('article h1').waitFor();
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
  assert.ok(hrefs.length > 5);
  for (const href of hrefs) assert.ok(href.startsWith('/news/'), href);
  await page.locator('nav.breadcrumb a').last().click();
  await page.waitForURL('**/news/de/section/bri-nachrichten');
  await page.locator('.article-list').waitFor();
  assert.deepEqual(host.requests.filter((path) => !path.startsWith('/news/')), []);
  assert.deepEqual(errors, []);
  await page.close();
});
