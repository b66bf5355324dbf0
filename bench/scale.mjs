// Benchmark of the archive's scale (not a test: it prints figures).
//
//   node bench/scale.mjs [--no-build] [--counts 100,10000,100000] [--loads 15]
//   node bench/scale.mjs --publish [--watch] [--no-pages] [--keep <folder>] [--counts 100000,1000000]
//
// With --publish: for each count, generates the archive and builds it from
// nothing, then builds it again unchanged, then publishes one article (a
// new source) and builds once more, removes it and builds again, for three
// such articles: the newest, on the archive's newest day (a newsroom's
// usual case: its day's search bundle is indexed again); one backdated
// into that day, older than some of its articles (it moves them and every
// list page after it: pages are numbered from the oldest); and one in a
// year of its own (a new year: the last year's bundles become one). Prints
// each build's time and peak memory, the files it wrote and their bytes (from
// the build's change list), those files by kind, and the archive's disk
// footprint. --no-pages builds the endpoint, feeds, sitemaps and search
// without the HTML pages (a million articles' pages take some 25 GB);
// --keep <folder> keeps the archives there, and reuses one already there.
// With --publish --watch: a newsroom's publishing process instead, `build
// --watch` started on the archive's site (built first if there is none);
// once its first build is done, four saves, each timed from the source's
// write to the publish's summary line (the watch's settling included):
// the newest article (a new source), that article retitled, one backdated
// into the newest day, and a correction of an article of the archive's
// second year; then each is undone (a removal builds everything: a
// publish takes only new and saved sources). Prints each save's time, the
// tool's own, the files it wrote and removed (its change list) and their
// kinds, the process's memory after the first build and its peak.
//
// For each count, generates that many sample articles (seed 1), builds them
// with the optimised content tool (the `tool` profile: endpoint, feeds,
// sitemaps and every HTML page), and prints: the build's wall time, CPU time (user and system) and
// peak memory, the files and bytes it wrote, a second, no-change build's
// time and how many files it wrote (0 expected), the size of the first
// front-page and section-page JSON and of the top of the front page
// (front.json, bounded whatever the archive's size), and the median time from navigation start
// until the first list entry is visible in headless Chromium. For search:
// the time the build spent on the search index and the index's size on
// disk, and for a typical query typed into the search page a second after
// its field took focus (which starts loading the index), the median time
// from the typing to the first result shown (Pagefind's 100 ms debounce
// included) and the bytes fetched from the focus on (the index files as
// they are, already gzip; Pagefind's scripts as a CDN would gzip them). The last lines
// compare the largest archive with the smallest.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, launchBrowser, DIST } from '../tests/browser/harness.mjs';
import { kib, sizes, timedRun, timeToVisible } from './measure.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const counts = option('--counts', '100,10000,100000').split(',').map(Number);
const loads = Number(option('--loads', 15));
const publish = args.includes('--publish');
const ROOT = new URL('..', import.meta.url).pathname;
const TOOL = join(ROOT, 'target/tool/brnn-content');
const SECTION = 'bri-nachrichten/aktuelles';
// A word of the generated articles' text (about one in four has it).
const QUERY = 'Planung';
const env = { ...process.env, TRUNK_OFFLINE: 'true' };

if (!args.includes('--no-build') && !publish) {
  execFileSync('trunk', ['build', '--release'], { cwd: ROOT, stdio: 'inherit', env });
}
execFileSync('cargo', ['build', '--profile', 'tool', '--quiet', '--package', 'brnn-content'], { cwd: ROOT, stdio: 'inherit', env });

/** The tool's build, timed (`timedRun`), with what its summary says it wrote. */
function timed(toolArgs) {
  const run = timedRun(TOOL, toolArgs);
  // The tool's summary: "… in 1.2 s: 123 files written, 4 unchanged, 0 removed".
  const written = Number(run.stderr.match(/(\d+) files written/)?.[1]);
  const searchSeconds = Number(run.stderr.match(/search index ([\d.]+) s/)?.[1]);
  return { ...run, written, searchSeconds };
}

