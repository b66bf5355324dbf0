// Benchmark of `trunk serve` on a large archive (not a test: it prints figures).
//
//   node bench/serve.mjs [--count 100000] [--keep <folder>] [--edits 5] [--port 8090]
//
// Generates the archive (sample articles, seed 1; --keep reuses one kept
// there), serves it with `trunk serve` as scripts/serve does (the content
// folder through BRNN_CONTENT, the kept site in <folder>/trunk-site-<count>/
// through BRNN_TRUNK_SITE, so that the repository's own target/trunk-site/
// is left alone; Trunk watches Trunk.toml's list, which leaves content/ to
// the content tool's watching build that Trunk's hook starts), opens the
// newest sample's article page (the newest day's) in headless Chromium and
// then, --edits times, saves a new headline into its source and times how
// long the page takes to show it (the watching build builds the site; its
// HTML is asked for every 100 ms meanwhile, and once it has the new
// headline the page is reloaded, as a reader would by hand: Trunk's
// autoreload is an inline script, which the site's policy refuses). Prints
// each time, the median, and what the content tool's summary line said of
// each build. Trunk's output, the watching build's included, at debug level
// (what it took for a change), goes to <folder>/trunk-serve.log. The first
// build of an archive into an empty kept folder takes minutes (every page
// is rendered), as does the first after the content tool changed.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../tests/browser/harness.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const count = Number(option('--count', 100000));
const edits = Number(option('--edits', 5));
const port = Number(option('--port', 8090));
const work = option('--keep', '/tmp/brnn-serve-bench');
const ROOT = new URL('..', import.meta.url).pathname;

const content = join(work, `content-${count}`);
if (!existsSync(join(content, 'network.toml'))) {
  mkdirSync(content, { recursive: true });
  cpSync(join(ROOT, 'content/network.toml'), join(content, 'network.toml'));
  for (const [, edition] of readFileSync(join(content, 'network.toml'), 'utf8').matchAll(/^id = "([a-z0-9-]+)"/gm)) {
    mkdirSync(join(content, edition), { recursive: true });
  }
  execFileSync('cargo', ['content', 'generate', String(count), '--seed', '1', '--content', content], { cwd: ROOT, stdio: 'inherit' });
}

// The newest sample, what a newsroom edits most: an edit re-indexes the newest day's search bundle.
const generated = join(content, 'de/generated');
const newestYear = readdirSync(generated).sort().at(-1);
const published = (path) => Date.parse(readFileSync(path, 'utf8').match(/^published = (.*)$/m)[1]);
const file = readdirSync(join(generated, newestYear))
  .map((name) => join(generated, newestYear, name))
  .reduce((newest, path) => (published(path) > published(newest) ? path : newest));
const id = file.split('/').at(-1).replace(/\.txt$/, '');
const source = readFileSync(file, 'utf8');
const headline = source.match(/^headline = "(.*)"$/m)[1];

const site = join(work, `trunk-site-${count}`);
mkdirSync(site, { recursive: true });
// `--watch` replaces Trunk.toml's list: that list, with the generated archive for content/.
const watched = [...readFileSync(join(ROOT, 'Trunk.toml'), 'utf8').match(/^watch = \[(.*)\]$/m)[1].matchAll(/"([^"]+)"/g)].map(([, path]) => path);
const watch = watched.flatMap((path) => ['--watch', path === 'content' ? content : join(ROOT, path)]);
const summaries = [];
let output = '';
const trunk = spawn('trunk', ['serve', '--port', String(port), ...watch], {
  cwd: ROOT,
  env: { ...process.env, TRUNK_OFFLINE: 'true', RUST_LOG: 'trunk=debug', BRNN_CONTENT: content, BRNN_TRUNK_SITE: site },
  detached: true,
});
/** Takes one stream's output; its lines may come split across chunks: only whole ones are looked at. */
const collector = () => {
  let unfinished = '';
  return (chunk) => {
    output += chunk;
    writeFileSync(join(work, 'trunk-serve.log'), chunk, { flag: 'a' });
    const lines = (unfinished + chunk.toString()).split('\n');
    unfinished = lines.pop();
    for (const line of lines) if (line.startsWith('brnn-content:')) summaries.push(line);
  };
};
trunk.stdout.on('data', collector());
trunk.stderr.on('data', collector());

/** Resolves once Trunk has finished `builds` builds. */
async function builds(total, timeoutMs) {
  const started = Date.now();
  while ((output.match(/✅ success/g) ?? []).length < total) {
    if (Date.now() - started > timeoutMs) throw new Error(`trunk serve: no build ${total} in ${timeoutMs / 1000} s\n${output.slice(-2000)}`);
    if (trunk.exitCode !== null) throw new Error(`trunk serve stopped\n${output.slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Resolves once Trunk has finished every build it started and printed nothing for 3 s. */
async function idle() {
  const count = (pattern) => (output.match(pattern) ?? []).length;
  for (let quiet = output.length; ; quiet = output.length) {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    if (output.length === quiet && count(/starting build/g) === count(/✅ success/g)) return;
  }
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
const times = [];
try {
  const first = Date.now();
  await builds(1, 60 * 60 * 1000);
  await idle();
  console.log(`first build: ${((Date.now() - first) / 1000).toFixed(1)} s; ${summaries.at(-1)}`);
  const page = await browser.newPage();
  const url = `http://127.0.0.1:${port}/de/article/${id}`;
  await page.goto(url);
  await page.waitForSelector('h1');
  for (let edit = 1; edit <= edits; edit++) {
    const marker = `(bearbeitet ${Date.now()})`;
    const saved = Date.now();
    // Saved as editors save: a new file renamed over the old one.
    writeFileSync(`${file}.saving`, source.replace(`headline = "${headline}"`, `headline = "${headline} ${marker}"`));
    renameSync(`${file}.saving`, file);
    // The page's own file: Trunk's server answers the address without `.html` with the shell.
    const served = async () => (await (await fetch(`${url}.html`)).text()).includes(marker);
    while (!(await served())) {
      if (Date.now() - saved > 600000) throw new Error(`edit ${edit}: not served after 600 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await page.reload();
    await page.waitForFunction((text) => document.querySelector('h1')?.textContent.includes(text), marker);
    times.push(Date.now() - saved);
    // Trunk may build once more for what changed during the build: the next edit waits for it.
    await idle();
    console.log(`edit ${edit}: on screen after ${times.at(-1)} ms; ${summaries.at(-1)}`);
  }
} catch (error) {
  console.error(`trunk serve said, last:\n${output.slice(-3000)}`);
  throw error;
} finally {
  writeFileSync(file, source);
  await browser.close();
  process.kill(-trunk.pid);
}
times.sort((a, b) => a - b);
console.log(`\n${count} articles: a saved edit of one article on screen after ${times[Math.floor(times.length / 2)]} ms (median of ${times.length}; ${times.join(', ')} ms)`);
