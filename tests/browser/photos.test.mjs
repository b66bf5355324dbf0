// Photos as a reader's browser loads them, on the German sample article
// with a lead photo and a figure: the lead photo is the largest paint and is
// asked for before the app's wasm, the page does not move while photos
// arrive slowly, a phone picks a rendition for its width, and print keeps
// photos within the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostAndBrowser, withPage } from './harness.mjs';

const SAMPLE = '/de/article/beispiel-artikelformat';
const session = hostAndBrowser();

/** Every request of `page` from now on, in order, as paths. */
function recordRequests(page) {
  const paths = [];
  page.on('request', (request) => paths.push(new URL(request.url()).pathname));
  return paths;
}

test('the lead photo is the largest paint, and the browser asks for it before the app', () =>
  withPage(session.browser, async (page) => {
    await page.addInitScript(() => {
      window.__largest = [];
      new PerformanceObserver((list) => window.__largest.push(...list.getEntries())).observe({
        type: 'largest-contentful-paint',
        buffered: true,
      });
    });
    const requests = recordRequests(page);
    await page.goto(session.host.origin + SAMPLE);
    await page.waitForFunction(() => window.wasmBindings !== undefined);
    // Its element may be gone (the app draws the page anew); its address stays.
    const largest = await page.evaluate(() => window.__largest.at(-1)?.url ?? '');
    assert.match(largest, /\/media\/storm-over-road-\d+-[0-9a-f]{16}\.webp$/);
    const lead = requests.findIndex((path) => /\/media\/storm-over-road-\d+-[0-9a-f]{16}\.webp$/.test(path));
    const wasm = requests.findIndex((path) => path.endsWith('.wasm'));
    assert.ok(lead >= 0 && wasm >= 0, `both asked for: ${requests.join(' ')}`);
    assert.ok(lead < wasm, `the lead photo (#${lead}) before the wasm (#${wasm})`);
  }));

test('while the photos arrive slowly the page does not move', () =>
  withPage(session.browser, async (page) => {
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // Every photo a second late: the text is laid out long before them.
    await page.route('**/media/**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue();
    });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(session.host.origin + SAMPLE);
    await page.waitForFunction(() => window.wasmBindings !== undefined);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForFunction(() => [...document.images].every((image) => image.complete && image.naturalWidth > 0));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await page.evaluate(() => window.__shift), 0);
  }));

test('a phone of 412 px at 2.75 device pixels picks a rendition for its screen, in WebP', () =>
  withPage(session.browser, async (page) => {
    const phone = await page.context().newCDPSession(page);
    await phone.send('Emulation.setDeviceMetricsOverride', { width: 412, height: 915, deviceScaleFactor: 2.75, mobile: true });
    await page.goto(session.host.origin + SAMPLE);
    const chosen = await page.locator('.lead-image img').evaluate((image) => image.currentSrc);
    // 412 px less the page's padding, at 2.75 device pixels, is about 1045: the 1200 px rendition.
    assert.match(chosen, /\/media\/storm-over-road-1200-[0-9a-f]{16}\.webp$/);
  }));

test('in print, photos stay within the page', () =>
  withPage(session.browser, async (page) => {
    await page.goto(session.host.origin + SAMPLE);
    await page.emulateMedia({ media: 'print' });
    const overflowing = await page.evaluate(() =>
      [...document.images]
        .filter((image) => image.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .map((image) => image.currentSrc),
    );
    assert.deepEqual(overflowing, []);
    assert.equal(await page.locator('.lead-image img').isVisible(), true);
  }));