/** Files below `folder` and their bytes on disk (`du`), as an operator uploads them. */
function footprint(folder) {
  const files = Number(execFileSync('sh', ['-c', `find "$1" -type f | wc -l`, 'sh', folder], { encoding: 'utf8' }).trim());
  const pages = Number(execFileSync('sh', ['-c', `find "$1" -type f -name '*.html' | wc -l`, 'sh', folder], { encoding: 'utf8' }).trim());
  const kib = Number(execFileSync('du', ['-sk', folder], { encoding: 'utf8' }).split(/\s/)[0]);
  return { files, pages, mib: kib / 1024 };
}

/**
 * Types QUERY into the search page of `host` `loads` times (a new page each
 * time, HTTP cache off): the median milliseconds from the typing to the
 * first result shown, and the bytes of the search files fetched meanwhile.
 */
async function searchTimes(host, root) {
  const times = [];
  let bytes = 0;
  for (let round = -1; round < loads; round++) {
    const view = await browser.newPage();
    const devtools = await browser.context.newCDPSession(view);
    await devtools.send('Network.setCacheDisabled', { cacheDisabled: true });
    await view.goto(`${host.origin}/de/search`);
    await view.waitForFunction(() => window.wasmBindings !== undefined);
    // The reader reaches for the field, and a second passes before the first key.
    const before = host.requests.length;
    await view.focus('#search-field');
    await view.waitForTimeout(1000);
    // Timed in the page: the first result counts as shown at the frame after
    // it entered the document. (Playwright's own waiting polls, and its
    // interval, up to 100 ms, would be measured with it.)
    const elapsed = await view.evaluate((query) => {
      const shown = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (!document.querySelector('.search-results li')) return;
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
        });
        observer.observe(document.body, { childList: true, subtree: true });
      });
      const field = document.querySelector('#search-field');
      field.value = query;
      const started = performance.now();
      field.dispatchEvent(new Event('input', { bubbles: true }));
      return shown.then((time) => time - started);
    }, QUERY);
    if (round >= 0) times.push(elapsed);
    const fetched = host.requests.slice(before).filter((path) => path.includes('/pagefind/'));
    bytes = fetched.reduce((sum, path) => {
      const file = readFileSync(join(root, path));
      return sum + (path.endsWith('.js') ? sizes(file).gzip : file.length);
    }, 0);
    await view.close();
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], bytes };
}

/** A sample archive of `count` articles below `work`: its content folder. */
function generateArchive(work, count) {
  const content = join(work, `content-${count}`);
  if (existsSync(join(content, 'network.toml'))) return content;
  mkdirSync(content, { recursive: true });
  cpSync(join(ROOT, 'content/network.toml'), join(content, 'network.toml'));
  // Every edition has its folder; the generated articles all go to the first.
  for (const [, edition] of readFileSync(join(content, 'network.toml'), 'utf8').matchAll(/^id = "([a-z0-9-]+)"/gm)) {
    mkdirSync(join(content, edition), { recursive: true });
  }
  execFileSync(TOOL, ['generate', String(count), '--seed', '1', '--content', content], { stdio: 'ignore' });
  return content;
}

