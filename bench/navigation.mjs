// Benchmark of a click on "next article" (not a test: it prints figures).
//
//   node bench/navigation.mjs [--loads N]
//
// Serves dist/ on loopback and opens an article in headless Chromium at 4x
// CPU slowdown on a fast 4G network (40 ms round trip, 9 Mbit/s). The
// pointer rests on the link to its older neighbour, then clicks it; printed
// is the median, min and max time from the click to the new headline
// painted (N loads each, 15 unless told):
// - with the app running, the pointer resting 100 ms (the app fetches the
//   document ahead after 80 ms);
// - with the app running and no rest (the pointer arrives and clicks);
// - without the app (its wasm refused), the pointer resting 300 ms (the
//   browser prefetches by the speculation rules at moderate eagerness, after
//   200 ms), a page load: click to the new page's first contentful paint.
//
// Each load starts with the browser's HTTP cache emptied, as a new reader's;
// from then on the cache works as a browser's does: the next page finds the
// stylesheet the first one loaded (a hashed file, cached for a year), as a
// reader's does. (Neither `Network.setCacheDisabled` nor Playwright's
// request interception, which turns the cache off, is used: with them the
// prefetched page, used as it is, still loaded its render-blocking
// stylesheet anew, about 80 ms of the 266-274 ms measured so.)
import { launchBrowser, startHost } from '../tests/browser/harness.mjs';

const args = process.argv.slice(2);
const loads = Number(args[args.indexOf('--loads') + 1]) || 15;
const ARTICLE = '/de/article/beispiel-hafen-piraeus';
const FAST_4G = { latency: 40, bytesPerSecond: 9e6 / 8 };

/** A new page of `browser` at 4x CPU on the fast 4G network, the HTTP cache emptied; `wasm: false` refuses the app's wasm. */
async function throttledPage(browser, { wasm = true } = {}) {
  const page = await browser.newPage();
  const devtools = await browser.context.newCDPSession(page);
  await devtools.send('Network.enable');
  await devtools.send('Network.clearBrowserCache');
  if (!wasm) await devtools.send('Network.setBlockedURLs', { urls: ['*.wasm'] });
  await devtools.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await devtools.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: FAST_4G.latency,
    downloadThroughput: FAST_4G.bytesPerSecond,
    uploadThroughput: FAST_4G.bytesPerSecond,
  });
  return page;
}

/** In the app: clicks the older neighbour after resting `rest` ms on it; ms from the click to its headline painted. */
async function inApp(browser, host, rest) {
  const page = await throttledPage(browser);
  try {
    await page.goto(host.origin + ARTICLE);
    await page.keyboard.press('Shift');
    await page.waitForFunction(() => window.wasmBindings !== undefined);
    const link = page.locator('nav.neighbours a[rel="next"]');
    const headline = (await link.locator('.neighbour-headline').textContent()).trim();
    await link.hover();
    await page.waitForTimeout(rest);
    return await page.evaluate(async (expected) => {
      const start = performance.now();
      document.querySelector('nav.neighbours a[rel="next"]').click();
      // Painted: the frame after the headline is in the document.
      await new Promise((shown) => {
        const check = () =>
          document.querySelector('article h1')?.textContent.trim() === expected
            ? requestAnimationFrame(() => setTimeout(shown))
            : requestAnimationFrame(check);
        check();
      });
      return performance.now() - start;
    }, headline);
  } finally {
    await page.close();
  }
}

/** Without the app: a page load of the older neighbour after resting 300 ms; ms from the click to its first contentful paint. */
async function pageLoad(browser, host) {
  const page = await throttledPage(browser, { wasm: false });
  try {
    await page.goto(host.origin + ARTICLE);
    const link = page.locator('nav.neighbours a[rel="next"]');
    const href = await link.getAttribute('href');
    await link.hover();
    await page.waitForTimeout(300);
    const clicked = await page.evaluate(() => performance.timeOrigin + performance.now());
    await Promise.all([page.waitForURL(host.origin + href), link.click()]);
    const painted = await page.evaluate(
      () =>
        new Promise((resolve) =>
          new PerformanceObserver((list, observer) => {
            observer.disconnect();
            resolve(performance.timeOrigin + list.getEntries()[0].startTime);
          }).observe({ type: 'paint', buffered: true }),
        ),
    );
    return painted - clicked;
  } finally {
    await page.close();
  }
}

const summary = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
  return `${median.toFixed(0)} ms (${sorted[0].toFixed(0)}-${sorted.at(-1).toFixed(0)})`;
};

const host = await startHost();
const browser = await launchBrowser();
try {
  const times = { rested: [], unrested: [], load: [] };
  // One round to warm the browser, not counted; the kinds take turns.
  for (let round = -1; round < loads; round++) {
    const rested = await inApp(browser, host, 100);
    const unrested = await inApp(browser, host, 0);
    const load = await pageLoad(browser, host);
    if (round >= 0) {
      times.rested.push(rested);
      times.unrested.push(unrested);
      times.load.push(load);
    }
  }
  console.log(`${ARTICLE} -> its older neighbour, 4x CPU, fast 4G (40 ms, 9 Mbit/s), ${loads} loads each, click to headline painted:`);
  console.log(`  app, pointer resting 100 ms  ${summary(times.rested)}`);
  console.log(`  app, no rest                 ${summary(times.unrested)}`);
  console.log(`  no app, resting 300 ms, page load to first paint  ${summary(times.load)}`);
} finally {
  await browser.close();
  await host.close();
}
