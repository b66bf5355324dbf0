// Benchmark of the first article view (not a test: it prints figures).
//
//   node bench/first-view.mjs [--no-build] [--loads N]
//
// Builds the release (unless --no-build), then prints the size of every file
// the seed article's first view transfers (HTML, JS, wasm, CSS, first JSON)
// raw, gzip and brotli, and the median time from navigation start to the
// seed article's text being visible in headless Chromium on loopback.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { startHost, launchBrowser, DIST } from '../tests/browser/harness.mjs';
import { kib, sizes, timeToVisible } from './measure.mjs';

const args = process.argv.slice(2);
const loads = Number(args[args.indexOf('--loads') + 1]) || 15;
const SEED = '/de/article/ecf15130d4b083e2';

if (!args.includes('--no-build')) {
  execFileSync('trunk', ['build', '--release'], { stdio: 'inherit', env: { ...process.env, TRUNK_OFFLINE: 'true' } });
}

const host = await startHost();
const browser = await launchBrowser();

// Which files the first view fetches, as the browser saw them.
const page = await browser.newPage();
await page.goto(host.origin + SEED);
await page.locator('article h1').waitFor();
const fetched = [...new Set(host.requests)].filter((path) => !path.endsWith('favicon.svg'));
await page.close();

console.log(`First view of ${SEED}: ${fetched.length} requests\n`);
console.log(`${'file'.padEnd(52)} ${'raw KiB'.padStart(8)} ${'gzip'.padStart(8)} ${'brotli'.padStart(8)}`);
let total = { raw: 0, gzip: 0, brotli: 0 };
for (const path of fetched) {
  const file = path === SEED ? '404.html' : path.replace(/^\//, '') || 'index.html';
  const size = sizes(readFileSync(DIST + file));
  for (const key in total) total[key] += size[key];
  const label = path === SEED ? `${path} (404.html)` : path;
  console.log(`${label.padEnd(52)} ${kib(size.raw)} ${kib(size.gzip)} ${kib(size.brotli)}`);
}
console.log(`${'total'.padEnd(52)} ${kib(total.raw)} ${kib(total.gzip)} ${kib(total.brotli)}`);

// Time to the seed's text, a new page with the HTTP cache off for each load.
const [time] = await timeToVisible(browser, [host.origin + SEED], '.article-body p', loads);
console.log(
  `\nnavigation start to seed text visible, ${loads} loads: median ${time.median.toFixed(0)} ms ` +
    `(min ${time.min.toFixed(0)}, max ${time.max.toFixed(0)})`,
);
await browser.close();
await host.close();
