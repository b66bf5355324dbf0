// What the benchmarks measure, in one place: transfer sizes and the time
// from navigation start until something is visible in headless Chromium.
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

/** Raw, gzip -9 and brotli -11 sizes of `bytes`, as a CDN would serve them. */
export function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export const kib = (bytes) => (bytes / 1024).toFixed(1).padStart(8);

/**
 * Loads each of `urls` `loads` times, each load in a new page with the HTTP
 * cache off, and returns per URL the median, min and max milliseconds from
 * navigation start until `selector` is visible. The URLs take turns, so
 * that a slow moment of the machine does not fall on one of them alone; one
 * round before them warms the browser and is not counted.
 */
export async function timeToVisible(browser, urls, selector, loads) {
  const times = urls.map(() => []);
  for (let round = -1; round < loads; round++) {
    for (const [index, url] of urls.entries()) {
      const view = await browser.newPage();
      const devtools = await browser.context.newCDPSession(view);
      await devtools.send('Network.setCacheDisabled', { cacheDisabled: true });
      await view.goto(url, { waitUntil: 'commit' });
      await view.locator(selector).first().waitFor({ state: 'visible' });
      if (round >= 0) times[index].push(await view.evaluate(() => performance.now()));
      await view.close();
    }
  }
  return times.map((list) => {
    list.sort((a, b) => a - b);
    const middle = list.length / 2;
    const median = list.length % 2 ? list[Math.floor(middle)] : (list[middle - 1] + list[middle]) / 2;
    return { median, min: list[0], max: list.at(-1) };
  });
}