/** What a file of the site is, for counting what a build changed. */
function kindOf(path) {
  const kinds = [
    [/^api\/v2\/[^/]+\/articles\//, 'article documents'],
    [/^[^/]+\/article\//, 'article pages'],
    [/^api\/v2\/[^/]+\/(front\.json|(sections\/.+\/|authors\/[^/]+\/)?pages\/)/, 'list documents'],
    [/^[^/]+\/(index\.html|pages\/|section\/|author\/)/, 'list pages'],
    [/^(api\/v2\/)?[^/]+\/archive/, 'archive'],
    [/^feeds\//, 'feeds'],
    [/^(sitemap\.xml|sitemaps\/)/, 'sitemaps'],
    [/^pagefind\//, 'search index'],
  ];
  return kinds.find(([pattern]) => pattern.test(path))?.[1] ?? 'other';
}

/** A build of `content` into `site`, timed, with what its change list says it wrote. */
function publishBuild(content, site, pages) {
  const changes = join(site, '..', `changes-${Date.now()}.txt`);
  const shell = pages ? ['--shell', join(ROOT, 'dist/index.html')] : [];
  const run = timedRun(TOOL, ['build', '--content', content, '--out', site, '--changes', changes, ...shell]);
  const listed = changeList(changes, site);
  rmSync(changes);
  return { ...run, ...listed };
}

/** A change list's files written and removed, their bytes and kinds. */
function changeList(changes, site) {
  const lines = readFileSync(changes, 'utf8').split('\n').filter(Boolean);
  const written = lines.filter((line) => !line.startsWith('- ')).map((line) => line.slice(2));
  const bytes = written.reduce((sum, path) => sum + statSync(join(site, path)).size, 0);
  const kinds = {};
  for (const line of lines) kinds[kindOf(line.slice(2))] = (kinds[kindOf(line.slice(2))] ?? 0) + 1;
  return { written: written.length, removed: lines.length - written.length, bytes, kinds };
}

/** A process's resident memory now and at its peak, in MiB (`/proc`). */
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mib = (field) => Number(status.match(new RegExp(`${field}:\\s+(\\d+) kB`))[1]) / 1024;
  return { rssMib: mib('VmRSS'), peakMib: mib('VmHWM') };
}

/** `build --watch` on the archive, and four saves timed from write to summary (see the top). */
async function watchedPublishes(content, site, pages) {
  const changes = join(site, '..', 'watch-changes.txt');
  const shell = pages ? ['--shell', join(ROOT, 'dist/index.html')] : [];
  const watcher = spawn(TOOL, ['build', '--watch', '--content', content, '--out', site, '--changes', changes, ...shell], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // The summary line of each build or publish (or of its problems), in turn.
  const waiting = [];
  let buffer = '';
  watcher.stderr.setEncoding('utf8');
  watcher.stderr.on('data', (chunk) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop();
    for (const line of lines) {
      if (/^brnn-content: .*( in [\d.]+ s|problem\(s\))/.test(line)) waiting.shift()?.(line);
    }
  });
  const summary = () => new Promise((resolve) => waiting.push(resolve));
  try {
    const first = await summary();
    const afterFirst = memoryOf(watcher.pid);
    const saves = [];
    const save = async (name, file, text) => {
      const done = summary();
      const started = performance.now();
      writeFileSync(file, text);
      const line = await done;
      const seconds = (performance.now() - started) / 1000;
      const own = Number(line.match(/ in ([\d.]+) s/)?.[1]);
      saves.push({ name, seconds, own, line, ...changeList(changes, site) });
    };
    const source = (headline, published) =>
      `+++\nheadline = "${headline}"\nsection = "bri-nachrichten/aktuelles"\npublished = ${published}\nsource = ""\n+++\n\nEin neuer Artikel.\n`;
    const newest = join(content, 'de/published-now.txt');
    const backdated = join(content, 'de/published-earlier.txt');
    const years = readdirSync(join(content, 'de/generated')).sort();
    const correctedFolder = join(content, 'de/generated', years[1]);
    const corrected = join(correctedFolder, readdirSync(correctedFolder).sort()[0]);
    const original = readFileSync(corrected, 'utf8');
    // The generated archive's newest day (`generate.rs`, NEWEST), whose
    // articles are published until 23:00 local time, at offsets up to -05:00.
    await save('newest', newest, source('Eben veröffentlicht', '2025-11-03T23:30:00-05:00'));
    await save('retitled', newest, source('Eben veröffentlicht, neu betitelt', '2025-11-03T23:30:00-05:00'));
    await save('backdated', backdated, source('Früher am Tag', '2025-11-03T18:00:00+08:00'));
    await save('correction', corrected, original.replace('+++\n\n', '+++\n\nKorrektur: '));
    // Undone: the removals build everything, the old text is published.
    const undone = summary();
    rmSync(newest);
    rmSync(backdated);
    writeFileSync(corrected, original);
    await undone;
    return { first, afterFirst, saves, peak: memoryOf(watcher.pid) };
  } finally {
    watcher.kill('SIGTERM');
  }
}

if (publish && args.includes('--watch')) {
  const pages = !args.includes('--no-pages');
  const work = option('--keep', null) ?? mkdtempSync(join(tmpdir(), 'brnn-publish-'));
  const pad = (value, width) => String(value).padStart(width);
  console.log(`\nPublishing with build --watch: sample articles (seed 1), optimised content tool (tool profile), ${pages ? 'with' : 'without'} HTML pages\n`);
  for (const count of counts) {
    const content = generateArchive(work, count);
    const site = join(work, `site-${count}${pages ? '' : '-endpoint'}`);
    for (const leftover of ['de/published-now.txt', 'de/published-earlier.txt']) rmSync(join(content, leftover), { force: true });
    if (!existsSync(site)) publishBuild(content, site, pages);
    const run = await watchedPublishes(content, site, pages);
    console.log(`${pad(count, 9)} articles; first build: ${run.first.replace(/^brnn-content: /, '')}`);
    console.log(`${pad('', 9)} memory after it ${run.afterFirst.rssMib.toFixed(0)} MiB, peak ${run.peak.peakMib.toFixed(0)} MiB`);
    console.log(`${pad('save', 12)} ${pad('s', 7)} ${pad('tool s', 7)} ${pad('written', 8)} ${pad('removed', 8)} ${pad('KiB', 8)}  files`);
    for (const save of run.saves) {
      const kinds = Object.entries(save.kinds).map(([kind, n]) => `${n} ${kind}`).join(', ');
      console.log(
        `${pad(save.name, 12)} ${pad(save.seconds.toFixed(2), 7)} ${pad(save.own.toFixed(2), 7)} ${pad(save.written, 8)} ` +
          `${pad(save.removed, 8)} ${pad((save.bytes / 1024).toFixed(1), 8)}  ${kinds}`,
      );
    }
  }
  process.exit(0);
}

if (publish) {
  const pages = !args.includes('--no-pages');
  const kept = option('--keep', null);
  const work = kept ?? mkdtempSync(join(tmpdir(), 'brnn-publish-'));
  const pad = (value, width) => String(value).padStart(width);
  const rows = [];
  try {
    for (const count of counts) {
      const content = generateArchive(work, count);
      const site = join(work, `site-${count}${pages ? '' : '-endpoint'}`);
      rmSync(join(content, 'de/published-now.txt'), { force: true });
      const full = existsSync(site) ? null : publishBuild(content, site, pages);
      const unchanged = publishBuild(content, site, pages);
      // One article published, built, removed and built again.
      const publishAt = (published) => {
        writeFileSync(
          join(content, 'de/published-now.txt'),
          `+++\nheadline = "Eben veröffentlicht"\nsection = "bri-nachrichten/aktuelles"\npublished = ${published}\nsource = ""\n+++\n\nEin neuer Artikel.\n`,
        );
        const built = publishBuild(content, site, pages);
        rmSync(join(content, 'de/published-now.txt'));
        return [built, publishBuild(content, site, pages)];
      };
      // The generated archive's newest day (`generate.rs`, NEWEST), whose
      // articles are published until 23:00 local time, at offsets up to -05:00.
      const [newest, unnewest] = publishAt('2025-11-03T23:30:00-05:00');
      const [backdated, unbackdated] = publishAt('2025-11-03T18:00:00+08:00');
      const [newYear, unNewYear] = publishAt('2030-01-01T09:00:00+08:00');
      const runs = { full, unchanged, newest, unnewest, backdated, unbackdated, newYear, unNewYear };
      rows.push({ count, runs, disk: footprint(site) });
    }
  } finally {
    if (!kept) rmSync(work, { recursive: true, force: true });
  }
  console.log(`\nPublishing into an archive: sample articles (seed 1), optimised content tool (tool profile), ${pages ? 'with' : 'without'} HTML pages\n`);
  console.log(`${pad('articles', 9)} ${pad('build', 12)} ${pad('s', 8)} ${pad('peak MiB', 9)} ${pad('written', 8)} ${pad('removed', 8)} ${pad('KiB', 9)}`);
  for (const row of rows) {
    const names = {
      full: 'from nothing',
      unchanged: 'unchanged',
      newest: 'newest',
      unnewest: 'removed',
      backdated: 'backdated',
      unbackdated: 'removed',
      newYear: 'new year',
      unNewYear: 'removed',
    };
    for (const [key, run] of Object.entries(row.runs)) {
      const name = names[key];
      if (!run) continue;
      console.log(
        `${pad(row.count, 9)} ${pad(name, 12)} ${pad(run.seconds.toFixed(2), 8)} ${pad(run.peakMib.toFixed(0), 9)} ` +
          `${pad(run.written, 8)} ${pad(run.removed, 8)} ${pad((run.bytes / 1024).toFixed(1), 9)}`,
      );
    }
    const kinds = (run) => Object.entries(run.kinds).map(([kind, n]) => `${n} ${kind}`).join(', ');
    console.log(`${pad('', 9)} the newest article's files: ${kinds(row.runs.newest)}`);
    console.log(`${pad('', 9)} the backdated article's files: ${kinds(row.runs.backdated)}`);
    console.log(`${pad('', 9)} the new year's article's files: ${kinds(row.runs.newYear)}`);
    console.log(`${pad('', 9)} site: ${row.disk.files} files, ${row.disk.pages} pages, ${row.disk.mib.toFixed(0)} MiB`);
  }
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'brnn-scale-'));
const rows = [];
const hosts = [];
const browser = await launchBrowser();
try {
  for (const count of counts) {
    const content = generateArchive(work, count);
    const site = join(work, `site-${count}`);
    // The app as built, without the shipped content's output.
    cpSync(DIST, site, { recursive: true, filter: (path) => !/\/(api|feeds|sitemaps)$|sitemap\.xml$|robots\.txt$/.test(path) });

    // Any built page serves as the page shell; its own parts are dropped.
    const buildArgs = ['build', '--content', content, '--out', site, '--shell', join(site, 'index.html')];
    const build = timed(buildArgs);
    const rebuild = timed(buildArgs);
    const disk = footprint(site);
    // The newest page of the front page's list is front.json's.
    const top = sizes(readFileSync(join(site, 'api/v2/de/front.json')));
    const front = top;
    const section = sizes(readFileSync(join(site, `api/v2/de/sections/${SECTION}/pages/newest.json`)));
    const index = footprint(join(site, 'pagefind/de'));
    rows.push({ count, build, rebuild, disk, front, top, section, index });
    hosts.push(await startHost({ root: site }));
  }
  // Every archive's pages take turns in one browser.
  const frontTimes = await timeToVisible(browser, hosts.map((host) => `${host.origin}/de/`), '.article-list li', loads);
  const sectionUrls = hosts.map((host) => `${host.origin}/de/section/${SECTION}/`);
  const sectionTimes = await timeToVisible(browser, sectionUrls, '.article-list li', loads);
  rows.forEach((row, index) => Object.assign(row, { frontTime: frontTimes[index], sectionTime: sectionTimes[index] }));
  for (const [index, row] of rows.entries()) {
    row.search = await searchTimes(hosts[index], join(work, `site-${row.count}`));
  }
} finally {
  await browser.close();
  await Promise.all(hosts.map((host) => host.close()));
  // Only now: deleting 100,000s of files just before a build slows the file
  // system's creation of new ones (ext4 skips recently freed inodes).
  rmSync(work, { recursive: true, force: true });
}

const pad = (value, width) => String(value).padStart(width);
console.log(`\nArchive scale: sample articles (seed 1), optimised content tool (tool profile), ${loads} loads per page\n`);
console.log(
  `${pad('articles', 9)} ${pad('build s', 8)} ${pad('user s', 7)} ${pad('sys s', 6)} ${pad('peak MiB', 9)} ` +
    `${pad('files', 8)} ${pad('pages', 8)} ${pad('disk MiB', 9)} ${pad('rebuild s', 10)} ${pad('rewritten', 10)} ` +
    `${pad('page-1 KiB', 11)} ${pad('brotli', 8)} ${pad('front.json B', 13)} ${pad('brotli', 8)} ${pad('front ms', 9)} ${pad('section ms', 11)}`,
);
for (const row of rows) {
  const { build, disk } = row;
  console.log(
    `${pad(row.count, 9)} ${pad(build.seconds.toFixed(2), 8)} ${pad(build.user.toFixed(2), 7)} ${pad(build.system.toFixed(2), 6)} ${pad(build.peakMib.toFixed(0), 9)} ` +
      `${pad(disk.files, 8)} ${pad(disk.pages, 8)} ${pad(disk.mib.toFixed(0), 9)} ${pad(row.rebuild.seconds.toFixed(2), 10)} ${pad(row.rebuild.written, 10)} ` +
      `${pad(kib(row.front.raw).trim(), 11)} ${pad(kib(row.front.brotli).trim(), 8)} ` +
      `${pad(row.top.raw, 13)} ${pad(row.top.brotli, 8)} ` +
      `${pad(row.frontTime.median.toFixed(0), 9)} ${pad(row.sectionTime.median.toFixed(0), 11)}`,
  );
}
console.log(`\nSearch: the index of the edition, and the query "${QUERY}" typed into its search page\n`);
console.log(`${pad('articles', 9)} ${pad('index s', 8)} ${pad('files', 8)} ${pad('disk MiB', 9)} ${pad('query KiB', 10)} ${pad('first result ms', 16)}`);
for (const row of rows) {
  console.log(
    `${pad(row.count, 9)} ${pad(row.build.searchSeconds.toFixed(2), 8)} ${pad(row.index.files, 8)} ${pad(row.index.mib.toFixed(1), 9)} ` +
      `${pad((row.search.bytes / 1024).toFixed(1), 10)} ${pad(row.search.median.toFixed(0), 16)}`,
  );
}
if (rows.length > 1) {
  const [small, large] = [rows[0], rows.at(-1)];
  const ratio = (a, b) => `${((a / b - 1) * 100).toFixed(1)} %`;
  console.log(`\n${large.count} against ${small.count} articles:`);
  console.log(`  first front page JSON: ${ratio(large.front.raw, small.front.raw)} raw, ${ratio(large.front.brotli, small.front.brotli)} brotli`);
  console.log(`  first section page JSON: ${ratio(large.section.raw, small.section.raw)} raw`);
  console.log(
    `  front.json: ${small.top.raw} bytes at ${small.count}, ${large.top.raw} at ${large.count} ` +
      `(${ratio(large.top.raw, small.top.raw)} raw, ${ratio(large.top.brotli, small.top.brotli)} brotli)`,
  );
  console.log(`  time to first list entry: front ${ratio(large.frontTime.median, small.frontTime.median)}, section ${ratio(large.sectionTime.median, small.sectionTime.median)}`);
  for (const row of rows) {
    const per1000 = (seconds) => ((seconds / row.count) * 1000).toFixed(3);
    console.log(
      `  build per 1,000 articles at ${row.count}: ${per1000(row.build.seconds)} s wall, ` +
        `${per1000(row.build.user)} s user, ${per1000(row.build.system)} s system`,
    );
  }
}
