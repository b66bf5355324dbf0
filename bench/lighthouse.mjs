// Lighthouse benchmark of three pages (not a test: it prints figures).
//
//   node bench/lighthouse.mjs [--runs N] [--desktop] [--page NAME]
//
// Serves dist/ with deploy/nginx/ in a real nginx on loopback (compressed
// and cached as production serves it, tests/nginx-host.mjs) and runs
// Lighthouse in its default mobile mode (emulated Moto G Power, simulated
// slow 4G, 4x CPU slowdown), or with `--desktop` its desktop preset, with
// the system Chromium over the seed article,
// an article with a lead photo, the front page, a section page and a search
// page, N times
// each (3 unless told; `--page search`: only the pages whose name holds
// "search"). Prints per page and run the scores of performance,
// accessibility, best practices and SEO (0-100), FCP, LCP and TBT (ms) and
// CLS, then their median; then, for every category below 100 in some run,
// the audits that cost it points or failed.
//
// Lighthouse is no dependency of the project: npm fetches it into its own
// cache on the first run (the registry must be reachable then).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CHROMIUM_FLAGS, DIST } from '../tests/browser/harness.mjs';
import { startNginx } from '../tests/nginx-host.mjs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
const preset = args.includes('--desktop') ? ['--preset=desktop'] : [];
// The last 12.x, which runs on Node 18.16 and later; 13.x needs Node 22.19
// (this machine has 20).
const LIGHTHOUSE = 'lighthouse@12.8.2';
const only = args.includes('--page') ? args[args.indexOf('--page') + 1] : '';
const PAGES = [
  ['seed article', '/de/article/ecf15130d4b083e2'],
  ['article with a lead photo', '/de/article/beispiel-artikelformat'],
  ['front page', '/de/'],
  ['section page', '/de/section/bri-nachrichten/'],
  // Search results need the app: it starts at once there.
  ['search page', '/de/search?q=Liegeplatz'],
].filter(([name]) => name.includes(only));
if (PAGES.length === 0) throw new Error(`no page's name holds ${only}`);
const CATEGORIES = [
  ['performance', 'perf'],
  ['accessibility', 'a11y'],
  ['best-practices', 'bp'],
  ['seo', 'seo'],
];
const METRICS = [
  ['first-contentful-paint', 'FCP ms'],
  ['largest-contentful-paint', 'LCP ms'],
  ['total-blocking-time', 'TBT ms'],
  ['cumulative-layout-shift', 'CLS'],
];
// Scored audits below 0.9 are the ones Lighthouse's own report does not show as passed.
const SCORED = new Set(['binary', 'numeric', 'metricSavings']);
const failed = (audit) => SCORED.has(audit.scoreDisplayMode) && audit.score !== null && audit.score < 0.9;

/** Lighthouse's report (LHR) of `url`, in a fresh Chromium profile. */
async function lighthouse(url) {
  const profile = mkdtempSync(join(tmpdir(), 'brnn-lighthouse-'));
  const flags = ['--headless=new', ...CHROMIUM_FLAGS, `--user-data-dir=${profile}`];
  try {
    const { stdout } = await promisify(execFile)(
      'npm',
      ['exec', '--yes', `--package=${LIGHTHOUSE}`, '--', 'lighthouse', url,
        '--output=json', '--output-path=stdout', '--quiet', ...preset, `--chrome-flags=${flags.join(' ')}`],
      // Outside the project, so npm never looks at its package.json; the
      // report is a few MB.
      { cwd: tmpdir(), env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, maxBuffer: 1 << 28 },
    );
    const report = JSON.parse(stdout);
    if (report.runtimeError) throw new Error(`${url}: ${report.runtimeError.code} ${report.runtimeError.message}`);
    return report;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
};

// One row of figures: four scores (0-100), FCP, LCP, TBT in ms, CLS.
const figures = (report) => [
  ...CATEGORIES.map(([id]) => report.categories[id].score * 100),
  ...METRICS.map(([id]) => report.audits[id].numericValue),
];
const format = (values) =>
  values
    .map((value, index) =>
      (index === values.length - 1 ? value.toFixed(3) : String(Math.round(value * 10) / 10)).padStart(index < 4 ? 5 : 8),
    )
    .join('');

const host = await startNginx(DIST);
try {
  const reports = PAGES.map(() => []);
  let version;
  // The pages take turns, so that a slow moment of the machine does not fall on one of them alone.
  for (let run = 0; run < runs; run++) {
    for (const [index, [, path]] of PAGES.entries()) {
      const report = await lighthouse(host.origin + path);
      version = report.lighthouseVersion;
      reports[index].push(report);
    }
  }

  const settings = reports[0][0].configSettings;
  console.log(
    `Lighthouse ${version}, ${settings.formFactor}, ${settings.throttlingMethod} throttling ` +
      `(RTT ${settings.throttling.rttMs} ms, ${(settings.throttling.throughputKbps / 1024).toFixed(1)} Mbit/s, ` +
      `CPU ${settings.throttling.cpuSlowdownMultiplier}x), ${runs} run(s) per page, ${reports[0][0].environment.hostUserAgent}\n`,
  );
  const header = [...CATEGORIES.map(([, name]) => name.padStart(5)), ...METRICS.map(([, name]) => name.padStart(8))];
  console.log(`${'page'.padEnd(44)}${'run'.padEnd(7)}${header.join('')}`);
  for (const [index, [name, path]] of PAGES.entries()) {
    const rows = reports[index].map(figures);
    const medians = rows[0].map((_, column) => median(rows.map((row) => row[column])));
    for (const [run, row] of rows.entries()) {
      console.log(`${(run ? '' : `${name} ${path}`).padEnd(44)}${String(run + 1).padEnd(7)}${format(row)}`);
    }
    console.log(`${''.padEnd(44)}${'median'.padEnd(7)}${format(medians)}`);
  }

  // Per page, for each category below 100, the audits that cost it points
  // (weighted, below 1) and those failed without weight (diagnostics), and
  // in how many runs.
  console.log('\nAudits failed in the categories below 100 (runs/all runs, weight in the category, median score):');
  let any = false;
  for (const [index, [name, path]] of PAGES.entries()) {
    for (const [category] of CATEGORIES) {
      const below = reports[index].filter((report) => report.categories[category].score < 1);
      if (!below.length) continue;
      any = true;
      const scores = reports[index].map((report) => Math.round(report.categories[category].score * 100));
      console.log(`  ${name} ${path}, ${category} (${scores.join(', ')}):`);
      const found = new Map();
      for (const report of below) {
        for (const { id, weight } of report.categories[category].auditRefs) {
          const audit = report.audits[id];
          if (!failed(audit) && !(weight > 0 && audit.score !== null && audit.score < 1)) continue;
          const entry = found.get(id) ?? { title: audit.title, weight, scores: [] };
          entry.scores.push(audit.score);
          found.set(id, entry);
        }
      }
      const ordered = [...found].sort(([, a], [, b]) => b.weight - a.weight);
      for (const [id, { title, weight, scores: lost }] of ordered) {
        console.log(`    ${id}: ${title} (${lost.length}/${runs}, weight ${weight}, ${median(lost).toFixed(2)})`);
      }
    }
  }
  if (!any) console.log('  none');
} finally {
  await host.close();
}
