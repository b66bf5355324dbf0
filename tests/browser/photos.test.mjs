// Photos as a reader's browser loads them, on the German sample article
// with a lead photo and a figure: the lead photo is the largest paint and is
// asked for before the app's wasm, a figure far below is asked for only when
// the reader scrolls near it, the page does not move while photos arrive
// slowly, a phone picks a rendition for its width, print keeps photos within
// the page, and photos a document names at other origins load nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appStarted, editResponse, holdWasm, hostAndBrowser, openApp, policyViolations, withPage } from './harness.mjs';

const SAMPLE = '/de/article/beispiel-artikelformat';
const SAMPLE_JSON = '/api/v2/de/articles/beispiel-artikelformat.json';
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
    // The largest paint is the page's own, before any input (which ends it),
    // and the app starts on input.
    await page.waitForFunction(() => window.__largest.some((entry) => entry.url));
    await appStarted(page);
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
    await appStarted(page);
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

test('a figure far below the first screen is asked for only when the reader scrolls near it', () =>
  withPage(session.browser, async (page) => {
    // The built page, held before the app takes it over (a browser without
    // JavaScript loads lazy images at once), with a long text before its
    // figure: further down than any browser loads a lazy image ahead.
    await holdWasm(page);
    const filler = Array.from({ length: 200 }, (_, index) => `<p>Absatz ${index + 1}</p>`).join('');
    await editResponse(page, SAMPLE, (html) => html.replace('<figure class="figure">', `${filler}<figure class="figure">`));
    const requests = recordRequests(page);
    await page.goto(session.host.origin + SAMPLE, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => document.querySelector('.lead-image img').complete);
    const figureRequested = () => requests.some((path) => path.includes('/media/rocket-launch-'));
    assert.equal(figureRequested(), false, 'not while it is far below');
    await page.locator('figure.figure img').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('figure.figure img').complete);
    assert.equal(figureRequested(), true, 'once the reader is near');
  }));

test('photos a document names at another origin load nothing, and the article shows', () =>
  withPage(
    session.browser,
    async (page) => {
      await openApp(page, session.host.origin + '/de/section/dokumente/');
      await editResponse(page, SAMPLE_JSON, (text) =>
        text.replaceAll(/"(media\/[^"]+)"/g, (_, path) => `"https://elsewhere.example/${path}"`),
      );
      await page.locator(`.article-list a[href="${SAMPLE}"]`).click();
      await page.locator('article h1').waitFor();
      const src = await page.locator('.lead-image img').getAttribute('src');
      assert.ok(src.startsWith('https://elsewhere.example/'), src);
      // The policy refuses each of them: the browser never asks the other origin.
      await page.waitForFunction(() => [...document.images].every((image) => image.complete));
      const refused = await policyViolations(page);
      assert.ok(refused.length > 0, 'the photos were refused');
      for (const violation of refused) assert.match(violation, /^img-src https:\/\/elsewhere\.example\//);
    },
    // The policy's refusals are what this test expects.
    { allowViolations: true },
  ));
