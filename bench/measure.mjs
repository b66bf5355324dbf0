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
 * Loads `url` `loads` times, each in a new page with the HTTP cache off, and
 * returns the median, min and max milliseconds from navigation start until
 * `selector` is visible. One load before them warms the browser and is not counted.
 */
export async function timeToVisible(browser, url, selector, loads) {
  const times = [];
  for (let i = -1; i < loads; i++) {
    const view = await browser.newPage();
    const devtools = await browser.context.newCDPSession(view);
    await devtools.send('Network.setCacheDisabled', { cacheDisabled: true });
    await view.goto(url, { waitUntil: 'commit' });
    await view.locator(selector).first().waitFor({ state: 'visible' });
    if (i >= 0) times.push(await view.evaluate(() => performance.now()));
    await view.close();
  }
  times.sort((a, b) => a - b);
  const middle = times.length / 2;
  const median = times.length % 2 ? times[Math.floor(middle)] : (times[middle - 1] + times[middle]) / 2;
  return { median, min: times[0], max: times.at(-1) };
}
