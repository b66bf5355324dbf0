// Benchmark of the image pipeline (not a test: it prints figures).
//
//   node bench/images.mjs [--articles 10000] [--photo content/photos/storm-over-road.jpg] [--runs 5]
//
// Builds the release content tool and the `image_timing` example
// (`cargo build --release -p brnn-content`), then prints:
//
// 1. Per image, on one core (`taskset -c 0` where there is taskset): the
//    photo decoded (EXIF orientation applied), then at each width the build
//    makes (480, 800, 1200, 1600 px, never wider than the photo) the time
//    to resize it (Lanczos3) and to encode it as WebP (quality 75) and as
//    JPEG (quality 80), with the bytes of each file; each the median of
//    `--runs` runs (crates/content/examples/image_timing.rs).
// 2. A build of the shipped content plus `--articles` generated articles,
//    each with a lead photo (`generate --with-photos`: the shipped photos in
//    turn), with every HTML page (the repository's index.html as the shell),
//    into an empty folder with an empty image cache; then the same build
//    again with nothing changed. For each: wall time, CPU time (user and
//    system), peak memory, and the build's summary: files written and
//    unchanged, images processed (the photos decoded and encoded: as many
//    as there are distinct photos the first time, 0 the second).
//
// Everything runs in a temporary folder (content/ as committed, the site
// and the cache), deleted at the end; the repository's content/ is not touched.
// Every process runs under `nice` (other builds on the machine go first), and
// the builds on one core too: the figures are the slower for a busy machine,
// so the load average at the start is printed with them.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { timedRun } from './measure.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const articles = Number(option('--articles', 10000));
const runs = Number(option('--runs', 5));
const ROOT = new URL('..', import.meta.url).pathname;
const photo = join(ROOT, option('--photo', 'content/photos/storm-over-road.jpg'));
const TOOL = join(ROOT, 'target/release/brnn-content');
const TIMING = join(ROOT, 'target/release/examples/image_timing');
if (!Number.isInteger(articles) || articles < 0) throw new Error('--articles takes a whole number');
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number above 0');

const hasTaskset = spawnSync('taskset', ['--version']).status === 0;
/** `command` under nice, on core 0 where taskset is there. */
const pinned = (command) => ['nice', '-n', '10', ...(hasTaskset ? ['taskset', '-c', '0'] : []), ...command];

const load = loadavg().map((value) => value.toFixed(2)).join(' ');
execFileSync(
  'nice',
  ['-n', '10', 'cargo', 'build', '--release', '--quiet', '--locked', '--package', 'brnn-content', '--bins', '--example', 'image_timing'],
  { cwd: ROOT, stdio: 'inherit' },
);

// 1. One photo, step by step.
const [command, ...commandArgs] = pinned([TIMING, photo, String(runs)]);
const timing = spawnSync(command, commandArgs, { encoding: 'utf8' });
if (timing.status !== 0) throw new Error(`image_timing failed:\n${timing.stderr}`);
const lines = timing.stdout.trim().split('\n').map((line) => line.split('\t'));
const decodeLine = lines.find((line) => line[0] === 'decode');
const widths = lines
  .filter((line) => line[0] === 'width')
  .map(([, width, height, , resize, , webpMs, webpBytes, , jpegMs, jpegBytes]) => ({
    width: Number(width),
    height: Number(height),
    resize: Number(resize),
    webp: { ms: Number(webpMs), bytes: Number(webpBytes) },
    jpeg: { ms: Number(jpegMs), bytes: Number(jpegBytes) },
  }));

/** The tool's build on one core (`timedRun`), with what its summary counts. */
function timed(toolArgs) {
  const [command, ...args] = pinned([TOOL, ...toolArgs]);
  const run = timedRun(command, args);
  // "brnn-content: N articles into … in 1.2 s (…): 12 files written, 3 unchanged (2 not rendered), 0 removed; 4 images processed; …"
  const summary = run.stderr.match(
    /(\d+) articles into .*: (\d+) files written, (\d+) unchanged(?: \(\d+ not rendered\))?, (\d+) removed; (\d+) images processed/,
  );
  if (!summary) throw new Error(`no summary in:\n${run.stderr}`);
  const [, built, written, unchanged, removed, images] = summary.map(Number);
  return { ...run, built, written, unchanged, removed, images };
}

