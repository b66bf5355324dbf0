// Benchmark of the first article view (not a test: it prints figures).
//
//   node bench/first-view.mjs [--no-build] [--loads N] [--against DIST]
//
// Builds the release (unless --no-build), then prints the size of every file
// the seed article's view transfers, raw, gzip and brotli: for a reader who
// only reads (the page, CSS, boot.js), then what the app adds once the
// reader shows intent (JS, wasm, JSON if any). Then it compares the seed's
// prerendered page with a plain static HTML page of the same article (the
// same markup and CSS, no script, no data), served side by side: the median
// time from navigation start to the seed's text being visible for both, and
// their ratio, unthrottled and at 4x CPU throttle on a fast 4G network, and the time from the
// reader's first sign of intent (a key press) until the app has taken the
// page over. With --against, another build's dist/ (an older commit's,
// say) is served beside this one and its seed page measured in turns with
// this build's, so that both see the same moments of the machine.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, launchBrowser, firstViewFiles, DIST } from '../tests/browser/harness.mjs';
import { kib, sizes, timeToVisible } from './measure.mjs';

const args = process.argv.slice(2);
const loads = Number(args[args.indexOf('--loads') + 1]) || 15;
const against = args.includes('--against') ? args[args.indexOf('--against') + 1] : undefined;
const SEED = '/de/article/ecf15130d4b083e2';
const STATIC = '/bench-static-seed.html';
// A fast 4G phone network, for the throttled round: 40 ms round trip, 9 Mbit/s.
const FAST_4G = { latencyMs: 40, mbps: 9 };

if (!args.includes('--no-build')) {
  execFileSync('trunk', ['build', '--release'], { stdio: 'inherit', env: { ...process.env, TRUNK_OFFLINE: 'true' } });
}

/** A copy of `dist` to serve, its seed page's first paragraph marked; returns the copy's seed page. */
function markedCopy(dist, root) {
  cpSync(dist, root, { recursive: true });
  const seedFile = join(root, `${SEED.slice(1)}.html`);
  const seedPage = readFileSync(seedFile, 'utf8').replace(
    '<div class="article-body"><p>',
    '<div class="article-body"><p elementtiming="seed-text">',
  );
  writeFileSync(seedFile, seedPage);
  return seedPage;
}
// The built site, plus the seed's page with every script and data block
// taken out. In both, the first paragraph is marked for Element Timing: the
// app redraws it when it takes over, and only the first paint is the
// reader's first sight of the text.
const root = mkdtempSync(join(tmpdir(), 'brnn-first-view-'));
const seedPage = markedCopy(DIST, root);
const plain = seedPage
  .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, (script) => (script.includes('ld+json') ? script : ''))
  .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');
writeFileSync(join(root, STATIC.slice(1)), plain);
const otherRoot = against && mkdtempSync(join(tmpdir(), 'brnn-first-view-against-'));
if (against) markedCopy(against, otherRoot);

const host = await startHost({ root: `${root}/` });
const otherHost = against && (await startHost({ root: `${otherRoot}/` }));
const browser = await launchBrowser();
try {
  // Which files the first view fetches, as the browser saw them.
  // Sizes of the files as built (the copy served here marks the seed's text).
  const { visit, app: appFiles } = await firstViewFiles(browser, host, SEED, DIST);
  const table = (title, files) => {
    console.log(`${title}: ${files.length} requests\n`);
    console.log(`${'file'.padEnd(52)} ${'raw KiB'.padStart(8)} ${'gzip'.padStart(8)} ${'brotli'.padStart(8)}`);
    const total = { raw: 0, gzip: 0, brotli: 0 };
    for (const { path, file } of files) {
      const size = sizes(readFileSync(file));
      for (const key in total) total[key] += size[key];
      console.log(`${path.padEnd(52)} ${kib(size.raw)} ${kib(size.gzip)} ${kib(size.brotli)}`);
    }
    console.log(`${'total'.padEnd(52)} ${kib(total.raw)} ${kib(total.gzip)} ${kib(total.brotli)}\n`);
  };
  table(`${SEED} read without input`, visit);
  table('what the app adds at the first sign of intent', appFiles);

  const started = () => window.wasmBindings !== undefined;
  for (const throttle of [1, 4]) {
    const measure = { throttle, element: 'seed-text', ...(throttle > 1 && { network: FAST_4G }) };
    const seeds = [host.origin + SEED, ...(against ? [otherHost.origin + SEED] : [])];
    const [app, other] = await timeToVisible(browser, seeds, '.article-body p', loads, { ...measure, until: started });
    const [reference] = await timeToVisible(browser, [host.origin + STATIC], '.article-body p', loads, measure);
    const cpu = throttle === 1 ? 'unthrottled' : `${throttle}x CPU throttle, fast 4G (40 ms, 9 Mbit/s)`;
    console.log(
      `\n${cpu}, ${loads} loads each, navigation start to seed text visible (median, min-max):\n` +
        `  prerendered page  ${app.median.toFixed(0)} ms (${app.min.toFixed(0)}-${app.max.toFixed(0)})\n` +
        `  plain static page ${reference.median.toFixed(0)} ms (${reference.min.toFixed(0)}-${reference.max.toFixed(0)})\n` +
        `  ratio             ${(app.median / reference.median).toFixed(2)}\n` +
        `  intent to app     ${app.until.median.toFixed(0)} ms (${app.until.min.toFixed(0)}-${app.until.max.toFixed(0)})`,
    );
    if (other) {
      console.log(
        `  against ${against}, its loads in turns with these:\n` +
          `    prerendered page ${other.median.toFixed(0)} ms (${other.min.toFixed(0)}-${other.max.toFixed(0)})\n` +
          `    intent to app    ${other.until.median.toFixed(0)} ms (${other.until.min.toFixed(0)}-${other.until.max.toFixed(0)})`,
      );
    }
  }
} finally {
  await browser.close();
  await host.close();
  await otherHost?.close();
  for (const folder of [root, otherRoot].filter(Boolean)) rmSync(folder, { recursive: true, force: true });
}
