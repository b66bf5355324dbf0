// Where the wasm's bytes go (not a test: it prints figures).
//
//   node bench/wasm-size.mjs [--no-build] [--top N]
//
// Builds the release wasm as Trunk does (unless --no-build), runs
// wasm-bindgen and `wasm-opt -Oz -g` (the shipped optimisation, with the
// function names kept), and prints twiggy's sizes summed by the first path
// segment of each function's name (the crate, mostly), then the N largest
// functions. Needs twiggy: `cargo install twiggy --version 0.8.0 --locked`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kib, sizes } from './measure.mjs';

const args = process.argv.slice(2);
const top = Number(args[args.indexOf('--top') + 1]) || 15;
const ROOT = new URL('..', import.meta.url).pathname;
const WASM = join(ROOT, 'target/wasm32-unknown-unknown/release/brnn-news.wasm');
const run = (command, commandArgs) => execFileSync(command, commandArgs, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });

if (!args.includes('--no-build')) {
  run('cargo', ['build', '--release', '--quiet', '--target', 'wasm32-unknown-unknown', '--features', 'csr', '--bin', 'brnn-news']);
}
const work = mkdtempSync(join(tmpdir(), 'brnn-wasm-size-'));
try {
  run('wasm-bindgen', ['--target', 'web', '--keep-debug', '--out-dir', work, WASM]);
  const features = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals'];
  const named = join(work, 'named.wasm');
  const shipped = join(work, 'shipped.wasm');
  run('wasm-opt', ['-Oz', '-g', ...features, join(work, 'brnn-news_bg.wasm'), '-o', named]);
  run('wasm-opt', ['-Oz', ...features, join(work, 'brnn-news_bg.wasm'), '-o', shipped]);
  const size = sizes(readFileSync(shipped));
  console.log(`shipped wasm (wasm-opt -Oz): ${kib(size.raw).trim()} KiB raw, ${kib(size.brotli).trim()} KiB brotli\n`);

  const rows = run('twiggy', ['top', '-n', '1000000', '--format', 'csv', named])
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      // Name may hold commas; the four numbers are the last fields.
      const fields = line.split(',');
      const name = fields.slice(0, -4).join(',').replace(/^"|"$/g, '');
      return { name: name.replace(/""/g, '"'), bytes: Number(fields.at(-4)) };
    })
    // Names and debug sections are what -g keeps; they do not ship.
    .filter(({ name }) => !/function names|^\.debug|custom section|^"name"/.test(name));
  const groups = new Map();
  for (const { name, bytes } of rows) {
    const group = name.startsWith('data segment')
      ? 'read-only data'
      : (name.replace(/\[[0-9a-f]+\]/g, '').match(/^<?([A-Za-z_][A-Za-z0-9_]*)(::|<| as )/)?.[1] ?? 'other');
    groups.set(group, (groups.get(group) ?? 0) + bytes);
  }
  const total = rows.reduce((sum, row) => sum + row.bytes, 0);
  console.log(`code and data by first path segment (of ${kib(total).trim()} KiB, before wasm-opt drops the names):`);
  for (const [group, bytes] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`${kib(bytes)} KiB  ${(100 * bytes / total).toFixed(1).padStart(5)} %  ${group}`);
  }
  console.log(`\nlargest ${top} functions:`);
  for (const { name, bytes } of [...rows].sort((a, b) => b.bytes - a.bytes).slice(0, top)) {
    console.log(`${kib(bytes)} KiB  ${name.slice(0, 110)}`);
  }
  console.log(`\n(named build ${kib(statSync(named).size).trim()} KiB, in ${work} while this runs)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