// 2. The build of many articles with a photo each, and again.
const work = mkdtempSync(join(tmpdir(), 'brnn-images-'));
let build;
let rebuild;
let media;
try {
  const content = join(work, 'content');
  const site = join(work, 'site');
  const cache = join(work, 'image-cache');
  // The shipped content as committed (HEAD): not what `generate` or an
  // edit under way left in the working tree.
  execFileSync('sh', ['-c', 'git -C "$1" archive HEAD content | tar -x -C "$2"', 'sh', ROOT, work]);
  if (articles > 0) {
    execFileSync('nice', ['-n', '10', TOOL, 'generate', String(articles), '--seed', '1', '--with-photos', '--content', content], {
      stdio: 'ignore',
    });
  }
  const shell = join(work, 'index.html');
  writeFileSync(shell, readFileSync(join(ROOT, 'index.html'), 'utf8').replace('<base data-trunk-public-url>', '<base href="/">'));
  const buildArgs = ['build', '--content', content, '--out', site, '--shell', shell, '--cache', cache];
  build = timed(buildArgs);
  rebuild = timed(buildArgs);
  const mediaFolder = join(site, 'api/v2/media');
  media = existsSync(mediaFolder)
    ? Number(execFileSync('sh', ['-c', 'find "$1" -type f | wc -l', 'sh', mediaFolder], { encoding: 'utf8' }).trim())
    : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}

const pad = (value, width) => String(value).padStart(width);
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const core = hasTaskset ? 'one core (taskset -c 0)' : 'no taskset: any core';
console.log(`\nImage pipeline, release build, nice -n 10, ${core}; load average at the start: ${load}\n`);
console.log(`${photo.slice(ROOT.length)}, ${decodeLine[2]} × ${decodeLine[3]}: decoded in ${decodeLine[1]} ms; median of ${runs} runs\n`);
console.log(`${pad('width', 6)} ${pad('height', 7)} ${pad('resize ms', 10)} ${pad('WebP ms', 8)} ${pad('WebP', 9)} ${pad('JPEG ms', 8)} ${pad('JPEG', 9)}`);
for (const row of widths) {
  console.log(
    `${pad(row.width, 6)} ${pad(row.height, 7)} ${pad(row.resize.toFixed(1), 10)} ${pad(row.webp.ms.toFixed(1), 8)} ${pad(kb(row.webp.bytes), 9)} ` +
      `${pad(row.jpeg.ms.toFixed(1), 8)} ${pad(kb(row.jpeg.bytes), 9)}`,
  );
}
const sum = (pick) => widths.reduce((total, row) => total + pick(row), 0);
const perPhoto = Number(decodeLine[1]) + sum((row) => row.resize + row.webp.ms + row.jpeg.ms);
console.log(
  `${pad('all', 6)} ${pad('', 7)} ${pad(sum((row) => row.resize).toFixed(1), 10)} ${pad(sum((row) => row.webp.ms).toFixed(1), 8)} ` +
    `${pad(kb(sum((row) => row.webp.bytes)), 9)} ${pad(sum((row) => row.jpeg.ms).toFixed(1), 8)} ${pad(kb(sum((row) => row.jpeg.bytes)), 9)}`,
);
console.log(`one photo, decoded, resized and encoded in every width and both formats: ${perPhoto.toFixed(0)} ms`);

console.log(`\nBuild: the shipped content and ${articles} generated articles with a lead photo each (${build.built} articles), every page\n`);
console.log(
  `${pad('', 8)} ${pad('wall s', 8)} ${pad('user s', 8)} ${pad('sys s', 7)} ${pad('peak MiB', 9)} ${pad('written', 8)} ${pad('unchanged', 10)} ${pad('images processed', 17)}`,
);
for (const [name, row] of [['first', build], ['again', rebuild]]) {
  console.log(
    `${pad(name, 8)} ${pad(row.seconds.toFixed(2), 8)} ${pad(row.user.toFixed(2), 8)} ${pad(row.system.toFixed(2), 7)} ${pad(row.peakMib.toFixed(0), 9)} ` +
      `${pad(row.written, 8)} ${pad(row.unchanged, 10)} ${pad(row.images, 17)}`,
  );
}
console.log(`renditions in api/v2/media: ${media}`);
